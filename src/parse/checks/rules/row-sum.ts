// Every row of table 3: 总计 = 自然人 + the five kinds of 法人或其他组织.
import { APPLICATION_ROWS } from '../../dictionary.js';
import { APPLICANT_COLUMNS, type Figure } from '../../model.js';
import { applicationTerm, isNumber, readRowFigures, rowReader, sameNumber, showSum } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

const PARTS = APPLICANT_COLUMNS.filter((c) => c !== 'total');
// readRowFigures puts the parts first, in PARTS order, and the total last.
const TOTAL = APPLICANT_COLUMNS.indexOf('total');
const ROWS = APPLICATION_ROWS.map((def) => ({ def, read: rowReader(def.id) }));

export const rule: ReportRule = {
  id: 'row-sum',
  severity: 'error',
  group: 'arithmetic',
  scope: 'report',
  description: 'Table 3: in every row, total = naturalPerson + commercial + research + social + legal + otherOrg',
  descriptionZh: '表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
  check(report) {
    const t = report.applications;
    if (!t) return [];
    const findings: Finding[] = [];
    const figures: Figure[] = [];
    for (const { def, read } of ROWS) {
      const row = read(t);
      readRowFigures(row, figures);
      const total = figures[TOTAL];
      if (!isNumber(total)) continue;
      let raw = 0;
      let count = 0;
      for (let i = 0; i < TOTAL; i++) {
        const v = figures[i];
        if (isNumber(v)) (raw += v), count++;
      }
      // A row with no parts at all is unread or blank, not wrong; a partly blank row counts blanks as 0.
      // Labels are built only for a row that fails: this rule runs over every row of every report.
      if (count === 0 || sameNumber(raw, total)) continue;
      const filled = PARTS.filter((c) => isNumber(row[c]));
      const parts = filled.map((c) => applicationTerm(def.id, c, row[c] as number));
      const blanks = PARTS.length - filled.length;
      const totalTerm = applicationTerm(def.id, 'total', total);
      findings.push({
        message: `${def.id}: ${showSum(parts, 'en')} ≠ total ${total}${blanks ? ` (${blanks} blank cell(s) counted as 0)` : ''}`,
        messageZh: `${def.short}：${showSum(parts, 'zh')} ≠ 总计 ${total}${blanks ? `（${blanks} 个空白按 0 计）` : ''}`,
        cells: [...parts.map((p) => p.path), totalTerm.path],
      });
    }
    return findings;
  },
};
