// One year: fewer documents in force than were issued this year (only possible if the new ones were repealed).
import type { Finding, ReportRule } from '../types.js';

const ROWS = [
  { id: 'regulations', zh: '规章' },
  { id: 'normativeDocuments', zh: '行政规范性文件' },
] as const;

export const rule: ReportRule = {
  id: 'stock-below-flow',
  severity: 'warning',
  group: 'corpus',
  scope: 'report',
  description: 'One year: current < issued (a document issued this year cannot be missing from the stock unless repealed)',
  descriptionZh: '本年现行有效件数少于本年制发件数（除非当年制发当年废止）',
  check(report) {
    const findings: Finding[] = [];
    for (const row of ROWS) {
      const r = report.active?.[row.id];
      const issued = r?.issued;
      const current = r?.current;
      if (typeof issued !== 'number' || typeof current !== 'number' || current >= issued) continue;
      const repealed = typeof r?.repealed === 'number' ? r.repealed : null;
      const note = repealed ? ` (repealed ${repealed} this year, which may explain it)` : '';
      const noteZh = repealed ? `（本年废止 ${repealed} 件，或可解释）` : '';
      findings.push({
        message: `${row.id}: current ${current} < issued ${issued}${note}`,
        messageZh: `${row.zh}：现行有效件数 ${current} < 本年制发件数 ${issued}${noteZh}`,
        cells: [`active.${row.id}.issued`, `active.${row.id}.current`],
      });
    }
    return findings;
  },
};
