import type { Report } from '../parse/model.js';

/** A file that could not be loaded as a report, with the reason. */
export interface LoadProblem {
  file: string;
  code: string;
  message: string;
  messageZh: string;
}

export type LoadItem = { kind: 'report'; report: Report } | { kind: 'problem'; problem: LoadProblem };

export interface Corpus {
  /** Absolute path of the loaded folder. */
  root: string;
  reports: Report[];
  problems: LoadProblem[];
  /**
   * How many reports were parsed and how many came from the parse cache; `unread` of those were served on their
   * unchanged stamp without reading the file. `crossReport`: whether the cross-report checks ran, or their findings
   * were those a complete pass over the same reports stored (stored-findings.ts), or the checks ran on the bodies
   * that changed since such a pass, the others keeping the findings it stored (`updated`: reused-findings.ts).
   */
  stats?: { parsed: number; cached: number; unread: number; crossReport: 'checked' | 'stored' | 'updated' };
}

/**
 * What the cross-report checks are doing: 'stored', reading the findings the last load stored (if they are not
 * usable, a later event says what runs instead); 'changed', running on the `changedBodies` bodies whose reports
 * changed since then (and hierarchy-sum on all); 'all', running on every report.
 */
export type CheckingStage = { stage: 'stored' } | { stage: 'changed'; changedBodies: number } | { stage: 'all' };

/**
 * What loading a folder reports as it goes: reports and problems as each file is done, progress, and at the
 * end `done` with every report (anomalies from the cross-report checks included). The TUI lists reports as
 * they arrive and replaces its list on `done`; the CLI streams `report` events for --jsonl.
 */
export type LoadEvent =
  | LoadItem
  /** `done` files handled of `total` (null until discovery has finished); `bytes` read so far; `current` file. */
  | { kind: 'progress'; done: number; total: number | null; bytes: number; current: string }
  /** Every file is handled and the cross-report checks run (seconds, on a big folder); repeated between their slices. */
  | ({ kind: 'checking'; reports: number } & CheckingStage)
  | { kind: 'done'; corpus: Corpus };

export type CheckingEvent = Extract<LoadEvent, { kind: 'checking' }>;
