import { ruleById } from '../../../src/parse/checks/registry.js';
import type { CorpusFinding, Finding } from '../../../src/parse/checks/types.js';
import type { Report } from '../../../src/parse/model.js';
import { thresholds } from './factory.js';
import type { Thresholds } from '../../../src/parse/checks/thresholds.js';

/** Findings of one per-report rule. */
export function run(id: string, report: Report, t: Thresholds = thresholds): Finding[] {
  const rule = ruleById(id);
  if (!rule || rule.scope !== 'report') throw new Error(`no per-report rule ${id}`);
  return rule.check(report, { thresholds: t });
}

/** Findings of one corpus rule. */
export function runCorpus(id: string, reports: Report[], t: Thresholds = thresholds): CorpusFinding[] {
  const rule = ruleById(id);
  if (!rule || rule.scope !== 'corpus') throw new Error(`no corpus rule ${id}`);
  return rule.check(reports, { thresholds: t });
}
