// Search over loaded reports by body name and year, shared by `xxgk -q` and the TUI's search box.
// Matches the Simplified name whatever script the query is typed in, full pinyin (wulumuqi) and pinyin
// initials (wlmq), with fzf's extended syntax (see ./query.ts). Built once per corpus; each search is pure.
import Fuse, { type Expression, type IFuseOptions } from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import type { Report } from '../parse/model.js';
import { fieldMatches, parseQuery, type ParsedQuery, type Term } from './query.js';

export { parseQuery, type ParsedQuery } from './query.js';

/** The searchable text of one report. All lower-case and Simplified. */
export interface SearchDoc {
  name: string;
  key: string;
  pinyin: string;
  initials: string;
  file: string;
}

const KEYS = ['name', 'key', 'pinyin', 'initials', 'file'] as const satisfies ReadonlyArray<keyof SearchDoc>;

export interface SearchIndex {
  readonly reports: readonly Report[];
  readonly docs: readonly SearchDoc[];
  readonly fuse: Fuse<SearchDoc>;
}

// Fuzzy enough for a missed or swapped letter in a pinyin word, strict enough that 4 initials do not match
// every name. ignoreLocation: the body name may sit anywhere in the field (新疆…乌鲁木齐市…).
const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [...KEYS],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.34,
  useExtendedSearch: true,
};

export function buildSearchIndex(reports: readonly Report[]): SearchIndex {
  const docs = reports.map(searchDoc);
  return { reports, docs, fuse: new Fuse(docs, FUSE_OPTIONS) };
}

/** Reports matching the query, best first; an empty query (or only a year) keeps the original order. */
export function search(index: SearchIndex, query: string): Report[] {
  return searchQuery(index, parseQuery(query));
}

export function searchQuery(index: SearchIndex, query: ParsedQuery): Report[] {
  const keep = (i: number) => yearMatches(index.reports[i]!.year, query) && !excluded(index.docs[i]!, query.exclude);
  if (query.groups.length === 0) return index.reports.filter((_, i) => keep(i));
  const expression: Expression = {
    $and: query.groups.map((group) => ({ $or: group.flatMap((term) => KEYS.map((key) => ({ [key]: term.fuse }))) })),
  };
  return index.fuse
    .search(expression)
    .filter((result) => keep(result.refIndex))
    .map((result) => index.reports[result.refIndex]!);
}

/** One report against a query, for streamed output where no index of the whole corpus exists yet. */
export function matchesQuery(report: Report, query: ParsedQuery): boolean {
  return searchQuery(buildSearchIndex([report]), query).length === 1;
}

function yearMatches(year: number | null, query: ParsedQuery): boolean {
  if (query.years.length === 0) return true;
  return year !== null && query.years.some((r) => year >= r.from && year <= r.to);
}

function excluded(doc: SearchDoc, exclude: readonly Term[]): boolean {
  return exclude.some((term) => KEYS.some((key) => doc[key].length > 0 && fieldMatches(doc[key], term)));
}

export function searchDoc(report: Report): SearchDoc {
  const name = (report.jurisdiction ?? report.title ?? '').toLowerCase();
  const { full, initials } = pinyinOf(name);
  return { name, key: (report.jurisdictionKey ?? '').toLowerCase(), pinyin: full, initials, file: report.file.toLowerCase() };
}

// A folder holds many years of the same bodies: the pinyin of each name is computed once.
const pinyinCache = new Map<string, { full: string; initials: string }>();

export function pinyinOf(text: string): { full: string; initials: string } {
  const cached = pinyinCache.get(text);
  if (cached) return cached;
  const han = text.replace(/[^\u3400-\u9fff]/g, '');
  const result =
    han.length === 0
      ? { full: '', initials: '' }
      : {
          full: pinyin(han, { toneType: 'none', type: 'array', v: true }).join(''),
          initials: pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
        };
  if (pinyinCache.size > 50_000) pinyinCache.clear();
  pinyinCache.set(text, result);
  return result;
}
