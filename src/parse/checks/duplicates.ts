// Reports that give the same body and year, split by whether their figures agree.
import type { Report } from '../model.js';
import { figureCells } from './rules/bad-cell.js';
import { groupByBody } from './format.js';

export interface DuplicatePair {
  report: Report;
  other: Report;
  /** Paths whose figures differ (empty: same figures). */
  differing: Array<{ path: string; mine: unknown; theirs: unknown }>;
}

function figures(r: Report): Map<string, unknown> {
  return new Map(figureCells(r).map((c) => [c.path, c.value ?? null]));
}

/** Every report that shares body and year with another, paired with each such other. */
export function duplicatePairs(reports: readonly Report[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  for (const list of groupByBody(reports).values()) {
    for (const r of list) {
      for (const o of list) {
        if (o === r || o.year !== r.year) continue;
        const mine = figures(r);
        const theirs = figures(o);
        const paths = new Set([...mine.keys(), ...theirs.keys()]);
        const differing = [...paths]
          .filter((p) => (mine.get(p) ?? null) !== (theirs.get(p) ?? null))
          .map((p) => ({ path: p, mine: mine.get(p) ?? null, theirs: theirs.get(p) ?? null }));
        pairs.push({ report: r, other: o, differing });
      }
    }
  }
  return pairs;
}
