import { describe, expect, it } from 'vitest';
import {
  SMALL_SAMPLE_CASES,
  applicantBreakdown,
  bodyTrend,
  outcomeBreakdown,
  reportSignals,
  setBreakdown,
  share,
} from '../../../src/views/charts/breakdown.js';
import { makeReport, table3, table4 } from './reportFixture.js';

// 40 concluded: granted 20, partial 4, denied 3+1, unavailable 6, notProcessed 2, other 4.
const fullTable = () =>
  table3({
    'newReceived.total': 38,
    'newReceived.naturalPerson': 30,
    'newReceived.commercial': 5,
    'newReceived.research': 0,
    'newReceived.social': 0,
    'newReceived.legal': 3,
    'newReceived.otherOrg': 0,
    'outcomeTotal.naturalPerson': 32,
    'outcomeTotal.commercial': 8,
    'granted.total': 20,
    'partial.total': 4,
    'denied.stateSecret.total': 3,
    'denied.thirdParty.total': 1,
    'unavailable.notHeld.total': 6,
    'notProcessed.duplicate.total': 2,
    'other.other.total': 4,
    'outcomeTotal.total': 40,
  });

const value = (b: { counts: { key: string; value: number | null }[] }, key: string) => b.counts.find((c) => c.key === key)?.value;

describe('outcomeBreakdown', () => {
  it("sums each group's rows from the total column", () => {
    const b = outcomeBreakdown(fullTable());
    expect(b.counts.map((c) => [c.key, c.value])).toEqual([
      ['granted', 20],
      ['partial', 4],
      ['denied', 4],
      ['unavailable', 6],
      ['notProcessed', 2],
      ['other', 4],
    ]);
    expect(b.total).toBe(40);
    expect(share(b.counts[0]!, b)).toBe(0.5);
  });

  it('keeps an all-blank group null and marks a partly blank one', () => {
    const b = outcomeBreakdown(table3({ 'granted.total': 7, 'denied.stateSecret.total': 2 }));
    expect(value(b, 'partial')).toBeNull();
    const denied = b.counts.find((c) => c.key === 'denied')!;
    expect(denied).toEqual({ key: 'denied', value: 2, partial: true });
    expect(b.counts.find((c) => c.key === 'granted')!.partial).toBe(false);
    expect(b.total).toBe(9);
  });
});

describe('applicantBreakdown', () => {
  it('reads the chosen row, leaving out the total column', () => {
    const received = applicantBreakdown(fullTable(), 'newReceived');
    expect(received.counts.map((c) => c.key)).toEqual(['naturalPerson', 'commercial', 'research', 'social', 'legal', 'otherOrg']);
    expect(received.total).toBe(38);
    const concluded = applicantBreakdown(fullTable(), 'outcomeTotal');
    expect(value(concluded, 'commercial')).toBe(8);
    expect(value(concluded, 'legal')).toBeNull();
    expect(concluded.total).toBe(40);
  });
});

describe('signals', () => {
  it('computes the rates of format.md §9 for one report', () => {
    const report = makeReport({
      applications: fullTable(),
      reviews: table4({
        'review.upheld': 3,
        'review.corrected': 1,
        'review.other': 0,
        'review.pending': 2,
        'review.total': 6,
        'litigationDirect.upheld': 1,
        'litigationDirect.corrected': 1,
        'litigationDirect.other': 0,
        'litigationDirect.total': 2,
        'litigationAfterReview.upheld': 0,
        'litigationAfterReview.corrected': 0,
        'litigationAfterReview.other': 0,
        'litigationAfterReview.total': 0,
      }),
    });
    const signals = Object.fromEntries(reportSignals(report).map((s) => [s.id, s]));
    expect(signals.grantRate).toMatchObject({ numerator: 24, base: 40, rate: 0.6, smallSample: false });
    expect(signals.deniedRate).toMatchObject({ numerator: 4, base: 40, rate: 0.1 });
    expect(signals.unavailableRate).toMatchObject({ numerator: 6, base: 40, rate: 0.15 });
    expect(signals.reviewCorrectionRate).toMatchObject({ numerator: 1, base: 4, rate: 0.25, smallSample: true });
    expect(signals.litigationCorrectionRate).toMatchObject({ numerator: 1, base: 2, rate: 0.5, smallSample: true });
    // (6 + 2 + 0) / 38
    expect(signals.disputeRate).toMatchObject({ numerator: 8, base: 38 });
    expect(signals.disputeRate!.rate).toBeCloseTo(8 / 38);
  });

  it(`flags a base below ${SMALL_SAMPLE_CASES} cases as a small sample`, () => {
    const small = reportSignals(makeReport({ applications: table3({ 'granted.total': 29, 'partial.total': 0, 'outcomeTotal.total': 29 }) }));
    expect(small.find((s) => s.id === 'grantRate')).toMatchObject({ rate: 1, base: 29, smallSample: true });
    const enough = reportSignals(makeReport({ applications: table3({ 'granted.total': 15, 'partial.total': 0, 'outcomeTotal.total': 30 }) }));
    expect(enough.find((s) => s.id === 'grantRate')).toMatchObject({ rate: 0.5, base: 30, smallSample: false });
  });

  it('leaves a rate out when a figure behind it is blank, and gives no rate over zero cases', () => {
    const blank = reportSignals(makeReport({ applications: table3({ 'granted.total': 5, 'outcomeTotal.total': 10 }) }));
    expect(blank.find((s) => s.id === 'grantRate')).toBeUndefined(); // partial is blank
    const zero = reportSignals(makeReport({ applications: table3({ 'granted.total': 0, 'partial.total': 0, 'outcomeTotal.total': 0 }) }));
    expect(zero.find((s) => s.id === 'grantRate')).toMatchObject({ rate: null, base: 0, smallSample: true });
  });

  it('gives no signals for a report without tables', () => {
    expect(reportSignals(makeReport({ format: 'legacy' }))).toEqual([]);
  });
});

