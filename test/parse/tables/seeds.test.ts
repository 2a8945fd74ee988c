// The exact figures of the real seed reports, read from the files by eye.
import { describe, expect, it } from 'vitest';
import { review15, row7, seedText, tablesOf } from './helpers.js';

describe('seed 000 — one value per line, tab-indented, blank lines between rows', () => {
  const t = tablesOf(seedText('000'));
  it('reads table 2', () => {
    expect(t.active).toEqual({
      regulations: { issued: 3, repealed: 1, current: 88 },
      normativeDocuments: { issued: 46, repealed: 9, current: 338 },
      licensing: { decisions: 654009 },
      punishment: { decisions: 2301582 },
      enforcement: { decisions: 9373 },
      fees: { amount: 45028.923 },
    });
  });
  it('reads table 3', () => {
    expect(row7(t, 'newReceived')).toEqual([532, 147, 0, 2, 7, 15, 703]);
    expect(row7(t, 'carriedOver')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row7(t, 'granted')).toEqual([176, 137, 0, 0, 1, 0, 314]);
    expect(row7(t, 'partial')).toEqual([79, 3, 0, 0, 1, 0, 83]);
    expect(row7(t, 'denied.stateSecret')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row7(t, 'denied.lawForbidden')).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(row7(t, 'denied.securityStability')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row7(t, 'denied.thirdParty')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(row7(t, 'denied.processInfo')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(row7(t, 'denied.adminQuery')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row7(t, 'unavailable.notHeld')).toEqual([224, 5, 0, 0, 5, 15, 249]);
    expect(row7(t, 'unavailable.needsCreation')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row7(t, 'unavailable.unclear')).toEqual([0, 0, 0, 1, 0, 0, 1]);
    expect(row7(t, 'notProcessed.complaint')).toEqual([13, 0, 0, 0, 0, 0, 13]);
    expect(row7(t, 'notProcessed.duplicate')).toEqual([17, 0, 0, 0, 0, 0, 17]);
    expect(row7(t, 'other.noCorrection')).toEqual([8, 0, 0, 1, 0, 0, 9]);
    expect(row7(t, 'other.noFee')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row7(t, 'other.other')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(row7(t, 'outcomeTotal')).toEqual([532, 147, 0, 2, 7, 15, 703]);
    expect(row7(t, 'carriedForward')).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });
  it('reads table 4', () => {
    expect(review15(t)).toEqual([
      [1, 10, 3, 0, 14],
      [11, 4, 6, 0, 21],
      [3, 0, 0, 0, 3],
    ]);
  });
  it('finds the 2021 evidence and no problems', () => {
    expect(t.evidence).toEqual({ labels2019: false, labels2021: true, otherHasSubRows: true });
    expect(t.diagnostics).toEqual([]);
    expect(t.blankCells).toEqual([]);
  });
});

describe('seed 002 — one cell per line terminated by " |"', () => {
  const t = tablesOf(seedText('002'));
  it('reads table 2', () => {
    expect(t.active?.regulations).toEqual({ issued: 0, repealed: 0, current: 0 });
    expect(t.active?.normativeDocuments).toEqual({ issued: 1, repealed: 2, current: 0 });
    expect(t.active?.licensing).toEqual({ decisions: 6445 });
    expect(t.active?.punishment).toEqual({ decisions: 359 });
    expect(t.active?.enforcement).toEqual({ decisions: 36 });
    expect(t.active?.fees).toEqual({ amount: 1312 });
  });
  it('reads table 3', () => {
    expect(row7(t, 'newReceived')).toEqual([17, 1, 1, 0, 14, 0, 33]);
    expect(row7(t, 'granted')).toEqual([7, 1, 1, 0, 0, 0, 9]);
    expect(row7(t, 'partial')).toEqual([2, 0, 0, 0, 8, 0, 10]);
    expect(row7(t, 'denied.processInfo')).toEqual([0, 0, 0, 0, 2, 0, 2]);
    expect(row7(t, 'unavailable.notHeld')).toEqual([8, 0, 0, 0, 4, 0, 12]);
    expect(row7(t, 'other.other')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row7(t, 'outcomeTotal')).toEqual([17, 1, 1, 0, 14, 0, 33]);
    expect(row7(t, 'carriedForward')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
  it('reads table 4 as fifteen zeros', () => {
    expect(review15(t)).toEqual([Array(5).fill(0), Array(5).fill(0), Array(5).fill(0)]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe('seed 004 — tab grid with ragged leading and trailing cells, split table-4 header', () => {
  const t = tablesOf(seedText('004'));
  it('reads table 2', () => {
    expect(t.active).toEqual({
      regulations: { issued: 0, repealed: 0, current: 0 },
      normativeDocuments: { issued: 2, repealed: 0, current: 2 },
      licensing: { decisions: 1539 },
      punishment: { decisions: 83 },
      enforcement: { decisions: 12 },
      fees: { amount: 1054 },
    });
  });
  it('reads table 3', () => {
    expect(row7(t, 'newReceived')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(row7(t, 'granted')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(row7(t, 'denied.internalAffairs')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row7(t, 'denied.adminQuery')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row7(t, 'outcomeTotal')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(row7(t, 'carriedForward')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(t.evidence.otherHasSubRows).toBe(true);
  });
  it('reads table 4 by count', () => {
    expect(review15(t)).toEqual([
      [1, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe('seed 001 — Traditional, every cell emptied', () => {
  const t = tablesOf(seedText('001'));
  it('gives null tables with a table-empty warning at each heading', () => {
    expect(t.active).toBeNull();
    expect(t.applications).toBeNull();
    expect(t.reviews).toBeNull();
    expect(t.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['table-empty', 'warning', 19],
      ['table-empty', 'warning', 20],
      ['table-empty', 'warning', 49],
    ]);
    expect(t.blankCells).toEqual([]);
  });
});

describe('seed 003 — 2017 prose report', () => {
  it('has no tables and no table diagnostics', () => {
    const t = tablesOf(seedText('003'));
    expect([t.active, t.applications, t.reviews]).toEqual([null, null, null]);
    expect(t.diagnostics).toEqual([]);
  });
});
