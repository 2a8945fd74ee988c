// Golden tests: every seed report and every layout variant is parsed end to end and compared, figure by
// figure, with an expected JSON written by hand from reading the report (test/fixtures/expected) or derived
// from it by scripts/make-variants.ts (test/fixtures/variants). Only the fields an expected file lists are
// compared; a failure names the file and every figure that differs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ROWS, OUTCOME_ROWS, getPath } from '../../src/parse/dictionary.js';
import { parseReport } from '../../src/parse/index.js';
import { APPLICANT_COLUMNS, NARRATIVE_IDS, REVIEW_COLUMNS, REVIEW_GROUPS } from '../../src/parse/model.js';
import {
  EXPECTED_DIR,
  SEEDS_DIR,
  VARIANTS,
  VARIANTS_DIR,
  buildVariant,
  type Expected,
} from '../../scripts/make-variants.js';

// ── The diff ───────────────────────────────────────────────────────────────────

/** A value as it reads in a failure message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || json.length <= 60) return json;
  return Array.isArray(value) ? `an array of ${value.length}` : `a table of ${countLeaves(value)} figures`;
}

function countLeaves(value: unknown): number {
  return isPlainObject(value) ? Object.values(value).reduce<number>((n, v) => n + countLeaves(v), 0) : 1;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Every path where `actual` differs from `expected`, as `path: expected X, got Y`. Only what `expected` lists
 * is compared: keys of `actual` that `expected` does not name are ignored (narrative `text`, `line`, …).
 * An expected object met by a non-object is one difference, not one per figure.
 */
export function diffCovered(expected: unknown, actual: unknown, path = ''): string[] {
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [`${path || '(root)'}: expected ${show(expected)}, got ${show(actual)}`];
    return Object.entries(expected)
      .filter(([key]) => !key.startsWith('_'))
      .flatMap(([key, value]) => diffCovered(value, actual[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(expected)) {
    return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

/** The report's fields as the expected files describe them: narrative absent ids read as null, blank cells in line order. */
function comparable(expected: Expected, report: Record<string, unknown>): Record<string, unknown> {
  const narrative = isPlainObject(report.narrative) ? { ...report.narrative } : report.narrative;
  if (isPlainObject(expected.narrative) && isPlainObject(narrative)) {
    // `"reviews": null` in an expected file says the report states no such figure: absent is right.
    for (const [id, fig] of Object.entries(expected.narrative)) if (fig === null && narrative[id] === undefined) narrative[id] = null;
  }
  // The model does not fix the order of blank cells; the expected files list them in reading order.
  const blankCells = Array.isArray(report.blankCells)
    ? [...(report.blankCells as Array<{ cell: string; line: number | null }>)].sort(
        (a, b) => (a.line ?? 0) - (b.line ?? 0) || a.cell.localeCompare(b.cell),
      )
    : report.blankCells;
  return { ...report, narrative, blankCells };
}

function diffReport(file: string, expected: Expected, report: unknown): string[] {
  return diffCovered(expected, comparable(expected, report as Record<string, unknown>)).map((d) => `${file}: ${d}`);
}

// ── The cases ──────────────────────────────────────────────────────────────────

interface GoldenCase {
  /** Path shown in messages, relative to test/fixtures. */
  label: string;
  bytesPath: string;
  expectedPath: string;
}

const seedCases: GoldenCase[] = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ label: `seeds/${f}`, bytesPath: join(SEEDS_DIR, f), expectedPath: join(EXPECTED_DIR, f.replace(/\.txt$/, '.json')) }));

const variantCases: GoldenCase[] = readdirSync(VARIANTS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ label: `variants/${f}`, bytesPath: join(VARIANTS_DIR, f), expectedPath: join(VARIANTS_DIR, f.replace(/\.txt$/, '.json')) }));

const readExpected = (path: string): Expected => JSON.parse(readFileSync(path, 'utf8')) as Expected;

