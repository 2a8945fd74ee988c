// What has been loaded so far. Reports and problems are listed as they arrive; `done` replaces them with the
// checked corpus (which carries the cross-report anomalies).
import type { Report } from '../../parse/model.js';
import type { LoadEvent, LoadProblem } from '../../load/types.js';

export interface CorpusState {
  reports: Report[];
  problems: LoadProblem[];
  /** Files handled so far, and the total when known. */
  done: number;
  total: number | null;
  finished: boolean;
  /** Set when the event stream itself failed. */
  failure: string | null;
}

export const initialCorpusState: CorpusState = { reports: [], problems: [], done: 0, total: null, finished: false, failure: null };

export type CorpusAction = { type: 'events'; events: LoadEvent[] } | { type: 'failed'; message: string };

export function corpusReducer(state: CorpusState, action: CorpusAction): CorpusState {
  if (action.type === 'failed') return { ...state, finished: true, failure: action.message };
  let reports: Report[] | null = null;
  let problems: LoadProblem[] | null = null;
  let next = state;
  for (const event of action.events) {
    switch (event.kind) {
      case 'report':
        (reports ??= [...next.reports]).push(event.report);
        break;
      case 'problem':
        (problems ??= [...next.problems]).push(event.problem);
        break;
      case 'progress':
        next = { ...next, done: event.done, total: event.total };
        break;
      case 'done':
        reports = event.corpus.reports;
        problems = event.corpus.problems;
        next = { ...next, finished: true };
        break;
    }
  }
  return { ...next, reports: reports ?? next.reports, problems: problems ?? next.problems };
}
