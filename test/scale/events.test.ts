// What a load tells its consumer, in order, and what it knows before its first file.
import { describe, expect, it } from 'vitest';
import { makeSyntheticCorpus } from '../../bench/synth.js';
import { ParseCache } from '../../src/load/cache.js';
import { FolderIndex } from '../../src/load/folder-index.js';
import { loadFolder } from '../../src/load/session.js';
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';
import type { Report } from '../../src/parse/model.js';
import { TurnCounter } from '../event-loop.js';
import { load, tempDir } from './helpers.js';

describe('load events', () => {
  it('say after the last file and before done that the cross-report checks run', async () => {
    const root = tempDir('events');
    await makeSyntheticCorpus(root, 12, { years: 3 });
    const kinds: string[] = [];
    let checking: unknown = null;
    for await (const event of loadFolder(root, { thresholds: DEFAULT_THRESHOLDS, cache: false, workers: 0 })) {
      kinds.push(event.kind);
      if (event.kind === 'checking') checking = event;
    }
    expect(kinds.filter((k) => k === 'report')).toHaveLength(12);
    // Only after the last file: every event after the first `checking` is `checking` (one a slice), then `done`.
    const first = kinds.indexOf('checking');
    expect(first).toBeGreaterThan(kinds.lastIndexOf('report'));
    expect(kinds.slice(first, -1).every((k) => k === 'checking')).toBe(true);
    expect(kinds.at(-1)).toBe('done');
    expect(checking).toEqual({ kind: 'checking', reports: 12, stage: 'all' });
  });
});

describe('the cross-report checks', () => {
  const root = tempDir('checking');
  const made = makeSyntheticCorpus(root, 12, { years: 3 });
  const options = { thresholds: DEFAULT_THRESHOLDS, cache: false, workers: 0 };
  /** The setImmediate turns the event loop takes between the first `checking` event and `done`. */
  async function turnsWhileChecking(checkSliceMs: number): Promise<number> {
    await made;
    const counter = new TurnCounter();
    for await (const event of loadFolder(root, { ...options, checkSliceMs })) {
      if (event.kind === 'checking') counter.start();
      if (event.kind === 'done') counter.stop();
    }
    return counter.turns;
  }

  it('let the event loop run between slices, so the explorer draws and takes keys meanwhile', async () => {
    expect(await turnsWhileChecking(Infinity)).toBeLessThanOrEqual(1); // one slice: the loop waits for the end
    expect(await turnsWhileChecking(0)).toBeGreaterThan(20);
  });

  it('stop when the consumer stops, leaving the rest unchecked', async () => {
    await made;
    const cross = (reports: Report[]) => reports.flatMap((r) => r.anomalies).filter((a) => a.id === 'copy-of-last-year' || a.id === 'stock-break').length;
    const complete = await load(root, { cache: false, workers: 0 });
    expect(cross(complete.reports)).toBeGreaterThan(0);
    const seen: Report[] = [];
    let checkingEvents = 0;
    for await (const event of loadFolder(root, { ...options, checkSliceMs: 0 })) {
      if (event.kind === 'report') seen.push(event.report);
      if (event.kind === 'checking' && ++checkingEvents === 3) break; // Esc, a few slices in
      expect(event.kind).not.toBe('done');
    }
    expect(seen).toHaveLength(12);
    expect(cross(seen)).toBe(0);
  });
});

describe('folder index', () => {
  it('knows before the first file whether this folder was loaded with this parser (so workers start at once if not)', async () => {
    const root = tempDir('stored');
    const cacheDir = tempDir('stored-cache');
    await makeSyntheticCorpus(root, 5);
    const storedWith = async (version: string) => {
      const { cache } = await ParseCache.open(cacheDir, version);
      try {
        return await new FolderIndex(cache!, root).stored();
      } finally {
        await cache!.close();
      }
    };
    expect(await storedWith('v1')).toBe(false);
    await load(root, { cacheDir, parserVersion: 'v1', workers: 0 });
    expect(await storedWith('v1')).toBe(true);
    expect(await storedWith('v2')).toBe(false); // another parser's index does not count (and the v1 store is gone)
  });
});
