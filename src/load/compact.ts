// Keeps a loaded report small in memory: a folder of 100,000 reports must fit in well under a gigabyte.
// A report that crossed a thread or came from the cache is a fresh copy of everything: strings that thousands
// of reports share (section titles, diagnostic messages, sentences of the standard template, the sentence a
// narrative figure and its mention both quote) are made one string again.
import type { Anomaly, Report } from '../parse/model.js';

const MAX_INTERNED = 100_000;
const interned = new Map<string, string>();

function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size < MAX_INTERNED) interned.set(s, s);
  return s;
}

const MAX_SHARED_ROWS = 10_000;
const sharedRows = new Map<string, Readonly<Record<string, number | null>>>();
const sharedLists = new Map<string, readonly string[]>();

/**
 * A table row whose every figure is 0 or blank, as one frozen object all reports share. Most rows of most real
 * tables are like that (不予公开 by 国家秘密, 行政诉讼 of a township...), and a report's tables are its biggest part
 * in memory. Only empty rows are shared, so a row with figures is never one another report could change.
 */
function compactRows<T>(node: T): T {
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  let leaf = true;
  let empty = true;
  for (const key in record) {
    const value = record[key];
    if (value !== null && typeof value === 'object') {
      leaf = false;
      record[key] = compactRows(value);
    } else if (typeof value !== 'number' && value !== null) {
      return node; // not a row of figures
    } else if (value !== 0 && value !== null) {
      empty = false;
    }
  }
  if (!leaf || !empty) return node;
  const key = Object.entries(record).join(';');
  const known = sharedRows.get(key);
  if (known) return known as T;
  if (sharedRows.size < MAX_SHARED_ROWS) sharedRows.set(key, Object.freeze(record) as Readonly<Record<string, number | null>>);
  return node;
}

/** The cell lists of anomalies (a rule names the same cells in every report it flags), shared and frozen. */
function internList(list: string[]): string[] {
  const key = list.join('\u0000');
  const known = sharedLists.get(key);
  if (known) return known as string[];
  const frozen = Object.freeze(list.map(intern));
  if (sharedLists.size < MAX_SHARED_ROWS) sharedLists.set(key, frozen);
  return frozen as string[];
}

/** Severity and the two messages of a diagnostic or anomaly: the same few texts recur across a folder. */
function internMessage(m: { severity: string; message: string; messageZh: string }): void {
  m.severity = intern(m.severity);
  m.message = intern(m.message);
  m.messageZh = intern(m.messageZh);
}

/**
 * An anomaly's id, severity and cell list, shared. Alone for a cross-report finding read back from the store
 * (stored-findings.ts): its messages name other files, so no two are alike and they are not interned.
 */
export function compactFinding(a: Anomaly): void {
  a.id = intern(a.id);
  a.severity = intern(a.severity) as Anomaly['severity'];
  a.cells = internList(a.cells);
}

/** The fields a report's summary holds (entry.ts): anomalies, enumerations, names. */
export function compactSummary(report: Report): Report {
  // A report's own anomalies have messages that recur across a folder (a cross-report finding's name other files).
  for (const a of report.anomalies) {
    compactFinding(a);
    internMessage(a);
  }
  // Enumerations (a handful of values): after a thread crossing or JSON.parse each report holds its own copies.
  report.sourceFormat = intern(report.sourceFormat) as Report['sourceFormat'];
  if (report.format) report.format = intern(report.format) as Report['format'];
  report.level = intern(report.level) as Report['level'];
  report.bodyType = intern(report.bodyType) as Report['bodyType'];
  report.script = intern(report.script) as Report['script'];
  if (report.jurisdictionKey) report.jurisdictionKey = intern(report.jurisdictionKey);
  if (report.jurisdiction) report.jurisdiction = intern(report.jurisdiction);
  report.encoding = intern(report.encoding);
  return report;
}

/** The detail fields (entry.ts DETAIL_KEYS), when they are inflated. */
export function compactDetail(detail: Partial<Report>): void {
  if (detail.active !== undefined) detail.active = compactRows(detail.active);
  if (detail.applications !== undefined) detail.applications = compactRows(detail.applications);
  if (detail.reviews !== undefined) detail.reviews = compactRows(detail.reviews);
  if (detail.formatEvidence?.cited) detail.formatEvidence.cited = intern(detail.formatEvidence.cited) as Report['formatEvidence']['cited'];
  for (const section of detail.sections ?? []) {
    section.key = intern(section.key) as typeof section.key;
    section.title = intern(section.title);
    section.firstLine = intern(section.firstLine);
  }
  for (const d of detail.diagnostics ?? []) {
    d.code = intern(d.code);
    internMessage(d);
  }
  for (const m of detail.narrativeMentions ?? []) {
    m.id = intern(m.id) as typeof m.id;
    m.text = intern(m.text);
  }
  for (const figure of Object.values(detail.narrative ?? {})) figure.text = intern(figure.text);
  for (const blank of detail.blankCells ?? []) {
    blank.cell = intern(blank.cell);
    blank.token = intern(blank.token);
  }
  // Sentences of the standard template recur across reports.
  const flags = detail.textFlags;
  if (flags) {
    for (const t of flags.templateLeftovers) t.text = intern(t.text);
    for (const p of flags.periodYears) p.text = intern(p.text);
    if (flags.noFeeStatement) flags.noFeeStatement.text = intern(flags.noFeeStatement.text);
  }
  if (detail.legacy) for (const entry of Object.values(detail.legacy)) entry.label = intern(entry.label);
}
