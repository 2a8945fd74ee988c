// Title year, statistics period and body year disagree; or the body states this year's figures under Y±1.
import { quote } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

/** Narrative ids whose figures belong to the report's own year. */
const YEARLY_IDS = new Set(['applicationsReceived', 'applicationsNew', 'applicationsConcluded', 'proactiveItems']);

export function titleYear(title: string | null): number | null {
  const m = title?.match(/((?:19|20)\d{2})\s*年/);
  return m ? Number(m[1]) : null;
}

export const rule: ReportRule = {
  id: 'year-mismatch',
  severity: 'warning',
  group: 'time',
  scope: 'report',
  description: "Title year, statistics period and report year disagree, or this year's figures are stated under year Y±1",
  descriptionZh: '标题年份、统计期限与报告年度不一致，或正文把本年度数字写成上一年/下一年',
  check(report) {
    const year = report.year;
    if (year === null) return [];
    const findings: Finding[] = [];
    const ty = titleYear(report.title);
    if (ty !== null && ty !== year) {
      findings.push({
        message: `title year ${ty} ≠ report year ${year}`,
        messageZh: `标题年份 ${ty} ≠ 报告年度 ${year}`,
        cells: ['title', 'year'],
        text: report.title ?? undefined,
      });
    }
    for (const p of report.textFlags?.periodYears ?? []) {
      if (p.year === year) continue;
      findings.push({
        message: `statistics period names ${p.year} ≠ report year ${year}: "${quote(p.text)}"`,
        messageZh: `统计期限为 ${p.year} 年 ≠ 报告年度 ${year}：“${quote(p.text)}”`,
        cells: ['year'],
        line: p.line,
        text: p.text,
      });
    }
    for (const m of report.narrativeMentions) {
      if (m.year === undefined || !YEARLY_IDS.has(m.id) || Math.abs(m.year - year) !== 1) continue;
      findings.push({
        message: `a ${year} report states its figure under ${m.year}: "${quote(m.text)}"`,
        messageZh: `${year} 年度报告把本年数字写在 ${m.year} 年名下：“${quote(m.text)}”`,
        cells: [`narrative.${m.id}`, 'year'],
        line: m.line,
        text: m.text,
      });
    }
    return findings;
  },
};
