// Shared helpers for rules: labels of cells in both languages, sums that show their arithmetic, fingerprints.
import { createHash } from 'node:crypto';
import { sanitizeInline } from '../sanitize.js';
import { APPLICANT_COLUMN_LABELS, APPLICATION_ROWS, REVIEW_COLUMN_LABELS, REVIEW_GROUP_LABELS } from '../dictionary.js';
import type { ApplicantColumn, Figure, Report, ReviewColumn, ReviewGroupId } from '../model.js';

/** A figure with its labels, the unit of every message's arithmetic. */
export interface Term {
  zh: string;
  en: string;
  value: number;
  path: string;
}

const ROW_SHORT = new Map(APPLICATION_ROWS.map((r) => [r.id, r.short]));

/** 新收 / newReceived, with the column named unless it is the total. */
export function applicationTerm(rowId: string, column: ApplicantColumn, value: number): Term {
  const col = column === 'total' ? '' : `（${APPLICANT_COLUMN_LABELS[column].zh}）`;
  const colEn = column === 'total' ? '' : ` (${column})`;
  return { zh: `${ROW_SHORT.get(rowId) ?? rowId}${col}`, en: `${rowId}${colEn}`, value, path: `applications.${rowId}.${column}` };
}

export function reviewTerm(group: ReviewGroupId, column: ReviewColumn, value: number): Term {
  return {
    zh: `${REVIEW_GROUP_LABELS[group].zh}${REVIEW_COLUMN_LABELS[column].zh}`,
    en: `${group}.${column}`,
    value,
    path: `reviews.${group}.${column}`,
  };
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
  const h = createHash('sha1');
  h.update([ruleId, reportIdentity(r), [...cells].join(','), discriminator].join('\u0000'));
  return h.digest('hex').slice(0, 16);
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

/** Pairs (previous, current) of consecutive years of one body; a year held twice pairs each with each. */
export function consecutiveYears(reports: readonly Report[]): Array<[Report, Report]> {
  const pairs: Array<[Report, Report]> = [];
  for (const list of groupByBody(reports).values()) {
    const byYear = groupByYear(list);
    for (const cur of list) for (const prev of byYear.get(cur.year! - 1) ?? []) pairs.push([prev, cur]);
  }
  return pairs;
}
