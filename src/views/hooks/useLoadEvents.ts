// Feeds the load events into the corpus reducer, a batch at a time: a folder of 100 000 files would otherwise
// re-render the screen once per file. The list is usable from the first batch on; `cancel` stops the load and
// keeps what was loaded.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { nextTurn } from '../../load/event-loop.js';
import type { LoadEvent } from '../../load/types.js';
import { corpusReducer, initialCorpusState, type CorpusState } from '../state/corpusState.js';

/** At most about ten screen updates a second while loading starts… */
export const FLUSH_MS = 100;
/**
 * …and two once it has run this long. Drawing shares the one JavaScript thread with loading: a frame of a full
 * screen of Chinese text costs Ink tens of milliseconds on a slow machine (it measures and splits every line into
 * graphemes), and while it draws the worker threads wait for files. At ten frames a second a cold load of a big
 * folder ran at a tenth of its speed without the explorer.
 */
export const SLOW_FLUSH_MS = 500;
export const FAST_FLUSH_FOR_MS = 2000;
/** After this long taking events without a pause, let timers and key presses run (a fast source never waits). */
const PUMP_SLICE_MS = 30;

export interface LoadHandle {
  corpus: CorpusState;
  /** Stops reading: the events' iterator is ended (its `return()`), what arrived so far stays. */
  cancel: () => void;
}

/**
 * `initialEvents` had arrived before the explorer was drawn (see readyEvents.ts): the first frame already shows them.
 * `events` is the rest of the load.
 */
export function useLoadEvents(events: AsyncIterable<LoadEvent>, now: () => number = Date.now, initialEvents: readonly LoadEvent[] = []): LoadHandle {
  const [corpus, dispatch] = useReducer(corpusReducer, initialEvents, (ready): CorpusState =>
    ready.length === 0 ? initialCorpusState : corpusReducer(initialCorpusState, { type: 'events', events: [...ready], at: now() }),
  );
  const cancelRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    let stopped = false;
    let pending: LoadEvent[] = [];
    let flushedAt = -Infinity;
    let listedAReport = initialEvents.some((event) => event.kind === 'report');
    // The stage of the checks last passed on: the loader repeats its `checking` event between slices of its work, and
    // only a new stage is news.
    const stageOf = (event: LoadEvent) => (event.kind === 'checking' ? `${event.stage}:${event.stage === 'changed' ? event.changedBodies : ''}` : null);
    let saidChecking = initialEvents.map(stageOf).filter((stage) => stage !== null).at(-1) ?? null;
    const startedAt = now();
    const interval = () => (now() - startedAt < FAST_FLUSH_FOR_MS ? FLUSH_MS : SLOW_FLUSH_MS);
    const flush = () => {
      if (pending.length === 0 || stopped) return;
      const batch = pending;
      pending = [];
      flushedAt = now();
      dispatch({ type: 'events', events: batch, at: flushedAt });
    };
    // The first report is shown as soon as it arrives (that frame is what a person waits for at start), together
    // with whatever else is already waiting (flushed once the events at hand are taken); so is any event after a
    // quiet spell. The rest wait for the next tick of the timer.
    const due = (event: LoadEvent): boolean => {
      if (event.kind === 'report' && !listedAReport) {
        listedAReport = true;
        setImmediate(flush);
        return false;
      }
      return event.kind === 'done' || event.kind === 'checking' || now() - flushedAt >= interval();
    };
    const timer = setInterval(() => {
      if (now() - flushedAt >= interval()) flush();
    }, FLUSH_MS);
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
          // The loader repeats `checking` between slices of its checks (so that it can notice a stop there): only a
          // new stage is news, and it is shown at once (see due).
          if (next.value.kind === 'checking') {
            const stage = stageOf(next.value);
            if (stage === saidChecking) continue;
            saidChecking = stage;
          }
          // Time spent waiting for the source is not a slice of work: an event after a wait starts a new slice.
          if (pending.length === 0) sliceStart = now();
          pending.push(next.value);
          if (due(next.value)) flush();
          if (now() - sliceStart >= PUMP_SLICE_MS) {
            await nextTurn();
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
