// Feeds the load events into the corpus reducer, a batch at a time: a folder of 100 000 files would otherwise
// re-render the screen once per file. The list is usable from the first batch on; `cancel` stops the load and
// keeps what was loaded.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { LoadEvent } from '../../load/types.js';
import { corpusReducer, initialCorpusState, type CorpusState } from '../state/corpusState.js';

/** At most about ten screen updates a second while loading. */
export const FLUSH_MS = 100;
/** After this long taking events without a pause, let timers and key presses run (a fast source never waits). */
const PUMP_SLICE_MS = 30;

export interface LoadHandle {
  corpus: CorpusState;
  /** Stops reading: the events' iterator is ended (its `return()`), what arrived so far stays. */
  cancel: () => void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function useLoadEvents(events: AsyncIterable<LoadEvent>, now: () => number = Date.now): LoadHandle {
  const [corpus, dispatch] = useReducer(corpusReducer, initialCorpusState);
  const cancelRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    let stopped = false;
    let pending: LoadEvent[] = [];
    const flush = () => {
      if (pending.length === 0 || stopped) return;
      const batch = pending;
      pending = [];
      dispatch({ type: 'events', events: batch, at: now() });
    };
    const timer = setInterval(flush, FLUSH_MS);
    const iterator = events[Symbol.asyncIterator]();
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      // Ends the loader (its worker threads and open files); a pending next() settles first, which we ignore.
      void Promise.resolve()
        .then(() => iterator.return?.(undefined))
        .catch(() => undefined);
    };
    cancelRef.current = () => {
      if (stopped) return;
      flush();
      stop();
      dispatch({ type: 'cancelled' });
    };
    (async () => {
      try {
        let sliceStart = now();
        for (;;) {
          const next = await iterator.next();
          if (next.done || stopped) break;
          pending.push(next.value);
          if (next.value.kind === 'done') flush();
          if (now() - sliceStart >= PUMP_SLICE_MS) {
            await yieldToEventLoop();
            sliceStart = now();
          }
        }
        flush();
      } catch (err) {
        flush();
        if (!stopped) dispatch({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
      } finally {
        clearInterval(timer);
      }
    })();
    // Quitting while a folder still loads: end the loader, so its worker threads stop and the process can exit.
    return stop;
  }, [events, now]);
  const cancel = useCallback(() => cancelRef.current(), []);
  return { corpus, cancel };
}
