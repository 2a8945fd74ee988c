import { readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parserModule } from '../../src/load/parser-code.js';
import { ParsePool } from '../../src/load/pool.js';
import { WORKER_NICENESS } from '../../src/load/thread-priority.js';
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';

/** Niceness of each thread of this process, from /proc (field 19 of a task's stat, counted after the name's ")"). */
function threadNiceness(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const SEED = fileURLToPath(new URL('../fixtures/seeds/000_81e12db4ab5ce8f0.txt', import.meta.url));

// Linux only: elsewhere a thread has no niceness of its own, and the workers are left at the normal priority.
describe.runIf(process.platform === 'linux')('parse workers', () => {
  it('run at a lower priority than the thread that draws the explorer, which keeps its own', async () => {
    const own = os.getPriority(); // this thread's (on Linux, pid 0 is the calling thread)
    const before = threadNiceness().filter((n) => n === Math.min(19, own + WORKER_NICENESS)).length;
    const pool = new ParsePool(2, { parser: 'test', module: parserModule(), codeCacheDir: null, thresholds: DEFAULT_THRESHOLDS });
    try {
      const bytes = new Uint8Array(readFileSync(SEED));
      const { size, mtimeMs, ctimeMs, ino } = statSync(SEED);
      const found = { path: SEED, file: 'seed.txt', size, mtimeMs, ctimeMs, ino };
      // Two files in flight per worker: both workers have booted once both answers are in.
      const parsed = await Promise.all([0, 1, 2, 3].map(() => pool.run(found, bytes.slice(), Date.now())));
      expect(parsed.every((p) => p.kind === 'report')).toBe(true);
      const lowered = threadNiceness().filter((n) => n === Math.min(19, own + WORKER_NICENESS)).length;
      expect(lowered - before).toBe(2);
      expect(os.getPriority()).toBe(own);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
