// The 21 outcome rows (予以公开 … 其他) add up to (七)总计, column by column.
import { OUTCOME_ROWS, applicationRow } from '../../dictionary.js';
import { APPLICANT_COLUMNS } from '../../model.js';
import { applicationTerm, fmt, isNumber, sameNumber } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'outcome-sum',
  severity: 'error',
  group: 'arithmetic',
  scope: 'report',
  description: 'Table 3: the 21 outcome rows (granted … other.other) add up to outcomeTotal, for every column',
  descriptionZh: '表三：办理结果各项（予以公开至其他处理）之和等于办理结果总计（逐列）',
  check(report) {
    const t = report.applications;
    if (!t) return [];
    const findings: Finding[] = [];
    const rows = OUTCOME_ROWS.map((def) => ({ def, row: applicationRow(t, def.id) }));
    for (const c of APPLICANT_COLUMNS) {
      const total = t.outcomeTotal[c];
      if (!isNumber(total)) continue;
      let s = 0;
      let count = 0;
      for (const { row } of rows) {
        const v = row[c];
        if (isNumber(v)) (s += v), count++;
      }
      if (count === 0 || sameNumber(s, total)) continue;
      const parts = rows.map(({ def, row }) => ({ def, value: row[c] })).filter((p) => isNumber(p.value));
      // Naming the non-zero rows keeps the message readable; the zero rows add nothing.
      const nonZero = parts.filter((p) => p.value !== 0);
      const shown = (lang: 'zh' | 'en') =>
        nonZero.length ? nonZero.map((p) => `${lang === 'zh' ? p.def.short : p.def.id} ${fmt(p.value as number)}`).join(' + ') : '0';
      const totalTerm = applicationTerm('outcomeTotal', c, total);
      const col = c === 'total' ? '' : ` (${c})`;
      const colZh = totalTerm.zh.replace('办理结果总计', '');
      findings.push({
        message: `outcome rows${col}: ${shown('en')} = ${fmt(s)} ≠ outcomeTotal ${fmt(total)}`,
        messageZh: `办理结果各项${colZh}：${shown('zh')} = ${fmt(s)} ≠ 办理结果总计 ${fmt(total)}`,
        cells: [...parts.map((p) => `applications.${p.def.id}.${c}`), totalTerm.path],
      });
    }
    return findings;
  },
};
