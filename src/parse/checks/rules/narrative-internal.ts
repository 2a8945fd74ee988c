// The prose contradicts itself: "均已办结" with cases carried forward; received ≠ concluded + carried forward;
// a percentage that does not match its own count and base.
import { fmt, isNumber, quote } from '../format.js';
import type { NarrativeMention, Report } from '../../model.js';
import type { Finding, ReportRule } from '../types.js';

function first(r: Report, id: NarrativeMention['id']): NarrativeMention | undefined {
  return r.narrativeMentions.find((m) => m.id === id && typeof m.value === 'number');
}

export const rule: ReportRule = {
  id: 'narrative-internal',
  severity: 'warning',
  group: 'prose',
  scope: 'report',
  description: 'The prose contradicts itself: "均已办结" with cases carried forward, received ≠ concluded + carried forward, a wrong percentage',
  descriptionZh: '正文自相矛盾：称“均已办结”却有结转；收到 ≠ 办结 + 结转；百分比与其数量和基数不符',
  check(report) {
    const findings: Finding[] = [];
    const all = report.narrativeMentions.find((m) => m.id === 'allConcluded' && m.value === true);
    if (all) {
      const tableForward = report.applications?.carriedForward.total;
      const proseForward = first(report, 'carriedForward');
      const forward = isNumber(tableForward) ? { n: tableForward, cell: 'applications.carriedForward.total', src: '结转下年度 (table)', srcZh: '表中结转下年度' } : proseForward ? { n: proseForward.value as number, cell: 'narrative.carriedForward', src: 'carried forward (prose)', srcZh: '正文结转' } : null;
      if (forward && forward.n > 0) {
        findings.push({
          message: `"${quote(all.text)}" says all were concluded, but ${forward.src} = ${fmt(forward.n)} > 0`,
          messageZh: `“${quote(all.text)}”称均已办结，但${forward.srcZh} ${fmt(forward.n)} 件 > 0`,
          cells: ['narrative.allConcluded', forward.cell],
          line: all.line,
          text: all.text,
        });
      }
    }
    // 共收到 A 件（含上年结转），办结 B 件，结转 C 件: A must be B + C.
    const received = first(report, 'applicationsReceived');
    const concluded = first(report, 'applicationsConcluded');
    const forward = first(report, 'carriedForward');
    if (received?.includesCarriedOver === true && concluded && forward) {
      const a = received.value as number;
      const b = concluded.value as number;
      const c = forward.value as number;
      if (a !== b + c) {
        findings.push({
          message: `received (incl. carried over) ${fmt(a)} ≠ concluded ${fmt(b)} + carried forward ${fmt(c)} = ${fmt(b + c)}`,
          messageZh: `共收到（含上年结转）${fmt(a)} ≠ 办结 ${fmt(b)} + 结转 ${fmt(c)} = ${fmt(b + c)}`,
          cells: ['narrative.applicationsReceived', 'narrative.applicationsConcluded', 'narrative.carriedForward'],
          line: received.line,
          text: received.text,
        });
      }
    }
    for (const r of report.textFlags?.ratios ?? []) {
      if (r.base <= 0) continue;
      const actual = (r.count / r.base) * 100;
      // A stated percentage is rounded; accept anything within half a unit of its last written digit, or 0.5.
      const decimals = (String(r.percent).split('.')[1] ?? '').length;
      const tolerance = Math.max(0.5 / 10 ** decimals, 0.05);
      if (Math.abs(actual - r.percent) <= tolerance + 1e-9) continue;
      findings.push({
        message: `${fmt(r.count)} / ${fmt(r.base)} = ${actual.toFixed(2)}% ≠ stated ${fmt(r.percent)}%: "${quote(r.text)}"`,
        messageZh: `${fmt(r.count)} ÷ ${fmt(r.base)} = ${actual.toFixed(2)}% ≠ 文中所写 ${fmt(r.percent)}%：“${quote(r.text)}”`,
        cells: [`line.${r.line}`],
        line: r.line,
        text: r.text,
      });
    }
    return findings;
  },
};
