// The selection flags as one predicate over reports; -q ranking is applied by the caller when it has them all.
import type { Report, Severity } from '../parse/model.js';
import type { Selection } from './args.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** Everything but the query: cheap field tests. */
export function fieldFilter(selection: Selection): (report: Report) => boolean {
  return (r) => {
    const { years, levels, formats, hasAnomaly } = selection;
    if (years && (r.year === null || r.year < years.from || r.year > years.to)) return false;
    if (levels && !levels.includes(r.level)) return false;
    if (formats && (r.format === null || !formats.includes(r.format))) return false;
    if (hasAnomaly !== undefined && !hasMatchingAnomaly(r, hasAnomaly)) return false;
    return true;
  };
}

function hasMatchingAnomaly(r: Report, filter: NonNullable<Selection['hasAnomaly']>): boolean {
  if (filter === 'any') return r.anomalies.length > 0;
  if (typeof filter === 'string') return r.anomalies.some((a) => atOrAbove(a.severity, filter));
  return r.anomalies.some((a) => a.id === filter.rule);
}

/** The search module, imported only by runs with -q: its pinyin dictionary costs a quarter second to load. */
export type SearchModule = typeof import('../search/index.js');

/** The whole selection for one report, as used while streaming. */
export function reportFilter(selection: Selection, searchModule: SearchModule | null): (report: Report) => boolean {
  const fields = fieldFilter(selection);
  if (!selection.query || !searchModule) return fields;
  const query = searchModule.parseQuery(selection.query);
  return (r) => fields(r) && searchModule.matchesQuery(r, query);
}