describe('setBreakdown', () => {
  it('sums the set, pools rates, and counts reports without table 3', () => {
    const a = makeReport({ file: 'a.txt', applications: fullTable() });
    const b = makeReport({
      file: 'b.txt',
      applications: table3({ 'granted.total': 10, 'partial.total': 0, 'outcomeTotal.total': 20, 'unavailable.notHeld.total': 10, 'newReceived.naturalPerson': 20 }),
    });
    const legacy = makeReport({ file: 'c.txt', format: 'legacy', applications: null });
    const set = setBreakdown([a, b, legacy], 'newReceived');
    expect(set.withTable).toBe(2);
    expect(set.withoutTable).toBe(1);
    expect(value(set.outcomes, 'granted')).toBe(30);
    expect(value(set.outcomes, 'unavailable')).toBe(16);
    expect(value(set.outcomes, 'partial')).toBe(4);
    expect(set.outcomes.total).toBe(60);
    expect(value(set.applicants, 'naturalPerson')).toBe(50);
    // Pooled: (24 + 10) / (40 + 20), not the mean of 0.6 and 0.5.
    const grant = set.signals.find((s) => s.id === 'grantRate')!;
    expect(grant).toMatchObject({ numerator: 34, base: 60, smallSample: false });
    expect(grant.rate).toBeCloseTo(34 / 60);
  });

  it('is empty, not broken, for a set of reports without tables', () => {
    const set = setBreakdown([makeReport(), makeReport()], 'outcomeTotal');
    expect(set.withTable).toBe(0);
    expect(set.outcomes.total).toBe(0);
    expect(set.outcomes.counts.every((c) => c.value === null)).toBe(true);
    expect(set.signals).toEqual([]);
  });
});

describe('bodyTrend', () => {
  const year = (y: number, received: number | null, granted: number, concluded: number, extra: Partial<Parameters<typeof makeReport>[0]> = {}) =>
    makeReport({
      file: `x/${y}.txt`,
      year: y,
      applications:
        received === null ? null : table3({ 'newReceived.total': received, 'granted.total': granted, 'partial.total': 0, 'outcomeTotal.total': concluded }),
      ...extra,
    });

  it('lists the body by year with new requests and grant rate', () => {
    const reports = [year(2022, 50, 30, 60), year(2020, 10, 5, 10), year(2021, null, 0, 0), makeReport({ jurisdictionKey: 'other', year: 2021 })];
    const trend = bodyTrend(reports[0]!, reports);
    expect(trend.map((p) => p.year)).toEqual([2020, 2021, 2022]);
    expect(trend.map((p) => p.newReceived)).toEqual([10, null, 50]);
    expect(trend[0]!.grantRate).toMatchObject({ rate: 0.5, smallSample: true });
    expect(trend[1]!.grantRate).toBeNull();
    expect(trend[2]!.grantRate).toMatchObject({ rate: 0.5, smallSample: false });
  });

  it('keeps one point a year, preferring the duplicate that has table 3', () => {
    const dupNoTable = year(2021, null, 0, 0, { file: 'x/2021-copy.txt' });
    const dupWithTable = year(2021, 12, 6, 12);
    const trend = bodyTrend(dupWithTable, [dupNoTable, dupWithTable]);
    expect(trend).toHaveLength(1);
    expect(trend[0]!.file).toBe('x/2021.txt');
  });

  it('is empty for a report with no body key', () => {
    expect(bodyTrend(makeReport({ jurisdictionKey: null }), [makeReport()])).toEqual([]);
  });
});
