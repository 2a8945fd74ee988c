// Cells left blank or filled with "/", "—", "-", "无": one finding per table, with the tokens seen.
import { quote } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

const TABLES = [
  { prefix: 'active.', en: 'table 2', zh: '表二' },
  { prefix: 'applications.', en: 'table 3', zh: '表三' },
  { prefix: 'reviews.', en: 'table 4', zh: '表四' },
] as const;

export const rule: ReportRule = {
  id: 'blank-cells',
  severity: 'warning',
  group: 'arithmetic',
  scope: 'report',
  description: 'Cells left blank or filled with "/", "—", "-", "无": counted per table, kept as null',
  descriptionZh: '表格单元格空白或填“/”“—”“-”“无”：按表计数，数值记为 null',
  check(report) {
    const findings: Finding[] = [];
    for (const table of TABLES) {
      const blanks = report.blankCells.filter((b) => b.cell.startsWith(table.prefix));
      if (blanks.length === 0) continue;
      const tokens = [...new Set(blanks.map((b) => (b.token.trim() === '' ? '(empty)' : quote(b.token, 8))))];
      const tokensZh = tokens.map((t) => (t === '(empty)' ? '（空）' : `“${t}”`)).join('、');
      const lines = blanks.map((b) => b.line).filter((l): l is number => l !== null);
      findings.push({
        message: `${table.en}: ${blanks.length} blank cell(s), written ${tokens.join(', ')}`,
        messageZh: `${table.zh}：${blanks.length} 个空白单元格，填写为 ${tokensZh}`,
        cells: blanks.map((b) => b.cell),
        line: lines.length ? Math.min(...lines) : null,
      });
    }
    return findings;
  },
};
