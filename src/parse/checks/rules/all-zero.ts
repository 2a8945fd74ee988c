// Table 3 is all zeros while the prose speaks of applications, or the prose says none while the table has some.
import { hasFigures } from '../report-facts.js';
import { fmt, quote } from '../format.js';
import type { ApplicationTable } from '../../model.js';
import type { Finding, ReportRule } from '../types.js';

function allZero(value: unknown): boolean {
  if (typeof value === 'number') return value === 0;
  if (value === null || typeof value !== 'object') return true;
  for (const key in value) if (Object.hasOwn(value, key) && !allZero((value as Record<string, unknown>)[key])) return false;
  return true;
}

const RECEIVED_IDS = new Set(['applicationsReceived', 'applicationsNew']);

export const rule: ReportRule = {
  id: 'all-zero',
  severity: 'info',
  group: 'prose',
  scope: 'report',
  description: 'Every figure of table 3 is 0 while the prose speaks of applications, or the reverse',
  descriptionZh: '表三全部为 0 而正文提到收到申请，或正文称未收到申请而表三有数',
  check(report) {
    const t: ApplicationTable | null = report.applications;
    if (!t || !hasFigures(t)) return [];
    const findings: Finding[] = [];
    const mentions = report.narrativeMentions.filter((m) => RECEIVED_IDS.has(m.id) && typeof m.value === 'number');
    const positive = mentions.find((m) => (m.value as number) > 0);
    const zero = mentions.find((m) => m.value === 0);
    if (allZero(t) && positive) {
      findings.push({
        message: `every figure of table 3 is 0, but the text says ${fmt(positive.value as number)}: "${quote(positive.text)}"`,
        messageZh: `表三全部为 0，但正文称 ${fmt(positive.value as number)} 件：“${quote(positive.text)}”`,
        cells: ['applications', `narrative.${positive.id}`],
        line: positive.line,
        text: positive.text,
      });
    }
    const received = t.newReceived.total;
    if (zero && typeof received === 'number' && received > 0) {
      findings.push({
        message: `the text says no applications ("${quote(zero.text)}"), but table 3 newReceived = ${fmt(received)}`,
        messageZh: `正文称未收到申请（“${quote(zero.text)}”），但表三本年新收 ${fmt(received)} 件`,
        cells: [`narrative.${zero.id}`, 'applications.newReceived.total'],
        line: zero.line,
        text: zero.text,
      });
    }
    return findings;
  },
};
