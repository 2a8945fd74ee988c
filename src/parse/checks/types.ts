// The shape of a rule. Each rule lives in ./rules/<id>.ts and is listed in ./registry.ts.
// A per-report rule returns findings, a corpus rule yields them (with checkpoints between); the engine turns them
// into Anomaly objects (id, severity, fingerprint).
import type { Report, Severity } from '../model.js';
import type { CorpusFacts } from './corpus-facts.js';
import type { Thresholds } from './thresholds.js';

/** Where a rule sits in docs/format.md §9; used to group the generated docs/anomalies.md. */
export type RuleGroup = 'arithmetic' | 'form' | 'time' | 'prose' | 'corpus' | 'signal';

export interface Finding {
  message: string;
  messageZh: string;
  /** Paths into the report's JSON (`applications.newReceived.total`, `publishedAt`, `narrative.applicationsReceived`). */
  cells: string[];
  line?: number | null;
  text?: string;
  related?: string[];
}

export interface RuleContext {
  thresholds: Thresholds;
}

interface RuleBase {
  /** The catalog's id (docs/format.md §9). */
  id: string;
  severity: Severity;
  group: RuleGroup;
  /** One line each. */
  description: string;
  descriptionZh: string;
}

export interface ReportRule extends RuleBase {
  scope: 'report';
  check(report: Report, ctx: RuleContext): Finding[];
}

/** A finding of a corpus rule, attached to one report of the folder. */
export interface CorpusFinding extends Finding {
  report: Report;
}

/** A corpus rule reads tables and sections only through `facts` (corpus-facts.ts), never the report's own fields. */
export interface CorpusContext extends RuleContext {
  facts(report: Report): CorpusFacts;
  /** The reports grouped by body, each group by year (format.ts, groupByBody): made once for all corpus rules. */
  bodies: ReadonlyMap<string, readonly Report[]>;
}

/**
 * Yielded by a corpus rule between units of its work (a body's years, a pair of reports): a point where the engine may
 * pause. On a folder of 100,000 reports a rule works for up to a second; paused every few milliseconds, the explorer
 * still draws and takes keys meanwhile (checks/index.ts, checkSteps; load/session.ts runs it in slices).
 */
export const CHECKPOINT: unique symbol = Symbol('checkpoint');

/** A corpus rule's findings, with checkpoints between them. */
export type CorpusStep = CorpusFinding | typeof CHECKPOINT;

export interface CorpusRule extends RuleBase {
  scope: 'corpus';
  /**
   * True when the rule's findings for a body's reports depend only on that body's group in `ctx.bodies` (and the
   * thresholds): it reads no other group and not `reports`. The loader then reuses the stored findings of a body whose
   * reports have not changed and runs the rule on the changed bodies only (load/reused-findings.ts). A test runs each
   * such rule body by body and on the whole folder and compares.
   */
  perBody?: boolean;
  /** A generator: findings as they are made, and a CHECKPOINT at least once per unit of work. */
  check(reports: readonly Report[], ctx: CorpusContext): Iterable<CorpusStep>;
}

export type Rule = ReportRule | CorpusRule;
