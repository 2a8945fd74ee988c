// The rule engine's entry point: runs every rule of ./registry.ts and attaches the anomalies to the reports.
// Deterministic: rules run in registry order, findings keep the order the rule gives them.
import { findDivision } from '../divisions.js';
import type { Anomaly, Diagnostic, Report } from '../model.js';
import { corpusFacts, type CorpusFacts } from './corpus-facts.js';
import { fingerprint, groupByBody } from './format.js';
import { RULES } from './registry.js';
import { CHECKPOINT, type CorpusContext, type Finding, type ReportRule, type Rule, type RuleContext } from './types.js';
import type { Thresholds } from './thresholds.js';

export { RULES, ruleById } from './registry.js';
export { groupByBody } from './format.js';
export type { Rule, RuleGroup, Finding } from './types.js';
export { DEFAULT_THRESHOLDS, thresholdsKey, type Thresholds } from './thresholds.js';

export interface RunOptions {
  /** Run the rules that compare reports with each other (on the whole loaded folder). */
  crossReport: boolean;
  /**
   * Run the per-report rules (default true). False adds only the cross-report findings to anomalies the reports
   * already carry — a loader that checked each report as it arrived need not check it again. Their division codes are
   * then taken as that pass left them: looking up again the name of a body that is no division cost ~6 µs a report.
   */
  perReport?: boolean;
  /**
   * The facts the cross-report rules need of a report, when the caller holds them apart from its tables (a cached
   * report whose detail is still deflated: load/lazy-report.ts); undefined means "read them from the report".
   */
  storedFacts?: (report: Report) => CorpusFacts | undefined;
  /**
   * Bodies (groupByBody keys) whose findings of the rules that work body by body (`perBody`) the caller already has:
   * those rules skip them. The other cross-report rules still see every report. The caller adds what it had and puts
   * each report's anomalies back in registry order (inRegistryOrder).
   */
  skipBodies?: ReadonlySet<string>;
  /** `groupByBody(reports)`, when the caller has it already (grouping 100,000 reports takes ~20 ms). */
  bodies?: ReadonlyMap<string, readonly Report[]>;
}

/**
 * Reports whose facts the checks keep at a time: enough for a report and its neighbours (a rule asks about each
 * report, its previous year, sometimes a few children). Few on purpose: facts kept any longer outlive V8's young
 * generation and pile up as old garbage. At 100,000 reports, four years per body, warm, three alternating runs each:
 * keeping 256 gave a peak RSS of 937–954 MB, 32 gave 954–973 MB, 8 gave 863–883 MB, in the same time (7.4–9.3 s).
 * (That peak is noisy: four later runs with 8 gave 865–993 MB.)
 */
const RECENT_FACTS = 8;

const REPORT_RULES = RULES.filter((rule): rule is ReportRule => rule.scope === 'report');

/** Sets `anomalies` (and `divisionCode`) of every report. Per-report rules always; cross-report rules when asked. */
export function runChecks(reports: Report[], thresholds: Thresholds, options: RunOptions): void {
  for (const step of checkSteps(reports, thresholds, options)) void step; // to the end, without a pause
}

/** Reports between pauses in the per-report loops (a pause costs more than one report's work). */
const REPORTS_PER_STEP = 64;

/**
 * runChecks in steps: each `yield` is a point where the caller may pause. On a big folder the cross-report pass takes
 * seconds; the loader runs it a slice at a time, so the explorer draws and answers keys meanwhile, and a load that is
 * cancelled stops checking at the next pause.
 */
export function* checkSteps(reports: Report[], thresholds: Thresholds, options: RunOptions): Generator<void> {
  const ctx: RuleContext = { thresholds };
  const perReport = options.perReport !== false;
  // Without the per-report rules, the reports' own pass has set their division codes (found or not).
  for (let i = 0; perReport && i < reports.length; i++) {
    const r = reports[i]!;
    r.anomalies = [];
    // The division dataset is loaded here, on the first check run, never during parsing.
    if (r.divisionCode === null) r.divisionCode = findDivision(r.jurisdictionKey ?? r.jurisdiction)?.code ?? null;
    if (i % REPORTS_PER_STEP === REPORTS_PER_STEP - 1) yield;
  }
  if (!options.crossReport) {
    // Report by report gives each report the same order as the rule-by-rule loop below, with no corpus rules.
    if (perReport) for (const r of reports) addReportAnomalies(r.anomalies, r, ctx);
    return;
  }
  // A report's facts only when a rule asks, kept for the few reports asked about last: the rules walk the folder
  // body by body, asking about each report and its neighbours in turn. Holding every report's facts for the whole
  // pass instead was ~100 MB more at the peak of a 100,000-report load, for a third of the decoding.
  const known = new Map<Report, CorpusFacts>();
  const facts = (r: Report): CorpusFacts => {
    let f = known.get(r);
    if (f === undefined) {
      if (known.size >= RECENT_FACTS) known.delete(known.keys().next().value!);
      known.set(r, (f = options.storedFacts?.(r) ?? corpusFacts(r)));
    }
    return f;
  };
  const bodies = options.bodies ?? groupByBody(reports);
  const corpusCtx: CorpusContext = { ...ctx, facts, bodies };
  const skip = options.skipBodies;
  const changedCtx: CorpusContext = skip && skip.size > 0 ? { ...corpusCtx, bodies: new Map([...bodies].filter(([key]) => !skip.has(key))) } : corpusCtx;
  yield;
  // Rule by rule, so a report's anomalies follow the registry order, cross-report rules in their place.
  for (const rule of RULES) {
    if (rule.scope === 'report') {
      if (!perReport) continue;
      for (let i = 0; i < reports.length; i++) {
        const r = reports[i]!;
        addFindings(r.anomalies, rule, r, checkSafely(rule, r, ctx));
        if (i % REPORTS_PER_STEP === REPORTS_PER_STEP - 1) yield;
      }
    } else {
      // A rule that fails adds nothing: its findings are attached once it has finished. Each is made an anomaly as it
      // comes: a finding holds its messages as trees of string pieces, which kept until the rule ends (seconds, on a
      // big folder) would outlive V8's young generation and pile up as old garbage at the peak of the load.
      const owners: Report[] = [];
      const found: Anomaly[] = [];
      try {
        for (const step of rule.check(reports, rule.perBody ? changedCtx : corpusCtx)) {
          if (step === CHECKPOINT) yield;
          else {
            owners.push(step.report);
            found.push(toAnomaly(rule, step.report, step));
          }
        }
      } catch {
        continue;
      }
      for (let i = 0; i < found.length; i++) {
        owners[i]!.anomalies.push(found[i]!);
        if (i % REPORTS_PER_STEP === REPORTS_PER_STEP - 1) yield;
      }
    }
  }
}

