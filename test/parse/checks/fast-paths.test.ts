// The shortcuts that keep the per-report checks cheap must not change what they find: each is held here against
// the plain computation it replaces.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkReport, runChecks, thresholdsKey, DEFAULT_THRESHOLDS } from '../../../src/parse/checks/index.js';
import { applicationTerm, fingerprint, readRowFigures, reviewTerm, rowReader } from '../../../src/parse/checks/format.js';
import { hasFigures } from '../../../src/parse/checks/report-facts.js';
import { APPLICATION_ROWS, applicationRow } from '../../../src/parse/dictionary.js';
import { APPLICANT_COLUMNS } from '../../../src/parse/model.js';
import type { Thresholds } from '../../../src/parse/checks/thresholds.js';
import { applications, balancedApplications, makeReport, reviews } from './factory.js';
import { run } from './helpers.js';

describe('thresholdsKey', () => {
  it('is short, hex and the same for equal thresholds given in any order', () => {
    const key = thresholdsKey(DEFAULT_THRESHOLDS);
    expect(key).toMatch(/^[0-9a-f]{12}$/);
    const reversed = Object.fromEntries(Object.entries(DEFAULT_THRESHOLDS).reverse()) as unknown as Thresholds;
    expect(thresholdsKey(reversed)).toBe(key);
    expect(thresholdsKey({ ...DEFAULT_THRESHOLDS })).toBe(key);
  });
  it('changes when any one threshold changes', () => {
    const changed: Thresholds[] = [
      { ...DEFAULT_THRESHOLDS, correctionRate: 0.51 },
      { ...DEFAULT_THRESHOLDS, minDecidedCases: 4 },
      { ...DEFAULT_THRESHOLDS, copySimilarity: 0.8 },
      { ...DEFAULT_THRESHOLDS, section5MinChars: 11 },
      { ...DEFAULT_THRESHOLDS, deadlineDepartment: '02-01' },
      { ...DEFAULT_THRESHOLDS, deadlineGovernment: '03-30' },
    ];
    const keys = new Set([thresholdsKey(DEFAULT_THRESHOLDS), ...changed.map(thresholdsKey)]);
    expect(keys.size).toBe(changed.length + 1);
  });
  it('tells a number from the same digits as text', () => {
    const asText = { ...DEFAULT_THRESHOLDS, minDecidedCases: '3' } as unknown as Thresholds;
    expect(thresholdsKey(asText)).not.toBe(thresholdsKey(DEFAULT_THRESHOLDS));
  });
});

describe('fingerprint', () => {
  it('is the first 16 hex digits of the SHA-1 of rule, identity, cells and discriminator', () => {
    const r = makeReport({ jurisdictionKey: '测试县', year: 2022, file: 'a/b.txt' });
    const expected = createHash('sha1').update(['row-sum', '测试县|2022|a/b.txt', 'x.y,z', '12'].join('\u0000')).digest('hex').slice(0, 16);
    expect(fingerprint('row-sum', r, ['x.y', 'z'], '12')).toBe(expected);
  });
});

describe('term labels', () => {
  it('are the same for a cached pair and a fresh object each time', () => {
    const a = applicationTerm('denied.stateSecret', 'commercial', 3);
    const b = applicationTerm('denied.stateSecret', 'commercial', 5);
    expect(a).toEqual({ zh: '国家秘密（商业企业）', en: 'denied.stateSecret (commercial)', value: 3, path: 'applications.denied.stateSecret.commercial' });
    expect(b.value).toBe(5);
    expect(a).not.toBe(b);
    expect(applicationTerm('newReceived', 'total', 1)).toMatchObject({ zh: '本年新收', en: 'newReceived' });
    expect(reviewTerm('review', 'upheld', 2)).toEqual({ zh: '行政复议结果维持', en: 'review.upheld', value: 2, path: 'reviews.review.upheld' });
  });
});

describe('row readers', () => {
  it('read every row of table 3 as the dictionary does, and its figures in column order', () => {
    const t = applications({ granted: 4, 'other.noFee': 2 });
    for (const def of APPLICATION_ROWS) expect(rowReader(def.id)(t)).toBe(applicationRow(t, def.id));
    const row = applicationRow(t, 'other.noFee');
    expect(readRowFigures(row, [])).toEqual(APPLICANT_COLUMNS.map((c) => row[c]));
  });
  it('fail on an unknown row as the dictionary does', () => {
    expect(() => rowReader('nosuch.row')(applications())).toThrow(/unknown table-3 row id nosuch\.row/);
  });
});

describe('hasFigures', () => {
  it('finds a number at any depth and nothing in nulls, text or empty objects', () => {
    expect(hasFigures({ a: { b: [null, 'x', { c: 0 }] } })).toBe(true);
    expect(hasFigures({ a: { b: [null, 'x', {}] } })).toBe(false);
    expect(hasFigures(null)).toBe(false);
  });
});

describe('bad-cell quick pass', () => {
  it('lets a fractional amount through and still reports every real problem', () => {
    const report = makeReport({ active: { fees: { amount: 45028.923 }, licensing: { prevCount: 3, delta: -2 } } });
    expect(run('bad-cell', report)).toEqual([]);
    const t = applications({ granted: 4 });
    t.denied.thirdParty.social = 1.5;
    const bad = makeReport({ applications: t, active: { fees: { amount: -1 }, licensing: { prevCount: -3, delta: -2 } } });
    expect(run('bad-cell', bad).map((f) => f.cells[0])).toEqual(['applications.denied.thirdParty.social', 'active.fees.amount', 'active.licensing.prevCount']);
  });
});

describe('checkReport', () => {
  it('gives the per-report anomalies of runChecks and leaves the report as it was', () => {
    const make = () => makeReport({ applications: applications({ newReceived: 5, granted: 4, outcomeTotal: 4 }), reviews: reviews({ 'review.total': 3 }), publishedAt: null, signedAt: null });
    const report = make();
    const before = JSON.stringify(report);
    const found = checkReport(report, DEFAULT_THRESHOLDS);
    expect(JSON.stringify(report)).toBe(before);
    const viaRun = make();
    runChecks([viaRun], DEFAULT_THRESHOLDS, { crossReport: false });
    expect(found).toEqual(viaRun.anomalies);
    expect(found.map((a) => a.id)).toEqual(['balance', 'balance', 'review-sum', 'no-publication-date']);
  });
  it('turns a failing rule into a diagnostic and keeps the other rules', () => {
    const report = makeReport({ applications: balancedApplications(), publishedAt: null, signedAt: null });
    // A table the parser never makes: a row missing. Rules reading it fail; the others still report.
    delete (report.applications as unknown as Record<string, unknown>).granted;
    const found = checkReport(report, DEFAULT_THRESHOLDS);
    expect(found.map((a) => a.id)).toContain('no-publication-date');
    expect(report.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message)).toEqual(
      expect.arrayContaining(['check row-sum failed: unknown table-3 row id granted', 'check outcome-sum failed: unknown table-3 row id granted']),
    );
  });
});
