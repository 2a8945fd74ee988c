import { describe, expect, it } from 'vitest';
import { prefetch } from '../../src/load/prefetch.js';
import { TurnCounter } from '../event-loop.js';

async function* counted(n: number, log: string[]): AsyncGenerator<number> {
  try {
    for (let i = 0; i < n; i++) {
      log.push(`produce ${i}`);
      yield i;
    }
  } finally {
    log.push('source closed');
  }
}

describe('prefetch', () => {
  it('starts pulling before anyone asks, and yields everything in order', async () => {
    const log: string[] = [];
    const it = prefetch(counted(5, log));
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toContain('produce 4'); // pulled ahead while nobody was reading
    const got: number[] = [];
    for await (const v of it) got.push(v);
    expect(got).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops pulling when the buffer is full', async () => {
    const log: string[] = [];
    prefetch(counted(100, log), 3);
    await new Promise((r) => setTimeout(r, 10));
    expect(log.filter((l) => l.startsWith('produce')).length).toBeLessThanOrEqual(4);
  });

  it('lets the event loop run while it pulls from a source that answers at once', async () => {
    async function* busy(): AsyncGenerator<number> {
      for (let i = 0; i < 200; i++) {
        const until = performance.now() + 1; // a millisecond of work per item, no waiting
        while (performance.now() < until);
        yield i;
      }
    }
    const counter = new TurnCounter();
    counter.start();
    const got: number[] = [];
    for await (const v of prefetch(busy())) got.push(v);
    const turns = counter.stop();
    expect(got).toHaveLength(200);
    // ~200 ms of work: without pauses the loop would get no turn until the end.
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('return() closes the source', async () => {
    const log: string[] = [];
    const it = prefetch(counted(100, log), 3);
    expect((await it.next()).value).toBe(0);
    await it.return!();
    expect(log).toContain('source closed');
    expect((await it.next()).done).toBe(true);
  });

  it('passes on a failure of the source', async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      throw new Error('disk gone');
    }
    const it = prefetch(failing());
    expect((await it.next()).value).toBe(1);
    await expect(it.next()).rejects.toThrow('disk gone');
  });
});
