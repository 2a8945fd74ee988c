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
}
