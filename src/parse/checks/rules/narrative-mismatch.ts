// Every figure stated in a sentence is held against the table; for 共收到 both readings are tried when the
// sentence does not say whether it includes 上年结转.
import type { ApplicationTable, NarrativeMention, ReviewTable } from '../../model.js';
import { applicationTerm, fmt, isNumber, quote, reviewTerm, sameNumber, sum, type Term } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

/** One way of reading a sentence: the table terms its figure should equal. */
interface Reading {
  terms: Term[];
  en: string;
  zh: string;
}

function app(t: ApplicationTable | null, row: 'newReceived' | 'carriedOver' | 'outcomeTotal' | 'carriedForward'): Term | null {
  const v = t?.[row].total;
  return isNumber(v) ? applicationTerm(row, 'total', v) : null;
}

function rev(t: ReviewTable | null, group: 'review' | 'litigationDirect' | 'litigationAfterReview'): Term | null {
  const v = t?.[group].total;
  return isNumber(v) ? reviewTerm(group, 'total', v) : null;
}

function reading(terms: Array<Term | null>, en: string, zh: string): Reading[] {
  return terms.every((x): x is Term => x !== null) ? [{ terms, en, zh }] : [];
}

/** The readings a mention can be checked against; none when the table lacks the figures. */
export function readingsFor(m: NarrativeMention, a: ApplicationTable | null, r: ReviewTable | null): Reading[] {
  switch (m.id) {
    case 'applicationsNew':
      return reading([app(a, 'newReceived')], '新收 alone', '仅新收');
    case 'applicationsReceived': {
      const both = reading([app(a, 'newReceived'), app(a, 'carriedOver')], '新收 + 上年结转 (the sentence says 含上年结转)', '新收 + 上年结转（句中写明含上年结转）');
      if (m.includesCarriedOver === true) return both;
      return [
        ...reading([app(a, 'newReceived')], '新收 alone', '仅新收'),
        ...reading([app(a, 'newReceived'), app(a, 'carriedOver')], '新收 + 上年结转', '新收 + 上年结转'),
      ];
    }
    case 'carriedOver':
      return reading([app(a, 'carriedOver')], '上年结转', '上年结转');
    case 'applicationsConcluded':
      return reading([app(a, 'outcomeTotal')], '办理结果总计', '办理结果总计');
    case 'carriedForward':
      return reading([app(a, 'carriedForward')], '结转下年度', '结转下年度');
    case 'reviews':
      return reading([rev(r, 'review')], '行政复议总计', '行政复议总计');
    case 'litigations':
      return reading([rev(r, 'litigationDirect'), rev(r, 'litigationAfterReview')], '行政诉讼 直接起诉 + 复议后起诉', '行政诉讼 直接起诉 + 复议后起诉');
    default:
      return []; // proactiveItems has no table counterpart; feesCharged and allConcluded are yes/no
  }
}

function show(r: Reading, lang: 'zh' | 'en'): string {
  const parts = r.terms.map((t) => `${lang === 'zh' ? t.zh : t.en} ${fmt(t.value)}`).join(' + ');
  return r.terms.length > 1 ? `${parts} = ${fmt(sum(r.terms))}` : parts;
}

export const rule: ReportRule = {
  id: 'narrative-mismatch',
  severity: 'warning',
  group: 'prose',
  scope: 'report',
  description: 'A figure in a sentence contradicts the table (新收, 共收到, 办结, 结转, 行政复议, 行政诉讼); every mention, each reading tried',
  descriptionZh: '正文数字与表格不符（新收、共收到、办结、结转、行政复议、行政诉讼）；逐句核对，并说明按哪种口径核对',
  check(report) {
    const findings: Finding[] = [];
    for (const m of report.narrativeMentions) {
      if (typeof m.value !== 'number') continue;
      const readings = readingsFor(m, report.applications, report.reviews);
      if (readings.length === 0 || readings.some((r) => sameNumber(sum(r.terms), m.value as number))) continue;
      const said = quote(m.text);
      findings.push({
        message: `"${said}" says ${fmt(m.value)}; tried ${readings.map((r) => `${r.en}: ${show(r, 'en')}`).join('; ')} — none equals ${fmt(m.value)}`,
        messageZh: `“${said}”称 ${fmt(m.value)} 件；按${readings.map((r) => `${r.zh}核对：${show(r, 'zh')}`).join('；按')}——均不等于 ${fmt(m.value)}`,
        cells: [`narrative.${m.id}`, ...new Set(readings.flatMap((r) => r.terms.map((t) => t.path)))],
        line: m.line,
        text: m.text,
      });
    }
    return findings;
  },
};
