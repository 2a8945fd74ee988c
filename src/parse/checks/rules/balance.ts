// 勾稽关系 of table 3: 新收 + 上年结转 = 办理结果总计 + 结转下年度, column by column.
import { APPLICANT_COLUMNS } from '../../model.js';
import { applicationTerm, isNumber, readRowFigures, sameNumber, showSum } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'balance',
  severity: 'error',
  group: 'arithmetic',
  scope: 'report',
  description: 'Table 3: newReceived + carriedOver = outcomeTotal + carriedForward, for every column',
  descriptionZh: '表三勾稽关系：本年新收 + 上年结转 = 办理结果总计 + 结转下年度（逐列）',
  check(report) {
    const t = report.applications;
    if (!t) return [];
    const findings: Finding[] = [];
    const newReceived = readRowFigures(t.newReceived, []);
    const carriedOver = readRowFigures(t.carriedOver, []);
    const outcomeTotal = readRowFigures(t.outcomeTotal, []);
    const carriedForward = readRowFigures(t.carriedForward, []);
    for (let i = 0; i < APPLICANT_COLUMNS.length; i++) {
      const c = APPLICANT_COLUMNS[i]!;
      const nr = newReceived[i];
      const co = carriedOver[i];
      const ot = outcomeTotal[i];
      const cf = carriedForward[i];
      if (!isNumber(nr) || !isNumber(co) || !isNumber(ot) || !isNumber(cf)) continue; // blanks are blank-cells' business
      // Sums in the order the terms are listed below, so a float amount rounds exactly as the message shows it.
      if (sameNumber(0 + nr + co, 0 + ot + cf)) continue;
      const left = [applicationTerm('newReceived', c, nr), applicationTerm('carriedOver', c, co)];
      const right = [applicationTerm('outcomeTotal', c, ot), applicationTerm('carriedForward', c, cf)];
      findings.push({
        message: `${showSum(left, 'en')} ≠ ${showSum(right, 'en')}`,
        messageZh: `${showSum(left, 'zh')} ≠ ${showSum(right, 'zh')}`,
        cells: [...left, ...right].map((x) => x.path),
      });
    }
    return findings;
  },
};
