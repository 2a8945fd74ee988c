// Loads a folder and runs the checks: the one entry point the CLI and the TUI use.
import { runChecks } from '../parse/checks/index.js';
import type { Thresholds } from '../parse/checks/thresholds.js';
import type { Report } from '../parse/model.js';
import { loadReports } from './load.js';
import type { LoadEvent, LoadProblem } from './types.js';

export interface LoadOptions {
  thresholds: Thresholds;
}

export async function* loadFolder(root: string, options: LoadOptions): AsyncGenerator<LoadEvent> {
  const reports: Report[] = [];
  const problems: LoadProblem[] = [];
  let done = 0;
  for await (const item of loadReports(root)) {
    done++;
    if (item.kind === 'report') {
      // Per-report rules now, so a streamed report already carries its own anomalies.
      runChecks([item.report], options.thresholds, { crossReport: false });
      reports.push(item.report);
    } else {
      problems.push(item.problem);
    }
    yield item;
    yield { kind: 'progress', done, total: null, bytes: 0, current: item.kind === 'report' ? item.report.file : item.problem.file };
  }
  runChecks(reports, options.thresholds, { crossReport: true });
  yield { kind: 'done', corpus: { root, reports, problems } };
}

/** Loads everything and returns the checked corpus. */
export async function loadCheckedCorpus(root: string, options: LoadOptions) {
  for await (const event of loadFolder(root, options)) if (event.kind === 'done') return event.corpus;
  throw new Error('unreachable: loadFolder always ends with done');
}
