import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import { ParseCache, compactionDue } from '../../src/load/cache.js';

const MiB = 1048576;

/** A `leveldb.sstables` property as LevelDB prints it: per level, each table as ` number:size['first' .. 'last']`. */
function sstables(levels: number[][]): string {
  let n = 10;
  return levels
    .map((sizes, level) => [`--- level ${level} ---`, ...sizes.map((size) => ` ${n++}:${size}['\\x01index\\x00/r\\x00${level}' @ 7 : 1 .. '/r/b.txt' @ 9 : 1]`)].join('\n'))
    .join('\n')
    .concat('\n');
}

describe('compactionDue (LevelDB scheduling rule, from leveldb.sstables)', () => {
  it('is due from four files at level 0 on, whatever their size', () => {
    expect(compactionDue(sstables([[1, 1, 1], [], [], [], [], [], []]))).toBe(false);
    expect(compactionDue(sstables([[1, 1, 1, 1], [], [], [], [], [], []]))).toBe(true);
  });

  it('is due when level n holds 10ⁿ MiB or more, counted in bytes, not rounded megabytes', () => {
    // 9.93 MiB, which leveldb.stats prints as 10: not due, and LevelDB does not compact it.
    expect(compactionDue(sstables([[], [2112403, 2117889, 2112246, 2112350, 1960828], [], [], [], [], []]))).toBe(false);
    expect(compactionDue(sstables([[], [5 * MiB, 5 * MiB], [], [], [], [], []]))).toBe(true);
    expect(compactionDue(sstables([[], [], [99 * MiB], [], [], [], []]))).toBe(false);
    expect(compactionDue(sstables([[], [], [60 * MiB, 40 * MiB], [], [], [], []]))).toBe(true);
  });

  it('never counts the last level, which has no limit', () => {
    expect(compactionDue(sstables([[], [], [], [], [], [], [5000 * MiB]]))).toBe(false);
  });

  it('reads an empty or unexpected property as nothing due', () => {
    expect(compactionDue('')).toBe(false);
    expect(compactionDue('no tables here\n')).toBe(false);
  });
});

describe('closing a cache that wrote', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('leaves no compaction due for the next open to redo', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-compaction-'));
    dirs.push(dir);
    // Random bytes: LevelDB compresses its tables, and a pattern would shrink to almost nothing.
    const value = new Uint8Array(randomBytes(16 * 1024));
    const openStore = async (options: { writeBufferSize?: number } = {}) => {
      const store = readdirSync(dir).find((d) => d.endsWith('compaction-test'))!;
      const db = new ClassicLevel<string, Uint8Array>(path.join(dir, store), { keyEncoding: 'utf8', valueEncoding: 'view', ...options });
      await db.open();
      return db;
    };
    // Read at once on opening, before that handle's own compaction thread could have done anything.
    const dueOnOpening = async (): Promise<boolean> => {
      const db = await openStore();
      try {
        const due = compactionDue(db.getProperty('leveldb.sstables'));
        expect(new Uint8Array((await db.get('/folder/big-0000.txt'))!)).toEqual(value);
        return due;
      } finally {
        await db.close();
      }
    };
    await (await ParseCache.open(dir, 'compaction-test')).cache!.close(); // makes the store
    // A store left with a compaction due, as a cold load's is at its end: written until level 0 has four tables and
    // closed at once, which abandons the compaction LevelDB has just started (4 × 2 MiB and what they overlap, far
    // longer than the close takes). Keys all over the range, so that no new table can go below level 0.
    const raw = await openStore({ writeBufferSize: 2 * 1048576 });
    for (let i = 0; i < 1000 && !compactionDue(raw.getProperty('leveldb.sstables')); i++) {
      const keys = Array.from({ length: 8 }, (_, k) => `/folder/big-${String(((i * 8 + k) * 7919) % 2048).padStart(4, '0')}.txt`);
      await raw.batch(keys.map((key) => ({ type: 'put' as const, key, value })));
    }
    await raw.close();
    expect(await dueOnOpening()).toBe(true);
    // The cache writes a little and closes: it waits for the compaction, which closing at once would abandon (and
    // every later open would start again while its load reads).
    const cache = (await ParseCache.open(dir, 'compaction-test')).cache!;
    cache.put('/folder/small.txt', value);
    await cache.close();
    expect(await dueOnOpening()).toBe(false);
  });
});
