// The selection flags as one predicate over reports; -q ranking is applied by the caller when it has them all.
import type { Report, Severity } from '../parse/model.js';
import { matchesQuery, parseQuery } from '../search/index.js';
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

/** The whole selection for one report, as used while streaming. */
export function reportFilter(selection: Selection): (report: Report) => boolean {
  const fields = fieldFilter(selection);
  const query = selection.query ? parseQuery(selection.query) : null;
  return (r) => fields(r) && (query === null || matchesQuery(r, query));
}
