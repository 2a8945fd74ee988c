import { corpusFacts, decodeCorpusFacts, encodeCorpusFacts } from '../../../src/parse/checks/corpus-facts.js';
import { groupByBody } from '../../../src/parse/checks/format.js';
import { ruleById } from '../../../src/parse/checks/registry.js';
import { CHECKPOINT, type CorpusFinding, type CorpusStep, type Finding } from '../../../src/parse/checks/types.js';
import type { Report } from '../../../src/parse/model.js';
import { thresholds } from './factory.js';
import type { Thresholds } from '../../../src/parse/checks/thresholds.js';

/** Findings of one per-report rule. */
export function run(id: string, report: Report, t: Thresholds = thresholds): Finding[] {
  const rule = ruleById(id);
  if (!rule || rule.scope !== 'report') throw new Error(`no per-report rule ${id}`);
  return rule.check(report, { thresholds: t });
}

/**
 * Findings of one corpus rule, which must be the same whether it reads each report's facts from the report or from
 * their stored form (a cached report's): a fact lost in encoding would change what a warm load finds. A rule that
 * says it works body by body (`perBody`) must also find the same run on each body alone: the loader reuses a body's
 * stored findings on that promise (load/reused-findings.ts).
 */
export function runCorpus(id: string, reports: Report[], t: Thresholds = thresholds): CorpusFinding[] {
  const rule = ruleById(id);
  if (!rule || rule.scope !== 'corpus') throw new Error(`no corpus rule ${id}`);
  const bodies = groupByBody(reports);
  const direct = findingsOf(rule.check(reports, { thresholds: t, facts: corpusFacts, bodies }));
  const stored = findingsOf(rule.check(reports, { thresholds: t, facts: (r) => decodeCorpusFacts(encodeCorpusFacts(corpusFacts(r))), bodies }));
  if (JSON.stringify(stored) !== JSON.stringify(direct)) throw new Error(`${id} finds otherwise from stored facts`);
  if (rule.perBody) {
    const bodyByBody = [...bodies].flatMap(([key, list]) => findingsOf(rule.check(list, { thresholds: t, facts: corpusFacts, bodies: new Map([[key, list]]) })));
    if (JSON.stringify(bodyByBody) !== JSON.stringify(direct)) throw new Error(`${id} finds otherwise body by body`);
  }
  return direct;
}

/** A corpus rule's findings, without its checkpoints. */
export function findingsOf(steps: Iterable<CorpusStep>): CorpusFinding[] {
  return [...steps].filter((step): step is CorpusFinding => step !== CHECKPOINT);
}
