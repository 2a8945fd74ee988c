// The search the list uses: src/search (fuse.js, pinyin, Traditional, fzf syntax), shared with `xxgk -q`.
// Loaded on demand, not with the explorer: its dictionaries (pinyin, Traditional→Simplified) take longer to load
// than the rest of the explorer's first frame, and nobody has typed a query yet when that frame is drawn.
export type SearchModule = typeof import('../../search/index.js');
export type { SearchIndex } from '../../search/index.js';

let loading: Promise<SearchModule> | null = null;
let loaded: SearchModule | null = null;

/** The search module, imported once; later calls share the same promise. */
export function loadSearch(): Promise<SearchModule> {
  loading ??= import('../../search/index.js').then((module) => (loaded = module));
  return loading;
}

/** The search module if it has already been loaded, so a list mounted later filters from its first frame. */
export const loadedSearch = (): SearchModule | null => loaded;

/** Whether the search module has been asked for (tests: it must wait for the first reports). */
export const searchRequested = (): boolean => loading !== null;