/** Top-level fields every expected file must state (format.md §2-§6, §8). */
const COVERED_FIELDS = [
  'format',
  'encoding',
  'jurisdiction',
  'jurisdictionKey',
  'level',
  'bodyType',
  'year',
  'publishedAt',
  'signedAt',
  'script',
  'title',
  'active',
  'applications',
  'reviews',
  'narrative',
] as const;

const ACTIVE_2021: Record<string, readonly string[]> = {
  regulations: ['issued', 'repealed', 'current'],
  normativeDocuments: ['issued', 'repealed', 'current'],
  licensing: ['decisions'],
  punishment: ['decisions'],
  enforcement: ['decisions'],
  fees: ['amount'],
};

/** Problems with an expected file itself: a missing field or figure would silently go untested. */
function expectedFileProblems(expected: Expected): string[] {
  const problems: string[] = [];
  for (const field of COVERED_FIELDS) if (!(field in expected)) problems.push(`no ${field}`);
  const apps = expected.applications;
  if (apps !== null) {
    for (const row of APPLICATION_ROWS) {
      for (const col of APPLICANT_COLUMNS) {
        const v = getPath(apps, `${row.id}.${col}`);
        if (v !== null && typeof v !== 'number') problems.push(`applications.${row.id}.${col} is ${show(v)}`);
      }
    }
  }
  if (expected.reviews !== null) {
    for (const g of REVIEW_GROUPS)
      for (const c of REVIEW_COLUMNS) {
        const v = getPath(expected.reviews, `${g}.${c}`);
        if (v !== null && typeof v !== 'number') problems.push(`reviews.${g}.${c} is ${show(v)}`);
      }
  }
  if (expected.active !== null) {
    for (const [row, cols] of Object.entries(ACTIVE_2021))
      for (const c of cols) {
        const v = getPath(expected.active, `${row}.${c}`);
        if (v !== null && typeof v !== 'number') problems.push(`active.${row}.${c} is ${show(v)}`);
      }
  }
  const narrative = isPlainObject(expected.narrative) ? expected.narrative : {};
  for (const [id, fig] of Object.entries(narrative)) {
    if (!(NARRATIVE_IDS as readonly string[]).includes(id)) problems.push(`narrative.${id} is not a narrative id`);
    if (fig !== null && !(isPlainObject(fig) && 'value' in fig)) problems.push(`narrative.${id} has no value`);
  }
  return problems;
}

/** The table's own 勾稽关系 over the hand-written figures: catches a transcription slip in an expected file. */
function arithmeticProblems(expected: Expected): string[] {
  const apps = expected.applications;
  if (apps === null) return [];
  const at = (row: string, col: string): number => getPath(apps, `${row}.${col}`) as number;
  const problems: string[] = [];
  for (const row of APPLICATION_ROWS) {
    const parts = APPLICANT_COLUMNS.slice(0, 6).reduce((s, c) => s + at(row.id, c), 0);
    if (parts !== at(row.id, 'total')) problems.push(`row ${row.id}: columns add up to ${parts}, total ${at(row.id, 'total')}`);
  }
  for (const col of APPLICANT_COLUMNS) {
    const outcomes = OUTCOME_ROWS.reduce((s, r) => s + at(r.id, col), 0);
    if (outcomes !== at('outcomeTotal', col)) problems.push(`column ${col}: outcomes add up to ${outcomes}, 总计 ${at('outcomeTotal', col)}`);
    if (at('newReceived', col) + at('carriedOver', col) !== at('outcomeTotal', col) + at('carriedForward', col))
      problems.push(`column ${col}: 新收 + 上年结转 ≠ 总计 + 结转下年度`);
  }
  const reviews = expected.reviews;
  if (reviews !== null) {
    for (const g of REVIEW_GROUPS) {
      const parts = REVIEW_COLUMNS.slice(0, 4).reduce((s, c) => s + (getPath(reviews, `${g}.${c}`) as number), 0);
      if (parts !== getPath(reviews, `${g}.total`)) problems.push(`reviews.${g}: parts add up to ${parts}`);
    }
  }
  return problems;
}

