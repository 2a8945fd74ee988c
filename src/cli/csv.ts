// CSV writers (RFC 4180, CRLF-free: one record a line with \n). Report text is sanitized: no control
// characters, no line breaks inside a field, and a leading = + - @ in text is defused for spreadsheets.
import { ACTIVE_ROWS, APPLICATION_ROWS, OUTCOME_GROUPS, OUTCOME_ROWS, getPath } from '../parse/dictionary.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, type ApplicationRow, type Figure, type Report } from '../parse/model.js';
import { sanitizeInline } from '../parse/sanitize.js';

export const LONG_HEADER = ['file', 'jurisdiction', 'year', 'table', 'row', 'column', 'value'] as const;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = sanitizeInline(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return fields.map(csvField).join(',') + '\n';
}

export interface FigureCell {
  table: string;
  row: string;
  column: string;
  value: number | boolean | null;
}

/** Every figure of a report, in dictionary order; blanks included (empty value) so a round trip keeps them. */
export function figureCells(r: Report): FigureCell[] {
  const cells: FigureCell[] = [];
  if (r.active) {
    for (const def of ACTIVE_ROWS) {
      const row = (r.active as Record<string, unknown>)[def.id] as Record<string, unknown> | undefined;
      if (!row) continue;
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'number' || value === null) cells.push({ table: 'active', row: def.id, column, value });
      }
    }
    for (const extra of r.active.extra ?? []) {
      extra.values.forEach((value, i) => cells.push({ table: 'active.extra', row: extra.label, column: String(i + 1), value }));
    }
  }
  if (r.applications) {
    for (const def of APPLICATION_ROWS) {
      const row = getPath(r.applications, def.id) as ApplicationRow | undefined;
      if (!row) continue;
      for (const column of APPLICANT_COLUMNS) cells.push({ table: 'applications', row: def.id, column, value: row[column] });
    }
  }
  if (r.reviews) {
    for (const group of REVIEW_GROUPS) {
      for (const column of REVIEW_COLUMNS) cells.push({ table: 'reviews', row: group, column, value: r.reviews[group][column] });
    }
  }
  for (const [id, figure] of Object.entries(r.narrative)) {
    if (figure) cells.push({ table: 'narrative', row: id, column: 'value', value: figure.value });
  }
  for (const [id, figure] of Object.entries(r.legacy ?? {})) cells.push({ table: 'legacy', row: id, column: 'value', value: figure.value });
  return cells;
}

export function longRows(r: Report): string {
  return figureCells(r)
    .map((c) => csvLine([r.file, r.jurisdiction, r.year, c.table, c.row, c.column, c.value]))
    .join('');
}

// ── wide: one row per report with the main totals ─────────────────────────────

const sumRows = (r: Report, group: string): Figure => {
  if (!r.applications) return null;
  const values = OUTCOME_ROWS.filter((d) => d.group === group).map((d) => (getPath(r.applications, d.id) as ApplicationRow).total);
  return values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
};
const total = (r: Report, id: string): Figure => (r.applications ? (getPath(r.applications, id) as ApplicationRow).total : null);
const active = (r: Report, row: string, column: string): Figure => {
  const v = getPath(r.active, `${row}.${column}`);
  return typeof v === 'number' ? v : null;
};
const count = (r: Report, severity: string) => r.anomalies.filter((a) => a.severity === severity).length;

export const WIDE_COLUMNS: ReadonlyArray<{ name: string; get: (r: Report) => string | number | null }> = [
  { name: 'file', get: (r) => r.file },
  { name: 'jurisdiction', get: (r) => r.jurisdiction },
  { name: 'jurisdictionKey', get: (r) => r.jurisdictionKey },
  { name: 'level', get: (r) => r.level },
  { name: 'bodyType', get: (r) => r.bodyType },
  { name: 'year', get: (r) => r.year },
  { name: 'format', get: (r) => r.format },
  { name: 'publishedAt', get: (r) => r.publishedAt },
  { name: 'newReceived', get: (r) => total(r, 'newReceived') },
  { name: 'carriedOver', get: (r) => total(r, 'carriedOver') },
  ...OUTCOME_GROUPS.map((g) => ({ name: g, get: (r: Report) => sumRows(r, g) })),
  { name: 'outcomeTotal', get: (r) => total(r, 'outcomeTotal') },
  { name: 'carriedForward', get: (r) => total(r, 'carriedForward') },
  ...REVIEW_GROUPS.map((g) => ({ name: `${g}Total`, get: (r: Report) => r.reviews?.[g].total ?? null })),
  { name: 'regulationsCurrent', get: (r) => active(r, 'regulations', 'current') },
  { name: 'normativeDocumentsCurrent', get: (r) => active(r, 'normativeDocuments', 'current') },
  { name: 'licensingDecisions', get: (r) => active(r, 'licensing', 'decisions') },
  { name: 'punishmentDecisions', get: (r) => active(r, 'punishment', 'decisions') },
  { name: 'enforcementDecisions', get: (r) => active(r, 'enforcement', 'decisions') },
  { name: 'feesAmount', get: (r) => active(r, 'fees', 'amount') },
  { name: 'errors', get: (r) => count(r, 'error') },
  { name: 'warnings', get: (r) => count(r, 'warning') },
  { name: 'infos', get: (r) => count(r, 'info') },
];

export function wideHeader(): string {
  return csvLine(WIDE_COLUMNS.map((c) => c.name));
}

export function wideRow(r: Report): string {
  return csvLine(WIDE_COLUMNS.map((c) => c.get(r)));
}
