// The rule engine's entry point. TODO(checks helper): registry of rules, per-report and cross-report.
import type { Report } from '../model.js';
import type { Thresholds } from './thresholds.js';

export interface RunOptions {
  /** Run the rules that compare reports with each other (on the whole loaded folder). */
  crossReport: boolean;
}

/** Sets `anomalies` (and `divisionCode`) of every report. Per-report rules always; cross-report rules when asked. */
export function runChecks(reports: Report[], _thresholds: Thresholds, _options: RunOptions): void {
  for (const r of reports) r.anomalies = [];
}
