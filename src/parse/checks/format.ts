// Shared helpers for rules: labels of cells in both languages, sums that show their arithmetic, fingerprints.
import { sanitizeInline } from '../sanitize.js';
import { sha1Hex } from '../sha1.js';
import { APPLICANT_COLUMN_LABELS, APPLICATION_ROWS, REVIEW_COLUMN_LABELS, REVIEW_GROUP_LABELS } from '../dictionary.js';
import { APPLICANT_COLUMNS, type ApplicantColumn, type ApplicationRow, type ApplicationTable, type Figure, type Report, type ReviewColumn, type ReviewGroupId } from '../model.js';

/** A figure with its labels, the unit of every message's arithmetic. */
export interface Term {
  zh: string;
  en: string;
  value: number;
  path: string;
}

const ROW_SHORT = new Map(APPLICATION_ROWS.map((r) => [r.id, r.short]));

/** A term's labels without its value: the same few hundred (row, column) pairs recur in every report. */
type Labels = Omit<Term, 'value'>;
const APPLICATION_LABELS = new Map<string, Map<ApplicantColumn, Labels>>();
const REVIEW_LABELS = new Map<string, Map<ReviewColumn, Labels>>();

function cachedLabels<C extends string>(cache: Map<string, Map<C, Labels>>, row: string, column: C, make: () => Labels): Labels {
  let byColumn = cache.get(row);
  if (byColumn === undefined) cache.set(row, (byColumn = new Map()));
  let labels = byColumn.get(column);
  if (labels === undefined) byColumn.set(column, (labels = make()));
  return labels;
}

/** 新收 / newReceived, with the column named unless it is the total. */
export function applicationTerm(rowId: string, column: ApplicantColumn, value: number): Term {
  const l = cachedLabels(APPLICATION_LABELS, rowId, column, () => {
    const col = column === 'total' ? '' : `（${APPLICANT_COLUMN_LABELS[column].zh}）`;
    const colEn = column === 'total' ? '' : ` (${column})`;
    return { zh: `${ROW_SHORT.get(rowId) ?? rowId}${col}`, en: `${rowId}${colEn}`, path: `applications.${rowId}.${column}` };
  });
  return { zh: l.zh, en: l.en, value, path: l.path };
}

export function reviewTerm(group: ReviewGroupId, column: ReviewColumn, value: number): Term {
  const l = cachedLabels(REVIEW_LABELS, group, column, () => ({
    zh: `${REVIEW_GROUP_LABELS[group].zh}${REVIEW_COLUMN_LABELS[column].zh}`,
    en: `${group}.${column}`,
    path: `reviews.${group}.${column}`,
  }));
  return { zh: l.zh, en: l.en, value, path: l.path };
}

/**
 * A reader of one table-3 row by its dictionary id (`granted`, `other.noFee`), made once per rule module:
 * the rules read every row of every report, and a precomputed reader skips splitting and looking up the dotted id.
 */
export function rowReader(id: string): (t: ApplicationTable) => ApplicationRow {
  const parts = id.split('.');
  if (parts.length === 1) {
    const [a] = parts as [string];
    return (t) => rowOrThrow((t as unknown as Record<string, ApplicationRow | undefined>)[a], id);
  }
  return (t) => {
    let cur: unknown = t;
    for (const part of parts) cur = cur === null || typeof cur !== 'object' ? undefined : (cur as Record<string, unknown>)[part];
    return rowOrThrow(cur as ApplicationRow | undefined, id);
  };
}

/**
 * A row's seven figures in APPLICANT_COLUMNS order, read property by property into `out`. Rules that loop
 * `row[column]` over the column ids make a megamorphic keyed load per cell, slow once parsing has filled V8's
 * lookup caches; named loads on rows (which share one shape) stay fast.
 */
export function readRowFigures(row: ApplicationRow, out: Figure[]): Figure[] {
  out[0] = row.naturalPerson;
  out[1] = row.commercial;
  out[2] = row.research;
  out[3] = row.social;
  out[4] = row.legal;
  out[5] = row.otherOrg;
  out[6] = row.total;
  return out;
}