const REGISTRY_POSITION = new Map(RULES.map((rule, i) => [rule.id, i]));

/**
 * Sorts `anomalies[from…]` by their rule's place in the registry, keeping the order of each rule's own (the sort is
 * stable): the order runChecks gives, when some of them were found in another pass.
 */
export function inRegistryOrder(anomalies: Anomaly[], from: number): void {
  if (anomalies.length - from < 2) return;
  const tail = anomalies.slice(from).sort((a, b) => (REGISTRY_POSITION.get(a.id) ?? RULES.length) - (REGISTRY_POSITION.get(b.id) ?? RULES.length));
  for (let i = 0; i < tail.length; i++) anomalies[from + i] = tail[i]!;
}

/** The ids of the cross-report rules that work body by body (`perBody`). */
export const PER_BODY_RULE_IDS: ReadonlySet<string> = new Set(RULES.flatMap((rule) => (rule.scope === 'corpus' && rule.perBody ? [rule.id] : [])));

/** Checks one report alone (per-report rules only), returning its anomalies without touching it. */
export function checkReport(report: Report, thresholds: Thresholds): Anomaly[] {
  // No rule of one report reads `anomalies` or `divisionCode`, so the report itself is checked, not a copy.
  const anomalies: Anomaly[] = [];
  addReportAnomalies(anomalies, report, { thresholds });
  return anomalies;
}

/** Appends the per-report rules' anomalies of one report, in registry order. */
function addReportAnomalies(anomalies: Anomaly[], report: Report, ctx: RuleContext): void {
  for (const rule of REPORT_RULES) addFindings(anomalies, rule, report, checkSafely(rule, report, ctx));
}

function addFindings(anomalies: Anomaly[], rule: Rule, report: Report, findings: readonly Finding[]): void {
  for (let i = 0; i < findings.length; i++) anomalies.push(toAnomaly(rule, report, findings[i]!));
}

/**
 * The string, flattened. A message built from a template literal is a tree of concatenations (a node per piece, ~45
 * a report in a multi-year folder, 14 MB per 10,000 reports); reading a character makes V8 copy it into one flat
 * string and drop the pieces. Anomalies live as long as the loaded folder.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

function toAnomaly(rule: Rule, report: Report, f: Finding): Anomaly {
  const anomaly: Anomaly = {
    id: rule.id,
    severity: rule.severity,
    message: flat(f.message),
    messageZh: flat(f.messageZh),
    cells: f.cells,
    fingerprint: fingerprint(rule.id, report, f.cells, f.text ?? (f.line != null ? String(f.line) : '')),
  };
  if (f.line !== undefined) anomaly.line = f.line;
  if (f.text !== undefined) anomaly.text = flat(f.text);
  if (f.related !== undefined) anomaly.related = f.related;
  return anomaly;
}

// A bug in one rule must not cost the user every other rule's findings: it becomes a diagnostic.
// (Plain functions rather than a closure per rule and report: this runs ~30 times for every report loaded.)
function checkSafely(rule: ReportRule, report: Report, ctx: RuleContext): Finding[] {
  try {
    return rule.check(report, ctx);
  } catch (err) {
    report.diagnostics.push(internalError(rule, err));
    return [];
  }
}

function internalError(rule: Rule, err: unknown): Diagnostic {
  const why = err instanceof Error ? err.message : String(err);
  return { code: 'internal-error', severity: 'error', line: null, message: `check ${rule.id} failed: ${why}`, messageZh: `检查 ${rule.id} 出错：${why}` };
}
