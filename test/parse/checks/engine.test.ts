import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, runChecks } from '../../../src/parse/checks/index.js';
import { renderAnomaliesDoc } from '../../../src/parse/checks/catalog-doc.js';
import { applications, makeReport, mention, thresholds } from './factory.js';

const root = new URL('../../../', import.meta.url);

describe('registry', () => {
  it('holds exactly the catalog of docs/format.md §9, each id once', () => {
    const format = readFileSync(new URL('docs/format.md', root), 'utf8');
    const catalog = format.slice(format.indexOf('## 9. Anomaly catalog'));
    const ids = new Set([...catalog.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]));
    ids.add('republished-different'); // named inside the duplicate-report row
    ids.add('high-correction-rate'); // named in the signals paragraph
    const registered = RULES.map((r) => r.id);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...ids].sort());
  });
  it('gives every rule a one-line description in both languages', () => {
    for (const r of RULES) {
      expect(r.description.length, r.id).toBeGreaterThan(10);
      expect(r.descriptionZh, r.id).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description + r.descriptionZh, r.id).not.toContain('\n');
    }
  });
  it('docs/anomalies.md is up to date (regenerate: npx tsx scripts/gen-anomalies-doc.ts)', () => {
    expect(readFileSync(new URL('docs/anomalies.md', root), 'utf8')).toBe(renderAnomaliesDoc());
  });
});

describe('runChecks', () => {
  it('finds nothing in a clean report and sets its division code', () => {
    const r = makeReport();
    runChecks([r], thresholds, { crossReport: true });
    expect(r.anomalies).toEqual([]);
    expect(r.divisionCode).toBe('650121');
  });
  it('builds anomalies with id, severity, cells and a stable fingerprint', () => {
    const make = () =>
      makeReport({
        applications: applications({ newReceived: 5, granted: 4, outcomeTotal: 4 }),
        narrativeMentions: [mention({ id: 'applicationsConcluded', value: 9, text: '办结9件' }), mention({ id: 'applicationsConcluded', value: 7, text: '全年办结7件' }), mention({ id: 'feesCharged', value: false })],
      });
    const a = make();
    const b = make();
    runChecks([a], thresholds, { crossReport: false });
    runChecks([b], thresholds, { crossReport: false });
    expect(a.anomalies.map((x) => x.id)).toEqual(['balance', 'balance', 'narrative-mismatch', 'narrative-mismatch']);
    expect(a.anomalies[0]).toMatchObject({ severity: 'error', cells: expect.arrayContaining(['applications.newReceived.naturalPerson']) });
    expect(a.anomalies.map((x) => x.fingerprint)).toEqual(b.anomalies.map((x) => x.fingerprint));
    // Two mentions of one figure are two anomalies a reviewer can decide on separately.
    expect(a.anomalies[2]!.fingerprint).not.toBe(a.anomalies[3]!.fingerprint);
    expect(a.anomalies[2]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // Another file is another identity.
    const c = { ...make(), file: 'elsewhere.txt' };
    runChecks([c], thresholds, { crossReport: false });
    expect(c.anomalies[0]!.fingerprint).not.toBe(a.anomalies[0]!.fingerprint);
  });
  it('runs the cross-report rules only when asked', () => {
    const reports = () => [makeReport({ year: 2020, file: 'a.txt', title: null, publishedAt: '2021-01-20' }), makeReport({ year: 2023, file: 'b.txt' })];
    const off = reports();
    runChecks(off, thresholds, { crossReport: false });
    expect(off.flatMap((r) => r.anomalies)).toEqual([]);
    const on = reports();
    runChecks(on, thresholds, { crossReport: true });
    expect(on[1]!.anomalies.map((x) => [x.id, x.related])).toEqual([['missing-year', ['a.txt']]]);
  });
  it('without the per-report rules, adds the cross-report findings and takes the division codes as they are', () => {
    const checked = makeReport({ year: 2023, file: 'b.txt', publishedAt: null, signedAt: null });
    runChecks([checked], thresholds, { crossReport: false }); // as a worker does for each report
    const unknown = makeReport({ year: 2020, file: 'a.txt', jurisdiction: '某某单位', jurisdictionKey: '乌鲁木齐县', divisionCode: null });
    runChecks([unknown, checked], thresholds, { crossReport: true, perReport: false });
    expect(checked.anomalies.map((x) => x.id)).toEqual(['no-publication-date', 'missing-year']);
    expect(checked.divisionCode).toBe('650121');
    expect(unknown.divisionCode).toBeNull(); // not looked up again: its own pass found no division
  });
  it('replaces the anomalies of an earlier run', () => {
    const r = makeReport({ publishedAt: null, signedAt: null });
    runChecks([r], thresholds, { crossReport: false });
    runChecks([r], thresholds, { crossReport: false });
    expect(r.anomalies.map((x) => x.id)).toEqual(['no-publication-date']);
  });
});
