// When a load starts its parse workers: before the store is opened when no store exists yet for this parser (every
// file will be parsed, and a worker takes tens of milliseconds to boot), once the store is open when it holds no
// index of this folder, and never when the folder is served from the store.
// A load told to hold its workers beyond the first (the explorer, until its first frame). And what a load that parses
// asks the store first: nothing, in a store it has just made.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSyntheticCorpus } from '../../bench/synth.js';
import { ParseCache } from '../../src/load/cache.js';
import { RACY_MS } from '../../src/load/entry.js';
import { load, tempDir } from '../scale/helpers.js';

/** What happened, in order: a pool made ('pool'), the store opened ('open'). */
const events: string[] = [];
/** The pools made, newest last. */
const pools: Array<{ started: number }> = [];

vi.mock('../../src/load/pool.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/pool.js')>();
  class RecordedPool extends original.ParsePool {
    constructor(...args: ConstructorParameters<typeof original.ParsePool>) {
      events.push('pool');
      super(...args);
      pools.push(this);
    }
  }
  return { ...original, ParsePool: RecordedPool };
});

const open = ParseCache.open.bind(ParseCache);
vi.spyOn(ParseCache, 'open').mockImplementation((...args) => {
  events.push('open');
  return open(...args);
});

const candidate = vi.spyOn(ParseCache.prototype, 'candidate');

afterEach(() => {
  events.length = 0;
  candidate.mockClear();
});

describe('parse workers start', () => {
  it('before the store is opened when there is no store yet, after it when the folder is new to it, never when it is served from it', async () => {
    const root = tempDir('pool-start');
    const cacheDir = tempDir('pool-start-cache');
    await makeSyntheticCorpus(root, 6);
    await new Promise((r) => setTimeout(r, RACY_MS + 300)); // old enough to be trusted by its stamp

    await load(root, { cacheDir, workers: 2 });
    // The first open is the load's; a second one stores the cross-report findings at the end.
    expect(events.slice(0, 2)).toEqual(['pool', 'open']);

    events.length = 0;
    const warm = await load(root, { cacheDir, workers: 2 });
    expect(warm.stats).toMatchObject({ parsed: 0, cached: 6 });
    expect(events).not.toContain('pool');

    events.length = 0;
    const other = tempDir('pool-start-other');
    writeFileSync(path.join(other, 'report.txt'), 'not a report\n'); // a folder the store has no index of
    await load(other, { cacheDir, workers: 2 });
    expect(events.slice(0, 2)).toEqual(['open', 'pool']);
  }, 60_000);
});

describe('a load told to hold its other workers', () => {
  it('parses with the first alone until told, and finishes so if never told', async () => {
    const root = tempDir('pool-hold');
    await makeSyntheticCorpus(root, 6);
    const held = await load(root, { cache: false, workers: 2, moreWorkersAfter: new Promise(() => undefined) });
    expect(held.stats).toMatchObject({ parsed: 6 });
    expect(pools.at(-1)?.started).toBe(1);
    const free = await load(root, { cache: false, workers: 2 });
    expect(pools.at(-1)?.started).toBe(2);
    expect(JSON.stringify(free.reports)).toBe(JSON.stringify(held.reports));
  }, 60_000);
});

describe('a load that parses', () => {
  it('looks no file up in a store it has just made, and each file of a folder new to a store it has not', async () => {
    const root = tempDir('lookups');
    const cacheDir = tempDir('lookups-cache');
    await makeSyntheticCorpus(root, 6);
    const first = await load(root, { cacheDir, workers: 2 });
    expect(first.stats).toMatchObject({ parsed: 6 });
    expect(first.reports).toHaveLength(6);
    expect(candidate).not.toHaveBeenCalled();

    // The store holds entries now, possibly of these very files reached from another root: each is looked up.
    const other = tempDir('lookups-other');
    await makeSyntheticCorpus(other, 3);
    const second = await load(other, { cacheDir, workers: 2 });
    expect(second.stats).toMatchObject({ parsed: 3 });
    expect(candidate).toHaveBeenCalledTimes(3);
  }, 60_000);
});
