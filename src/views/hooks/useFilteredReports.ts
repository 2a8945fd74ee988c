// The reports the list shows: all of them, or those matching the query. The index is built once per corpus
// (and only once a query is typed), so typing never rebuilds it.
import { useMemo } from 'react';
import type { Report } from '../../parse/model.js';
import { buildSearchIndex, search } from '../search/reportSearch.js';

export function useFilteredReports(reports: Report[], query: string): Report[] {
  const wanted = query !== '';
  const index = useMemo(() => (wanted ? buildSearchIndex(reports) : null), [reports, wanted]);
  return useMemo(() => (index && query ? search(index, query) : reports), [index, query, reports]);
}
