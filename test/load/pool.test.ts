// The parse pool's start-up: one worker first and the others once it has answered (and, for the explorer, once its
// first frame is drawn), a spare worker started before any pool (the command's entry point does, when every file will
// be parsed) adopted by the first pool, and a worker that answers its jobs one at a time, in the order they came.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFile, type ParseContext } from '../../src/load/parse-file.js';
import { parserModule } from '../../src/load/parser-code.js';
import { ParsePool, startSpareWorker } from '../../src/load/pool.js';
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const context: ParseContext = { parser: 'pool-test', module: parserModule(), codeCacheDir: null, thresholds: { ...DEFAULT_THRESHOLDS, section5MinChars: 12 } };

function fixture(relative: string) {
  const file = path.join(FIXTURES, relative);
  const { size, mtimeMs, ctimeMs, ino } = statSync(file);
  return { found: { path: file, file: path.basename(file), size, mtimeMs, ctimeMs, ino }, bytes: () => new Uint8Array(readFileSync(file)) };
}

const SPARE = Symbol.for('xxgk.spareParseWorker');
const spare = () => (globalThis as { [SPARE]?: unknown })[SPARE];

const pools: ParsePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('the parse pool', () => {
  it('starts one worker, and the others once it has answered', async () => {
    const pool = new ParsePool(3, context);
    pools.push(pool);
    expect(pool.started).toBe(1);
    const seed = fixture('seeds/000_81e12db4ab5ce8f0.txt');
    const parsed = await pool.run(seed.found, seed.bytes(), Date.now());
    expect(parsed.kind).toBe('report');
    expect(pool.started).toBe(3);
    // …and they all take work: eight files at once, each parsed as on this thread.
    const readAt = Date.now();
    const results = await Promise.all(Array.from({ length: 8 }, () => pool.run(seed.found, seed.bytes(), readAt)));
    const here = await parseFile(seed.found, seed.bytes(), readAt, context);
    for (const r of results) expect(r).toEqual(here);
  }, 60_000);

  it('starts the others only once told to as well, when asked to wait (the explorer, until its first frame)', async () => {
    let goAhead!: () => void;
    const pool = new ParsePool(3, context, new Promise<void>((resolve) => (goAhead = resolve)));
    pools.push(pool);
    const seed = fixture('seeds/000_81e12db4ab5ce8f0.txt');
    expect((await pool.run(seed.found, seed.bytes(), Date.now())).kind).toBe('report');
    // Answered, but not told: the first worker alone goes on.
    expect((await pool.run(seed.found, seed.bytes(), Date.now())).kind).toBe('report');
    expect(pool.started).toBe(1);
    goAhead();
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.started).toBe(3);
  }, 60_000);

  it('starts the others at once when told before the first answer, as soon as that answer comes', async () => {
    const pool = new ParsePool(2, context, Promise.resolve());
    pools.push(pool);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.started).toBe(1);
    const seed = fixture('seeds/004_7155ca732c79b54b.txt');
    await pool.run(seed.found, seed.bytes(), Date.now());
    expect(pool.started).toBe(2);
  }, 60_000);

  it('adopts a spare worker started before it, which parses with the context the pool was given', async () => {
    startSpareWorker();
    expect(spare()).toBeDefined();
    const pool = new ParsePool(1, context);
    pools.push(pool);
    expect(spare()).toBeUndefined();
    expect(pool.started).toBe(1);
    const seed = fixture('seeds/004_7155ca732c79b54b.txt');
    const readAt = Date.now();
    const parsed = await pool.run(seed.found, seed.bytes(), readAt);
    // The same entry as on this thread: same parser name and thresholds (12, not the default 10), same report.
    expect(parsed).toEqual(await parseFile(seed.found, seed.bytes(), readAt, context));
  }, 60_000);

  it('answers a worker’s jobs one at a time, in the order they came', async () => {
    const pool = new ParsePool(1, context);
    pools.push(pool);
    // A PDF's extraction awaits more than once; a text file's parse hardly at all. Begun together, the text file's
    // answer would come first.
    const pdf = fixture('formats/000_81e12db4ab5ce8f0.pdf');
    const txt = fixture('seeds/000_81e12db4ab5ce8f0.txt');
    const order: string[] = [];
    await Promise.all([
      pool.run(pdf.found, pdf.bytes(), Date.now()).then(() => order.push('pdf')),
      pool.run(txt.found, txt.bytes(), Date.now()).then(() => order.push('txt')),
    ]);
    expect(order).toEqual(['pdf', 'txt']);
  }, 60_000);
});
