// Keeps a loaded report small in memory: a folder of 100,000 reports must fit in well under a gigabyte.
// A report that crossed a thread or came from the cache is a fresh copy of everything: strings that thousands
// of reports share (section titles, diagnostic messages, sentences of the standard template, the sentence a
// narrative figure and its mention both quote) are made one string again.
import type { Report } from '../parse/model.js';

const MAX_INTERNED = 100_000;
const interned = new Map<string, string>();

function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size < MAX_INTERNED) interned.set(s, s);
  return s;
}

export function compactReport(report: Report): Report {
  for (const section of report.sections) {
    section.title = intern(section.title);
    section.firstLine = intern(section.firstLine);
  }
  for (const d of report.diagnostics) {
    d.code = intern(d.code);
    d.message = intern(d.message);
    d.messageZh = intern(d.messageZh);
  }
  for (const m of report.narrativeMentions) m.text = intern(m.text);
  for (const figure of Object.values(report.narrative)) figure.text = intern(figure.text);
  if (report.jurisdictionKey) report.jurisdictionKey = intern(report.jurisdictionKey);
  if (report.jurisdiction) report.jurisdiction = intern(report.jurisdiction);
  report.encoding = intern(report.encoding);
  return report;
}
