// The reports the list shows: all of them, or those matching the query. The index is built once per corpus
// (and only once a query is typed), so typing never rebuilds it.
import { useEffect, useMemo, useState } from 'react';
import type { Report } from '../../parse/model.js';
import { loadSearch, loadedSearch, type SearchModule } from '../search/reportSearch.js';

export function useFilteredReports(reports: Report[], query: string): Report[] {
  const engine = useSearchModule(reports.length > 0 || query !== '');
  const wanted = query !== '' && engine !== null;
  const index = useMemo(() => (wanted ? engine.buildSearchIndex(reports) : null), [engine, reports, wanted]);
  // Until the search module has arrived (a fraction of a second after the first reports) the list stays unfiltered.
  return useMemo(() => (engine && index && query ? engine.search(index, query) : reports), [engine, index, query, reports]);
}

/**
 * The search module, requested once `wanted` (the list has reports, or a query was typed) and that frame is on
 * screen; null until it has loaded. Not with the first frame when it has no reports yet: importing the module
 * takes the one JavaScript thread for tens of milliseconds, and the first reports would wait for it.
 */
function useSearchModule(wanted: boolean): SearchModule | null {
  const [engine, setEngine] = useState<SearchModule | null>(loadedSearch);
  useEffect(() => {
    if (engine || !wanted) return;
    let mounted = true;
    void loadSearch().then((module) => {
      if (mounted) setEngine(module);
    });
    return () => {
      mounted = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);
  return engine;
}
