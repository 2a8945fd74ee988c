// The rule engine's entry point: runs every rule of ./registry.ts and attaches the anomalies to the reports.
// Deterministic: rules run in registry order, findings keep the order the rule gives them.
import { findDivision } from '../divisions.js';
import type { Anomaly, Report } from '../model.js';
import { fingerprint } from './format.js';
import { RULES } from './registry.js';
import type { Finding, Rule, RuleContext } from './types.js';
import type { Thresholds } from './thresholds.js';

export { RULES, ruleById } from './registry.js';
export type { Rule, RuleGroup, Finding } from './types.js';
export { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.js';

export interface RunOptions {
  /** Run the rules that compare reports with each other (on the whole loaded folder). */
  crossReport: boolean;
  /**
   * Run the per-report rules (default true). False adds only the cross-report findings to anomalies the reports
   * already carry — a loader that checked each report as it arrived need not check it again.
   */
  perReport?: boolean;
}

/** Sets `anomalies` (and `divisionCode`) of every report. Per-report rules always; cross-report rules when asked. */
export function runChecks(reports: Report[], thresholds: Thresholds, options: RunOptions): void {
  const ctx: RuleContext = { thresholds };
  const perReport = options.perReport !== false;
  for (const r of reports) {
    if (perReport) r.anomalies = [];
    // The division dataset is loaded here, on the first check run, never during parsing.
    if (r.divisionCode === null) r.divisionCode = findDivision(r.jurisdictionKey ?? r.jurisdiction)?.code ?? null;
  }
  for (const rule of RULES) {
    if (rule.scope === 'report') {
      if (!perReport) continue;
      for (const r of reports) for (const f of safely(rule, r, () => rule.check(r, ctx))) r.anomalies.push(toAnomaly(rule, r, f));
    } else if (options.crossReport) {
      for (const f of safely(rule, null, () => rule.check(reports, ctx))) f.report.anomalies.push(toAnomaly(rule, f.report, f));
    }
  }
}

/** Checks one report alone (per-report rules only), returning its anomalies without touching it. */
export function checkReport(report: Report, thresholds: Thresholds): Anomaly[] {
  const copy: Report = { ...report, anomalies: [] };
  runChecks([copy], thresholds, { crossReport: false });
  return copy.anomalies;
}

function toAnomaly(rule: Rule, report: Report, f: Finding): Anomaly {
  const anomaly: Anomaly = {
    id: rule.id,
    severity: rule.severity,
    message: f.message,
    messageZh: f.messageZh,
    cells: f.cells,
    fingerprint: fingerprint(rule.id, report, f.cells, f.text ?? (f.line != null ? String(f.line) : '')),
  };
  if (f.line !== undefined) anomaly.line = f.line;
  if (f.text !== undefined) anomaly.text = f.text;
  if (f.related !== undefined) anomaly.related = f.related;
  return anomaly;
}

/** A bug in one rule must not cost the user every other rule's findings: it becomes a diagnostic. */
function safely<T>(rule: Rule, report: Report | null, run: () => T[]): T[] {
  try {
    return run();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (report) {
      report.diagnostics.push({ code: 'internal-error', severity: 'error', line: null, message: `check ${rule.id} failed: ${why}`, messageZh: `检查 ${rule.id} 出错：${why}` });
    }
    return [];
  }
}
