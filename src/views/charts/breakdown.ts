// The arithmetic behind the outcome pane: outcome groups, applicants by type, rate signals and per-year trends,
// for one report or summed over a set. Reads only the Report model (never text) so it is testable on hand-built
// reports, and keeps "blank" (null) apart from zero so a report with missing figures never reads as all-zero.
import { APPLICANT_COLUMNS, type ApplicantColumn, type ApplicationRow, type ApplicationTable, type Figure, type Report, type ReviewTable } from '../../parse/model.js';
import { OUTCOME_GROUPS, OUTCOME_ROWS, getPath, type OutcomeGroup } from '../../parse/dictionary.js';

/** Below this many cases a rate is shown without colour and marked as a small sample (format.md §9). */
export const SMALL_SAMPLE_CASES = 30;

export const APPLICANT_TYPES = APPLICANT_COLUMNS.filter((c): c is Exclude<ApplicantColumn, 'total'> => c !== 'total');
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** Which table-3 row counts the applicants: who applied this year, or whose requests were concluded. */
export type ApplicantBasis = 'newReceived' | 'outcomeTotal';

export interface Count<K extends string> {
  key: K;
  /** Sum of the figures present; null when every figure behind it is blank. */
  value: number | null;
  /** Some (not all) of the figures behind the value were blank, so it is a lower bound. */
  partial: boolean;
}

export interface Breakdown<K extends string> {
  counts: Count<K>[];
  /** Sum of the non-null counts: the base of the percentages. */
  total: number;
}

export type SignalId = 'grantRate' | 'deniedRate' | 'unavailableRate' | 'reviewCorrectionRate' | 'litigationCorrectionRate' | 'disputeRate';

export interface Signal {
  id: SignalId;
  numerator: number;
  /** Cases the rate is taken over. */
  base: number;
  /** numerator / base; null when the base is 0 or a figure is blank. */
  rate: number | null;
  /** Fewer than SMALL_SAMPLE_CASES cases: show, but never colour. */
  smallSample: boolean;
}

export const SIGNAL_LABELS: Record<SignalId, { zh: string; en: string }> = {
  grantRate: { zh: '实质公开率', en: 'Grant rate' },
  deniedRate: { zh: '不予公开率', en: 'Denial rate' },
  unavailableRate: { zh: '无法提供率', en: 'Unavailable rate' },
  reviewCorrectionRate: { zh: '复议纠错率', en: 'Review correction rate' },
  litigationCorrectionRate: { zh: '诉讼纠错率', en: 'Litigation correction rate' },
  disputeRate: { zh: '争议转化率', en: 'Dispute rate' },
};

// ── Small arithmetic on figures that may be blank ─────────────────────────────

/** Sum of figures keeping blank apart from zero. */
function sumFigures(figures: Figure[]): { value: number | null; partial: boolean } {
  const present = figures.filter((f): f is number => f !== null);
  if (present.length === 0) return { value: null, partial: false };
  return { value: present.reduce((a, b) => a + b, 0), partial: present.length < figures.length };
}

function addCounts<K extends string>(a: Count<K>, b: Count<K>): Count<K> {
  if (a.value === null) return { ...b };
  if (b.value === null) return { ...a };
  return { key: a.key, value: a.value + b.value, partial: a.partial || b.partial };
}

function withTotal<K extends string>(counts: Count<K>[]): Breakdown<K> {
  return { counts, total: counts.reduce((sum, c) => sum + (c.value ?? 0), 0) };
}

/** Share of a count in its breakdown, 0-1; null when the base is 0 or the count is blank. */
export function share(count: Count<string>, breakdown: Breakdown<string>): number | null {
  if (count.value === null || breakdown.total === 0) return null;
  return count.value / breakdown.total;
}

// ── One report ────────────────────────────────────────────────────────────────

/** A group's count is the sum of its rows' `total` column. */
export function outcomeBreakdown(table: ApplicationTable): Breakdown<OutcomeGroup> {
  return withTotal(
    OUTCOME_GROUPS.map((group) => {
      const figures = OUTCOME_ROWS.filter((r) => r.group === group).map((r) => rowOf(table, r.id)?.total ?? null);
      return { key: group, ...sumFigures(figures) };
    }),
  );
}

export function applicantBreakdown(table: ApplicationTable, basis: ApplicantBasis): Breakdown<ApplicantType> {
  const row = table[basis];
  return withTotal(APPLICANT_TYPES.map((type) => ({ key: type, value: row[type], partial: false })));
}

function rowOf(table: ApplicationTable, id: string): ApplicationRow | undefined {
  return getPath(table, id) as ApplicationRow | undefined;
}

/** Numerator and base of each signal for one report; null parts when a figure is blank. */
interface SignalParts {
  id: SignalId;
  numerator: number | null;
  base: number | null;
}