const COLUMN_ORDER = ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'otherOrg', 'total'];
if (APPLICANT_COLUMNS.join() !== COLUMN_ORDER.join()) throw new Error('readRowFigures no longer matches APPLICANT_COLUMNS');

function rowOrThrow(row: ApplicationRow | undefined, id: string): ApplicationRow {
  if (!row) throw new Error(`unknown table-3 row id ${id}`); // a programming error, as in dictionary.applicationRow
  return row;
}

export function sum(terms: readonly Term[]): number {
  return terms.reduce((acc, t) => acc + t.value, 0);
}

/** `新收 703 + 上年结转 2 = 705`; a single term is just `新收 703`. */
export function showSum(terms: readonly Term[], lang: 'zh' | 'en'): string {
  const parts = terms.map((t) => `${lang === 'zh' ? t.zh : t.en} ${fmt(t.value)}`).join(' + ');
  return terms.length > 1 ? `${parts} = ${fmt(sum(terms))}` : parts;
}

/** Numbers as a reader writes them: no float noise (0.1 + 0.2). */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

export function isNumber(f: Figure | undefined): f is number {
  return typeof f === 'number';
}

/** Compares sums of figures that may carry decimals (万元 amounts) without float noise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/** The report's identity in fingerprints: stable when the folder is reloaded. */
export function reportIdentity(r: Report): string {
  return `${r.jurisdictionKey ?? ''}|${r.year ?? ''}|${r.file}`;
}


/** Stable across runs: rule id + report identity + cells (+ the sentence, so two mentions of one id differ). */
export function fingerprint(ruleId: string, r: Report, cells: readonly string[], discriminator = ''): string {
  return sha1Hex(`${ruleId}\u0000${reportIdentity(r)}\u0000${cells.join(',')}\u0000${discriminator}`).slice(0, 16);
}

/** A sentence from the report, safe for a terminal and short enough for a message. */
export function quote(text: string, max = 60): string {
  const clean = sanitizeInline(text).trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The body's name for messages. */
export function bodyName(r: Report): string {
  return quote(r.jurisdiction ?? r.jurisdictionKey ?? r.file, 40);
}

/** Key that groups the years of one body; null when the body is unknown. */
export function bodyKey(r: Report): string | null {
  return r.jurisdictionKey ?? r.jurisdiction ?? null;
}

/** Reports of one body, grouped by bodyKey, each group sorted by year then file. */
export function groupByBody(reports: readonly Report[]): Map<string, Report[]> {
  const groups = new Map<string, Report[]>();
  for (const r of reports) {
    const key = bodyKey(r);
    if (key === null || r.year === null) continue;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.year! - b.year! || a.file.localeCompare(b.file));
  return groups;
}

/** The reports of one body by year (reports without a year are left out). */
export function groupByYear(list: readonly Report[]): Map<number, Report[]> {
  const byYear = new Map<number, Report[]>();
  for (const r of list) {
    if (r.year === null) continue;
    const same = byYear.get(r.year);
    if (same) same.push(r);
    else byYear.set(r.year, [r]);
  }
  return byYear;
}

/** Pairs (previous, current) of consecutive years of one body (groups of groupByBody); a year held twice pairs each with each. */
export function consecutiveYears(bodies: ReadonlyMap<string, readonly Report[]>): Array<[Report, Report]> {
  const pairs: Array<[Report, Report]> = [];
  for (const list of bodies.values()) {
    // A group is sorted by year: the previous year's reports are the run just before the current year's.
    let prevStart = 0;
    let yearStart = 0;
    for (let i = 0; i < list.length; i++) {
      const cur = list[i]!;
      if (cur.year !== list[yearStart]!.year) {
        prevStart = yearStart;
        yearStart = i;
      }
      if (yearStart === 0 || list[prevStart]!.year !== cur.year! - 1) continue;
      for (let p = prevStart; p < yearStart; p++) pairs.push([list[p]!, cur]);
    }
  }
  return pairs;
}
