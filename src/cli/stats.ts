// --stats: how applications ended, per outcome group and applicant type, by year and over the whole selection.
// Rates are shares of the outcomes counted (the sum of the six groups), so each column's rates add up to 1
// even when a report's own 总计 row disagrees with its rows (that is the outcome-sum check's business).
import { APPLICANT_COLUMN_LABELS, OUTCOME_GROUPS, OUTCOME_GROUP_LABELS, OUTCOME_ROWS, getPath, type OutcomeGroup } from '../parse/dictionary.js';
import { APPLICANT_COLUMNS, type ApplicantColumn, type ApplicationRow, type Report } from '../parse/model.js';
import type { Lang } from '../settings/settings.js';
// The views' measure: figures, file names and body names (most cells) are counted without a segmenter.
import { widthOf } from '../views/components/text.js';
import { plural } from './check.js';
import { csvLine } from './csv.js';

export type ColumnCounts = Record<ApplicantColumn, number>;

export interface YearStats {
  /** `all`: every selected report together (year is then null). */
  scope: 'year' | 'all';
  /** null for the `all` entry, and for reports whose year is unknown. */
  year: number | null;
  reports: number;
  /** Reports that have a table 3 and so count in the figures below. */
  withApplications: number;
  newReceived: ColumnCounts;
  outcomes: Record<OutcomeGroup, ColumnCounts>;
  outcomeTotal: ColumnCounts;
  rates: Record<OutcomeGroup, Record<ApplicantColumn, number | null>>;
}

const zeros = (): ColumnCounts => Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0])) as ColumnCounts;

function addRow(into: ColumnCounts, row: ApplicationRow | undefined): void {
  if (!row) return;
  for (const c of APPLICANT_COLUMNS) into[c] += c === 'total' ? rowTotal(row) : (row[c] ?? 0);
}

/**
 * A row's 总计, or the sum of its applicant columns when the report left 总计 blank: otherwise the Total
 * column would count none of that row while the other columns count all of it.
 */
export function rowTotal(row: ApplicationRow): number {
  if (row.total !== null) return row.total;
  return APPLICANT_COLUMNS.reduce((sum, c) => (c === 'total' ? sum : sum + (row[c] ?? 0)), 0);
}

export function yearStats(scope: YearStats['scope'], year: number | null, reports: readonly Report[]): YearStats {
  const outcomes = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g, zeros()])) as Record<OutcomeGroup, ColumnCounts>;
  const newReceived = zeros();
  let withApplications = 0;
  for (const r of reports) {
    if (!r.applications) continue;
    withApplications++;
    addRow(newReceived, r.applications.newReceived);
    for (const def of OUTCOME_ROWS) addRow(outcomes[def.group!], getPath(r.applications, def.id) as ApplicationRow);
  }
  const outcomeTotal = zeros();
  for (const g of OUTCOME_GROUPS) for (const c of APPLICANT_COLUMNS) outcomeTotal[c] += outcomes[g][c];
  const rates = Object.fromEntries(
    OUTCOME_GROUPS.map((g) => [g, Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, outcomeTotal[c] > 0 ? outcomes[g][c] / outcomeTotal[c] : null]))]),
  ) as YearStats['rates'];
  return { scope, year, reports: reports.length, withApplications, newReceived, outcomes, outcomeTotal, rates };
}

/** One entry per year (ascending; reports without a year last), then the whole selection. */
export function computeStats(reports: readonly Report[]): YearStats[] {
  const byYear = new Map<number | null, Report[]>();
  for (const r of reports) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  const years = [...byYear.keys()].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return [...years.map((y) => yearStats('year', y, byYear.get(y)!)), yearStats('all', null, reports)];
}

export function statsCsv(stats: readonly YearStats[]): string {
  let out = csvLine(['year', 'group', 'column', 'count', 'rate']);
  for (const s of stats) {
    const year = s.scope === 'all' ? 'all' : s.year === null ? 'unknown' : s.year;
    for (const g of OUTCOME_GROUPS) {
      for (const c of APPLICANT_COLUMNS) out += csvLine([year, g, c, s.outcomes[g][c], roundRate(s.rates[g][c])]);
    }
  }
  return out;
}

const roundRate = (r: number | null) => (r === null ? null : Math.round(r * 10000) / 10000);

const percent = (r: number | null) => (r === null ? '-' : `${(r * 100).toFixed(1)}%`);

/** A plain table per year: rows are outcome groups, columns applicant types, "count (share)". */
export function statsText(stats: readonly YearStats[], lang: Lang): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const blocks = stats.map((s) => {
    const scope = s.scope === 'all' ? t('全部', 'All years') : s.year === null ? t('年份不明', 'Year unknown') : String(s.year);
    const head = `${scope}: ${t(`${s.reports} 份报告，${s.withApplications} 份有申请表`, `${plural(s.reports, 'report')}, ${s.withApplications} with table 3`)}; ${t('新收申请', 'new applications')} ${s.newReceived.total}`;
    const header = [t('办理结果', 'Outcome'), ...APPLICANT_COLUMNS.map((c) => (lang === 'zh' ? APPLICANT_COLUMN_LABELS[c].short : APPLICANT_COLUMN_LABELS[c].en))];
    const rows = OUTCOME_GROUPS.map((g) => [
      OUTCOME_GROUP_LABELS[g][lang],
      ...APPLICANT_COLUMNS.map((c) => `${s.outcomes[g][c]} (${percent(s.rates[g][c])})`),
    ]);
    rows.push([t('合计', 'Total'), ...APPLICANT_COLUMNS.map((c) => String(s.outcomeTotal[c]))]);
    return `${head}\n${table([header, ...rows])}`;
  });
  return blocks.join('\n');
}

/** Left-aligned columns padded by display width (CJK characters take two cells). */
export function table(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, widthOf(cell))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - widthOf(cell)))).join('  ').trimEnd() + '\n').join('');
}

