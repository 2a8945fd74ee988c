// The search the list uses: src/search (fuse.js, pinyin, Traditional, fzf syntax), shared with `xxgk -q`.
export { buildSearchIndex, search, type SearchIndex } from '../../search/index.js';
