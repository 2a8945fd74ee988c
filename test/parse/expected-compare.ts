// Shared by the realistic and real report tests: compares a parsed report with a compact expected JSON.
//   applications: { rowId: [naturalPerson, commercial, research, social, legal, otherOrg, total] } (omitted rows: not compared)
//   reviews:      [15 figures in table order] — review, litigationDirect, litigationAfterReview × upheld…total
import { checkReport, DEFAULT_THRESHOLDS } from '../../src/parse/checks/index.js';
import { getPath } from '../../src/parse/dictionary.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, type Report } from '../../src/parse/model.js';

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every path where `actual` differs from what `expected` lists. */
export function diff(expected: unknown, actual: unknown, path: string): string[] {
  if (isObject(expected)) {
    if (!isObject(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => diff(v, actual[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(expected)) {
    return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

function applicationRows(report: Report, ids: readonly string[]): Json {
  return Object.fromEntries(ids.map((id) => [id, APPLICANT_COLUMNS.map((c) => getPath(report.applications, `${id}.${c}`) ?? null)]));
}

function reviewFigures(report: Report): Array<number | null> | null {
  if (!report.reviews) return null;
  return REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => report.reviews![g][c]));
}

/** The report in the shape of the expected files. */
export function comparable(expected: Json, report: Report): Json {
  const narrative: Json = {};
  for (const [id, fig] of Object.entries((expected.narrative as Json | undefined) ?? {})) {
    const got = report.narrative[id as keyof Report['narrative']];
    narrative[id] = fig === null ? (got ?? null) : got;
  }
  return {
    ...report,
    applications: isObject(expected.applications) && report.applications ? applicationRows(report, Object.keys(expected.applications)) : report.applications,
    reviews: Array.isArray(expected.reviews) ? reviewFigures(report) : report.reviews,
    narrative,
  };
}

export const FIELDS = ['format', 'formatEvidence', 'title', 'jurisdiction', 'jurisdictionKey', 'level', 'bodyType', 'year', 'publishedAt', 'signedAt', 'active', 'applications', 'reviews', 'narrative'];


/**
 * Every way the report falls short of its expected file: differing figures, diagnostics it must not have
 * (`noDiagnostics`), anomalies the per-report checks must (`anomalies`) or must not (`noAnomalies`) raise.
 */
export function expectationProblems(expected: Json, report: Report): string[] {
  const listed = Object.fromEntries(FIELDS.filter((f) => f in expected).map((f) => [f, expected[f]]));
  const problems = diff(listed, comparable(expected, report), '');
  const codes = new Set(report.diagnostics.map((d) => d.code));
  for (const code of (expected.noDiagnostics as string[] | undefined) ?? []) {
    if (codes.has(code)) problems.push(`diagnostic ${code}: ${report.diagnostics.filter((d) => d.code === code).map((d) => d.message).join(' | ')}`);
  }
  const anomalies = new Set(checkReport(report, DEFAULT_THRESHOLDS).map((a) => a.id));
  for (const id of (expected.anomalies as string[] | undefined) ?? []) if (!anomalies.has(id)) problems.push(`anomaly ${id} not raised`);
  for (const id of (expected.noAnomalies as string[] | undefined) ?? []) if (anomalies.has(id)) problems.push(`anomaly ${id} raised`);
  return problems;
}
