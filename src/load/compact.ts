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
  // Enumerations (a handful of values): after a thread crossing or JSON.parse each report holds its own copies.
  report.sourceFormat = intern(report.sourceFormat) as Report['sourceFormat'];
  if (report.format) report.format = intern(report.format) as Report['format'];
  if (report.formatEvidence.cited) report.formatEvidence.cited = intern(report.formatEvidence.cited) as Report['formatEvidence']['cited'];
  report.level = intern(report.level) as Report['level'];
  report.bodyType = intern(report.bodyType) as Report['bodyType'];
  report.script = intern(report.script) as Report['script'];
  for (const section of report.sections) {
    section.key = intern(section.key) as typeof section.key;
    section.title = intern(section.title);
    section.firstLine = intern(section.firstLine);
  }
  for (const d of report.diagnostics) {
    d.code = intern(d.code);
    d.severity = intern(d.severity) as typeof d.severity;
    d.message = intern(d.message);
    d.messageZh = intern(d.messageZh);
  }
  for (const m of report.narrativeMentions) {
    m.id = intern(m.id) as typeof m.id;
    m.text = intern(m.text);
  }
  for (const figure of Object.values(report.narrative)) figure.text = intern(figure.text);
  for (const blank of report.blankCells) {
    blank.cell = intern(blank.cell);
    blank.token = intern(blank.token);
  }
  // Sentences of the standard template recur across reports.
  const flags = report.textFlags;
  if (flags) {
    for (const t of flags.templateLeftovers) t.text = intern(t.text);
    for (const p of flags.periodYears) p.text = intern(p.text);
    if (flags.noFeeStatement) flags.noFeeStatement.text = intern(flags.noFeeStatement.text);
  }
  if (report.legacy) for (const entry of Object.values(report.legacy)) entry.label = intern(entry.label);
  if (report.jurisdictionKey) report.jurisdictionKey = intern(report.jurisdictionKey);
  if (report.jurisdiction) report.jurisdiction = intern(report.jurisdiction);
  report.encoding = intern(report.encoding);
  return report;
}
