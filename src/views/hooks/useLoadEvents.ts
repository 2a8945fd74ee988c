// Feeds the load events into the corpus reducer, a batch at a time: a folder of thousands of files would
// otherwise re-render the screen once per file.
import { useEffect, useReducer } from 'react';
import type { LoadEvent } from '../../load/types.js';
import { corpusReducer, initialCorpusState, type CorpusState } from '../state/corpusState.js';

const FLUSH_MS = 80;

export function useLoadEvents(events: AsyncIterable<LoadEvent>): CorpusState {
  const [state, dispatch] = useReducer(corpusReducer, initialCorpusState);
  useEffect(() => {
    let stopped = false;
    let pending: LoadEvent[] = [];
    const flush = () => {
      if (pending.length === 0 || stopped) return;
      const batch = pending;
      pending = [];
      dispatch({ type: 'events', events: batch });
    };
    const timer = setInterval(flush, FLUSH_MS);
    const iterator = events[Symbol.asyncIterator]();
    (async () => {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done || stopped) break;
          pending.push(next.value);
          if (next.value.kind === 'done') flush();
        }
        flush();
      } catch (err) {
        flush();
        if (!stopped) dispatch({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
      } finally {
        clearInterval(timer);
      }
    })();
    return () => {
      stopped = true;
      clearInterval(timer);
      // Quitting while a folder still loads: end the loader, so its worker threads stop and the process can exit.
      void iterator.return?.(undefined)?.catch(() => undefined);
    };
  }, [events]);
  return state;
}
