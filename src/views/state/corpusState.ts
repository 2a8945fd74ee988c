// What has been loaded so far. Reports and problems are listed as they arrive; `done` replaces them with the
// checked corpus (which carries the cross-report anomalies). A cancelled load keeps what it had.
import type { Report } from '../../parse/model.js';
import type { CheckingStage, LoadEvent, LoadProblem } from '../../load/types.js';

export interface CorpusState {
  reports: Report[];
  problems: LoadProblem[];
  /** Files handled so far, and the total when known (null until discovery has finished). */
  done: number;
  total: number | null;
  /** Bytes read so far, and the file being read (as the loader names it; sanitise before showing). */
  bytes: number;
  current: string | null;
  /** Clock (ms) when the first batch arrived and when the latest did: the read rate is bytes over that span. */
  startedAt: number | null;
  updatedAt: number | null;
  /** Every file is handled and the cross-report checks are running: at which stage (see the loader's event). */
  checking: CheckingStage | null;
  finished: boolean;
  /** The user stopped the load; what was loaded stays. */
  cancelled: boolean;
  /** Set when the event stream itself failed. */
  failure: string | null;
}

export const initialCorpusState: CorpusState = {
  reports: [],
  problems: [],
  done: 0,
  total: null,
  bytes: 0,
  current: null,
  startedAt: null,
  updatedAt: null,
  checking: null,
  finished: false,
  cancelled: false,
  failure: null,
};

export type CorpusAction =
  | { type: 'events'; events: LoadEvent[]; at: number }
  | { type: 'failed'; message: string }
  | { type: 'cancelled' };

export function corpusReducer(state: CorpusState, action: CorpusAction): CorpusState {
  if (action.type === 'failed') return { ...state, finished: true, failure: action.message };
  if (action.type === 'cancelled') return state.finished ? state : { ...state, finished: true, cancelled: true, current: null };
  // Events that were already in flight when the load was cancelled or ended change nothing.
  if (state.finished) return state;
  let reports: Report[] | null = null;
  let problems: LoadProblem[] | null = null;
  let next: CorpusState = { ...state, startedAt: state.startedAt ?? action.at, updatedAt: action.at };
  for (const event of action.events) {
    switch (event.kind) {
      case 'report':
        (reports ??= [...next.reports]).push(event.report);
        break;
      case 'problem':
        (problems ??= [...next.problems]).push(event.problem);
        break;
      case 'progress':
        next = { ...next, done: event.done, total: event.total, bytes: event.bytes, current: event.current };
        break;
      case 'checking':
        next = { ...next, checking: event, current: null };
        break;
      case 'done':
        reports = event.corpus.reports;
        problems = event.corpus.problems;
        next = { ...next, checking: null, finished: true, current: null, total: next.total ?? next.done };
        break;
    }
  }
  return { ...next, reports: reports ?? next.reports, problems: problems ?? next.problems };
}

/** Megabytes read per second since the first batch; null until there is a span to measure. */
export function readRate(state: Pick<CorpusState, 'bytes' | 'startedAt' | 'updatedAt'>): number | null {
  if (state.startedAt === null || state.updatedAt === null) return null;
  const seconds = (state.updatedAt - state.startedAt) / 1000;
  if (seconds <= 0) return null;
  return state.bytes / 1e6 / seconds;
}
