// The load events that have already arrived when the explorer starts, taken before its first render.
//
// The CLI starts loading before it imports the explorer, so by the time Ink is ready the first reports are usually
// waiting (src/load/prefetch.ts buffers them). Mounting with them makes the very first frame the list with its
// reports: one render instead of an empty frame, a progress frame and then the list.

import { nextTurn } from '../load/event-loop.js';

export interface ReadyEvents<T> {
  /** The events that were waiting, in order. */
  ready: T[];
  /** Everything after them: the same source, including a `next()` that was still pending. */
  rest: AsyncIterable<T>;
}

const NOT_YET = Symbol('not yet');

/** NOT_YET after the promise callbacks already queued, and I/O callbacks due now, have run. */
const aTurnLater = (): Promise<typeof NOT_YET> => nextTurn().then(() => NOT_YET);

export interface WaitFor<T> {
  /** Until these events are at hand (say, the first report)… */
  enough: (ready: readonly T[]) => boolean;
  /** …the events still on their way are waited for, until this time (`performance.now()`) at the latest. */
  until: number;
}

/**
 * Takes the events `source` can give without waiting (those already buffered), at most `limit` of them; with `wait`,
 * also those that come before `wait.until` while `wait.enough` is not yet true of them. `rest` continues from
 * there; its `return()` ends the source.
 */
export async function takeReadyEvents<T>(source: AsyncIterable<T>, limit = 5000, wait?: WaitFor<T>): Promise<ReadyEvents<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const ready: T[] = [];
  let pending: Promise<IteratorResult<T>> | null = null;
  let finished = false;
  let turn = aTurnLater();
  while (ready.length < limit) {
    const next = iterator.next();
    let result = await Promise.race([next, turn]);
    if (result === NOT_YET && wait && !wait.enough(ready) && performance.now() < wait.until) {
      result = await Promise.race([next, after(wait.until - performance.now())]);
      turn = aTurnLater(); // what comes with it is taken too
    }
    if (result === NOT_YET) {
      pending = next; // still on its way: the explorer's own loop will take it
      break;
    }
    if (result.done) {
      finished = true;
      break;
    }
    ready.push(result.value);
  }
  return { ready, rest: continuation(iterator, pending, finished) };
}

function after(ms: number): Promise<typeof NOT_YET> {
  return new Promise((resolve) => setTimeout(() => resolve(NOT_YET), ms).unref());
}

function continuation<T>(iterator: AsyncIterator<T>, pending: Promise<IteratorResult<T>> | null, finished: boolean): AsyncIterable<T> {
  let first = pending;
  const rest: AsyncIterator<T> = {
    next() {
      if (finished) return Promise.resolve({ done: true, value: undefined });
      const next = first ?? iterator.next();
      first = null;
      return next;
    },
    async return(value?: unknown) {
      finished = true;
      first = null;
      await iterator.return?.(value);
      return { done: true, value: undefined };
    },
  };
  return { [Symbol.asyncIterator]: () => rest };
}
