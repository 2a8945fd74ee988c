// Starts pulling from an async iterable at once and buffers what arrives, so work that is slow to start (the
// explorer importing Ink and React) overlaps with loading instead of waiting for it. Stops pulling while the
// buffer is full; `return()` on the result stops the source too.
import { nextTurn } from './event-loop.js';

/**
 * Pulling pauses for a turn of the event loop after this long. A source that answers at once (reports from the
 * cache's folder index) would otherwise fill the whole buffer in one go, holding the thread for a few hundred
 * milliseconds on a big folder, during which the explorer could neither draw nor take a key.
 */
const PULL_SLICE_MS = 15;

export function prefetch<T>(source: AsyncIterable<T>, limit = 2000): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const buffer: Array<IteratorResult<T>> = [];
  let failure: { error: unknown } | null = null;
  let waiting: (() => void) | null = null;
  let pulling = false;
  let finished = false;
  let stopped = false;

  const wake = () => {
    const w = waiting;
    waiting = null;
    w?.();
  };

  const pull = async (): Promise<void> => {
    if (pulling || finished || stopped) return;
    pulling = true;
    try {
      let sliceStart = performance.now();
      while (!finished && !stopped && buffer.length < limit) {
        const next = await iterator.next();
        if (stopped) break;
        buffer.push(next);
        if (next.done) finished = true;
        wake();
        if (performance.now() - sliceStart >= PULL_SLICE_MS) {
          await nextTurn();
          sliceStart = performance.now();
        }
      }
    } catch (error) {
      failure = { error };
      finished = true;
      wake();
    } finally {
      pulling = false;
    }
  };
  void pull();

  const result: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        const item = buffer.shift();
        if (item) {
          void pull();
          return item;
        }
        if (failure) throw failure.error;
        if (finished || stopped) return { value: undefined, done: true };
        await new Promise<void>((resolve) => {
          waiting = resolve;
          void pull();
        });
      }
    },
    async return(): Promise<IteratorResult<T>> {
      stopped = true;
      buffer.length = 0;
      wake();
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return result;
    },
  };
  return result;
}
