// A statutory section under the wrong ordinal, numbering that restarts, or the whole block shifted by one.
import { SECTION_LABELS, STATUTORY_ORDER, isTableFormat } from '../report-facts.js';
import type { Finding, ReportRule } from '../types.js';

const ORDINALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinalZh = (n: number) => ORDINALS[n] ?? String(n);

export const rule: ReportRule = {
  id: 'section-misnumbered',
  severity: 'warning',
  group: 'form',
  scope: 'report',
  description: 'A statutory section under the wrong ordinal, top-level numbering restarted, or the block shifted by one',
  descriptionZh: '法定部分序号错误、一级序号重新开始，或整体错位',
  check(report) {
    // Legacy reports number their own headings freely; the statutory order binds the 2019/2021 formats only.
    if (!isTableFormat(report)) return [];
    const numbered = report.sections.filter((s) => s.key !== 'legacy' && s.ordinal !== null);
    if (numbered.length === 0) return [];
    const findings: Finding[] = [];
    const wrong = numbered
      .map((s) => ({ s, expected: STATUTORY_ORDER.indexOf(s.key as (typeof STATUTORY_ORDER)[number]) + 1 }))
      .filter((x) => x.s.ordinal !== x.expected);
    const offsets = new Set(wrong.map((x) => x.s.ordinal! - x.expected));
    if (wrong.length >= 2 && offsets.size === 1) {
      const offset = [...offsets][0]!;
      findings.push({
        message: `${wrong.length} statutory sections are numbered ${offset > 0 ? '+' : ''}${offset} from their place (the block is shifted)`,
        messageZh: `${wrong.length} 个法定部分的序号整体错位 ${offset > 0 ? '+' : ''}${offset}（如“${wrong[0]!.s.title}”应为第${ordinalZh(wrong[0]!.expected)}部分）`,
        cells: wrong.map((x) => `sections.${x.s.key}`),
        line: wrong[0]!.s.line,
      });
    } else {
      for (const { s, expected } of wrong) {
        const label = SECTION_LABELS[s.key as keyof typeof SECTION_LABELS];
        findings.push({
          message: `"${label.en}" is numbered ${s.ordinal}, expected ${expected}`,
          messageZh: `“${label.zh}”编为第${ordinalZh(s.ordinal!)}部分，应为第${ordinalZh(expected)}部分`,
          cells: [`sections.${s.key}`],
          line: s.line,
        });
      }
    }
    // Numbering that goes back (一 二 三 一 …) means a sub-list was taken for top-level headings, or the report restarted.
    for (let i = 1; i < numbered.length; i++) {
      const prev = numbered[i - 1]!;
      const cur = numbered[i]!;
      if (cur.ordinal! <= prev.ordinal!) {
        findings.push({
          message: `top-level numbering restarts at line ${cur.line}: ${prev.ordinal} then ${cur.ordinal}`,
          messageZh: `一级序号在第 ${cur.line} 行重新开始：${ordinalZh(prev.ordinal!)} 之后是 ${ordinalZh(cur.ordinal!)}`,
          cells: [`sections.${cur.key}`],
          line: cur.line,
        });
      }
    }
    return findings;
  },
};