// ── Tests ──────────────────────────────────────────────────────────────────────

describe('golden: the diff helper', () => {
  it('names every differing figure by its path', () => {
    const expected = { year: 2021, applications: { granted: { total: 314, naturalPerson: 176 } }, narrative: { feesCharged: { value: false } } };
    const actual = { year: 2021, applications: { granted: { total: null, naturalPerson: 176 } }, narrative: { feesCharged: { value: true, text: '…' } } };
    expect(diffCovered(expected, actual)).toEqual([
      'applications.granted.total: expected 314, got null',
      'narrative.feesCharged.value: expected false, got true',
    ]);
  });
  it('reports a missing table once and ignores fields the expected file does not list', () => {
    const reviews = { review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 }, litigationDirect: { total: 0 } };
    expect(diffCovered({ reviews }, { reviews: null, extra: 1 })).toEqual(['reviews: expected a table of 6 figures, got null']);
    expect(diffCovered({ applications: null }, { applications: { granted: {} } })).toEqual([
      'applications: expected null, got {"granted":{}}',
    ]);
  });
  it('tells null (blank) from 0 and from a missing field', () => {
    expect(diffCovered({ a: null }, { a: 0 })).toEqual(['a: expected null, got 0']);
    expect(diffCovered({ a: null }, {})).toEqual(['a: expected null, got nothing']);
  });
  it('prefixes the file; a null narrative id must be absent, a listed one present', () => {
    const report = { narrative: { litigations: { value: 2, text: '…' } } };
    const expected = { narrative: { reviews: null, litigations: null, proactiveItems: { value: 7 } } };
    expect(diffReport('seeds/x.txt', expected, report)).toEqual([
      'seeds/x.txt: narrative.litigations: expected null, got {"value":2,"text":"…"}',
      'seeds/x.txt: narrative.proactiveItems: expected {"value":7}, got nothing',
    ]);
  });
});

describe('golden: the expected files', () => {
  it('there is one per seed and one per variant', () => {
    expect(seedCases.length).toBe(5);
    expect(variantCases.map((c) => c.label).sort()).toEqual(VARIANTS.map((v) => `variants/${v.name}.txt`).sort());
    for (const c of [...seedCases, ...variantCases]) expect(existsSync(c.expectedPath), c.expectedPath).toBe(true);
  });
  it.each(seedCases.map((c) => [c.label, c] as const))('%s: states every covered field and figure', (_label, c) => {
    expect(expectedFileProblems(readExpected(c.expectedPath))).toEqual([]);
  });
  it.each(seedCases.map((c) => [c.label, c] as const))('%s: hand-written tables obey their own 勾稽关系', (_label, c) => {
    expect(arithmeticProblems(readExpected(c.expectedPath))).toEqual([]);
  });
});

describe('golden: the variants are reproducible', () => {
  it.each(VARIANTS.map((v) => [v.name, v] as const))('%s matches scripts/make-variants.ts', (name, spec) => {
    const built = buildVariant(spec);
    const onDisk = readFileSync(join(VARIANTS_DIR, `${name}.txt`));
    expect(Buffer.compare(Buffer.from(built.bytes), onDisk), `${name}.txt is stale: run npx tsx scripts/make-variants.ts`).toBe(0);
    expect(readFileSync(join(VARIANTS_DIR, `${name}.json`), 'utf8')).toBe(built.expectedJson);
  });
});

describe('golden: parseReport against the expected figures', () => {
  it.each([...seedCases, ...variantCases].map((c) => [c.label, c] as const))('%s', (label, c) => {
    const report = parseReport({ file: label, bytes: new Uint8Array(readFileSync(c.bytesPath)) });
    expect(diffReport(label, readExpected(c.expectedPath), report)).toEqual([]);
  });
});