function signalParts(report: Report): SignalParts[] {
  const parts: SignalParts[] = [];
  const table = report.applications;
  if (table) {
    const outcomes = outcomeBreakdown(table);
    const group = (g: OutcomeGroup) => outcomes.counts.find((c) => c.key === g)?.value ?? null;
    const base = table.outcomeTotal.total;
    const granted = group('granted');
    const partial = group('partial');
    parts.push({ id: 'grantRate', numerator: granted === null || partial === null ? null : granted + partial, base });
    parts.push({ id: 'deniedRate', numerator: group('denied'), base });
    parts.push({ id: 'unavailableRate', numerator: group('unavailable'), base });
  }
  if (report.reviews) {
    parts.push(correction('reviewCorrectionRate', report.reviews, ['review']));
    parts.push(correction('litigationCorrectionRate', report.reviews, ['litigationDirect', 'litigationAfterReview']));
  }
  if (report.reviews && table) {
    const disputes = sumFigures([report.reviews.review.total, report.reviews.litigationDirect.total, report.reviews.litigationAfterReview.total]);
    parts.push({ id: 'disputeRate', numerator: disputes.partial ? null : disputes.value, base: table.newReceived.total });
  }
  return parts;
}

/** corrected / (upheld + corrected + other): pending cases are not yet decided. */
function correction(id: SignalId, reviews: ReviewTable, groups: Array<keyof ReviewTable>): SignalParts {
  const figures = (col: 'upheld' | 'corrected' | 'other') => sumFigures(groups.map((g) => reviews[g][col]));
  const corrected = figures('corrected');
  const decided = sumFigures(groups.flatMap((g) => [reviews[g].upheld, reviews[g].corrected, reviews[g].other]));
  return { id, numerator: corrected.partial ? null : corrected.value, base: decided.partial ? null : decided.value };
}

function toSignal(id: SignalId, numerator: number, base: number): Signal {
  return { id, numerator, base, rate: base > 0 ? numerator / base : null, smallSample: base < SMALL_SAMPLE_CASES };
}

/** Signals of one report; a signal with a blank figure is left out rather than guessed. */
export function reportSignals(report: Report): Signal[] {
  return signalParts(report).flatMap((p) => (p.numerator === null || p.base === null ? [] : [toSignal(p.id, p.numerator, p.base)]));
}

// ── A set of reports ──────────────────────────────────────────────────────────

export interface SetBreakdown {
  outcomes: Breakdown<OutcomeGroup>;
  applicants: Breakdown<ApplicantType>;
  signals: Signal[];
  /** Reports that contributed table-3 figures. */
  withTable: number;
  /** Reports without table 3 (legacy or emptied), left out of the sums. */
  withoutTable: number;
}

function sumBreakdowns<K extends string>(keys: readonly K[], parts: Breakdown<K>[]): Breakdown<K> {
  return withTotal(
    keys.map((key) =>
      parts.reduce<Count<K>>((acc, b) => addCounts(acc, b.counts.find((c) => c.key === key) ?? { key, value: null, partial: false }), {
        key,
        value: null,
        partial: false,
      }),
    ),
  );
}

/**
 * Rates over a set are pooled (Σ numerators / Σ bases over the reports that have both), not averaged, so a
 * body with 3 requests weighs less than one with 3 000.
 */
export function setSignals(reports: readonly Report[]): Signal[] {
  const pooled = new Map<SignalId, { numerator: number; base: number }>();
  for (const report of reports) {
    for (const p of signalParts(report)) {
      if (p.numerator === null || p.base === null) continue;
      const acc = pooled.get(p.id) ?? { numerator: 0, base: 0 };
      pooled.set(p.id, { numerator: acc.numerator + p.numerator, base: acc.base + p.base });
    }
  }
  return SIGNAL_ORDER.flatMap((id) => {
    const acc = pooled.get(id);
    return acc ? [toSignal(id, acc.numerator, acc.base)] : [];
  });
}

const SIGNAL_ORDER: readonly SignalId[] = ['grantRate', 'deniedRate', 'unavailableRate', 'reviewCorrectionRate', 'litigationCorrectionRate', 'disputeRate'];

export function setBreakdown(reports: readonly Report[], basis: ApplicantBasis): SetBreakdown {
  const tables = reports.map((r) => r.applications).filter((t): t is ApplicationTable => t !== null);
  return {
    outcomes: sumBreakdowns(OUTCOME_GROUPS, tables.map(outcomeBreakdown)),
    applicants: sumBreakdowns(APPLICANT_TYPES, tables.map((t) => applicantBreakdown(t, basis))),
    signals: setSignals(reports),
    withTable: tables.length,
    withoutTable: reports.length - tables.length,
  };
}

// ── Trend of one body over years ──────────────────────────────────────────────

export interface TrendPoint {
  year: number;
  file: string;
  /** newReceived.total; null when blank or the report has no table 3. */
  newReceived: number | null;
  grantRate: Signal | null;
}

/**
 * The reports of the selected report's body (same jurisdictionKey) by year. When two files give the same year
 * (duplicate-report), the one with table 3 wins, then the first in the set, so the trend shows one point a year.
 */
export function bodyTrend(selected: Report, reports: readonly Report[]): TrendPoint[] {
  if (selected.jurisdictionKey === null) return [];
  const byYear = new Map<number, Report>();
  for (const r of reports) {
    if (r.jurisdictionKey !== selected.jurisdictionKey || r.year === null) continue;
    const held = byYear.get(r.year);
    if (!held || (held.applications === null && r.applications !== null)) byYear.set(r.year, r);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, r]) => ({
      year,
      file: r.file,
      newReceived: r.applications?.newReceived.total ?? null,
      grantRate: reportSignals(r).find((s) => s.id === 'grantRate') ?? null,
    }));
}
