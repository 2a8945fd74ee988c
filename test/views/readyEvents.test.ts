// The explorer mounts with the load events that had already arrived, and reads the rest as before.
import { describe, expect, it } from 'vitest';
import { takeReadyEvents } from '../../src/views/readyEvents.js';

/** A source with `now` items at hand and `later` ones that come after a timer; records return(). */
function source(now: number[], later: number[]) {
  const state = { returned: false };
  const iterator: AsyncIterator<number> = {
    async next() {
      if (now.length > 0) return { done: false, value: now.shift()! };
      if (later.length > 0) {
        await new Promise((r) => setTimeout(r, 20));
        return { done: false, value: later.shift()! };
      }
      return { done: true, value: undefined };
    },
    async return() {
      state.returned = true;
      return { done: true, value: undefined };
    },
  };
  return { events: { [Symbol.asyncIterator]: () => iterator } as AsyncIterable<number>, state };
}

async function drain(events: AsyncIterable<number>): Promise<number[]> {
  const out: number[] = [];
  for await (const n of events) out.push(n);
  return out;
}

describe('takeReadyEvents', () => {
  it('takes what is at hand and leaves the rest, including the read still on its way, to the continuation', async () => {
    const { events } = source([1, 2, 3], [4, 5]);
    const { ready, rest } = await takeReadyEvents(events);
    expect(ready).toEqual([1, 2, 3]);
    expect(await drain(rest)).toEqual([4, 5]);
  });

  it('takes nothing from a source that has nothing yet', async () => {
    const { events } = source([], [7, 8]);
    const { ready, rest } = await takeReadyEvents(events);
    expect(ready).toEqual([]);
    expect(await drain(rest)).toEqual([7, 8]);
  });

  it('stops at the limit and at the end of a source that is all at hand', async () => {
    const limited = await takeReadyEvents(source([1, 2, 3, 4], []).events, 2);
    expect(limited.ready).toEqual([1, 2]);
    expect(await drain(limited.rest)).toEqual([3, 4]);
    const whole = await takeReadyEvents(source([1, 2], []).events);
    expect(whole.ready).toEqual([1, 2]);
    expect(await drain(whole.rest)).toEqual([]);
  });

  it('waits, until a deadline, for what the first frame needs (a folder being parsed: its first report)', async () => {
    const isEven = (ready: readonly number[]) => ready.some((n) => n % 2 === 0);
    // Odd numbers now, the first even one 20 ms later (and the one after it 20 ms after that: left to the rest).
    const waited = await takeReadyEvents(source([1], [2, 3]).events, undefined, { enough: isEven, until: performance.now() + 5000 });
    expect(waited.ready).toEqual([1, 2]);
    expect(await drain(waited.rest)).toEqual([3]);
    // Past the deadline, or once enough is at hand, nothing is waited for.
    const late = await takeReadyEvents(source([1], [2, 3]).events, undefined, { enough: isEven, until: performance.now() - 1 });
    expect(late.ready).toEqual([1]);
    expect(await drain(late.rest)).toEqual([2, 3]);
    const had = await takeReadyEvents(source([2], [4]).events, undefined, { enough: isEven, until: performance.now() + 5000 });
    expect(had.ready).toEqual([2]);
    // A deadline that comes first (5 ms, the event 20 ms) ends the wait: the event still on its way goes to the rest.
    const cut = await takeReadyEvents(source([], [2]).events, undefined, { enough: isEven, until: performance.now() + 5 });
    expect(cut.ready).toEqual([]);
    expect(await drain(cut.rest)).toEqual([2]);
  });

  it('return() on the continuation ends the source (quitting mid-load stops the loader)', async () => {
    const { events, state } = source([1], [2, 3]);
    const { rest } = await takeReadyEvents(events);
    await rest[Symbol.asyncIterator]().return?.();
    expect(state.returned).toBe(true);
    expect(await rest[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });
});
