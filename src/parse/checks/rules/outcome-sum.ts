// The 21 outcome rows (予以公开 … 其他) add up to (七)总计, column by column.
import { OUTCOME_ROWS } from '../../dictionary.js';
import { APPLICANT_COLUMNS, type Figure } from '../../model.js';
import { applicationTerm, fmt, isNumber, readRowFigures, rowReader, sameNumber } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

const COLUMNS = APPLICANT_COLUMNS.length;
const READERS = OUTCOME_ROWS.map((def) => ({ def, read: rowReader(def.id) }));

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
    const rows = READERS.map(({ read }) => read(t));
    // Column sums in one pass, row by row (the same additions, in the same order, as a column-by-column loop).
    const sums = new Float64Array(COLUMNS);
    const counts = new Int32Array(COLUMNS);
    const figures: Figure[] = [];
    for (const row of rows) {
      readRowFigures(row, figures);
      for (let i = 0; i < COLUMNS; i++) {
        const v = figures[i];
        if (isNumber(v)) (sums[i] = sums[i]! + v), (counts[i] = counts[i]! + 1);
      }
    }
    const totals = readRowFigures(t.outcomeTotal, []);
    for (let i = 0; i < COLUMNS; i++) {
      const c = APPLICANT_COLUMNS[i]!;
      const total = totals[i];
      const s = sums[i]!;
      if (!isNumber(total) || counts[i] === 0 || sameNumber(s, total)) continue;
      const parts = rows.map((row, r) => ({ def: READERS[r]!.def, value: row[c] })).filter((p) => isNumber(p.value));
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
