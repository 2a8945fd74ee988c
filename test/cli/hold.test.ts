// holdAfter: the explorer's first screenful of reports passes, then loading waits until the explorer is drawn.
import { describe, expect, it } from 'vitest';
import { holdAfter, signal } from '../../src/cli/hold.js';

type Event = { kind: 'report' | 'progress'; n: number };

async function* events(count: number, pulled: number[]): AsyncGenerator<Event> {
  for (let n = 0; n < count; n++) {
    pulled.push(n);
    yield { kind: n % 3 === 2 ? 'progress' : 'report', n };
  }
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('holdAfter', () => {
  it('passes the first N reports, holds until go, then passes everything in order', async () => {
    const pulled: number[] = [];
    const go = signal();
    const seen: number[] = [];
    const done = (async () => {
      for await (const e of holdAfter(events(12, pulled), 4, go.promise)) seen.push(e.n);
    })();
    await settle();
    // Reports 0,1,3,4 are the first four (2 is progress); nothing past the fourth is pulled from the source.
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(pulled).toEqual([0, 1, 2, 3, 4]);
    go.fire();
    await done;
    expect(seen).toEqual([...Array(12).keys()]);
  });

  it('never holds once go has fired, even before the Nth report', async () => {
    const go = signal();
    go.fire();
    await settle();
    const seen: number[] = [];
    for await (const e of holdAfter(events(9, []), 1, go.promise)) seen.push(e.n);
    expect(seen).toHaveLength(9);
  });
});
