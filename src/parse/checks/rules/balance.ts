// 勾稽关系 of table 3: 新收 + 上年结转 = 办理结果总计 + 结转下年度, column by column.
import { APPLICANT_COLUMNS } from '../../model.js';
import { applicationTerm, isNumber, sameNumber, showSum, sum } from '../format.js';
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
    for (const c of APPLICANT_COLUMNS) {
      const values = [t.newReceived[c], t.carriedOver[c], t.outcomeTotal[c], t.carriedForward[c]];
      if (!values.every(isNumber)) continue; // blanks are blank-cells' business
      const [nr, co, ot, cf] = values as number[];
      const left = [applicationTerm('newReceived', c, nr!), applicationTerm('carriedOver', c, co!)];
      const right = [applicationTerm('outcomeTotal', c, ot!), applicationTerm('carriedForward', c, cf!)];
      if (sameNumber(sum(left), sum(right))) continue;
      findings.push({
        message: `${showSum(left, 'en')} ≠ ${showSum(right, 'en')}`,
        messageZh: `${showSum(left, 'zh')} ≠ ${showSum(right, 'zh')}`,
        cells: [...left, ...right].map((x) => x.path),
      });
    }
    return findings;
  },
};
