// The search language, a subset of fzf's extended syntax, parsed once per query.
// Terms are separated by spaces and must all match (AND); `a | b` matches either. A term may be
//   wlmq      fuzzy            'exact   substring          ^prefix   starts with
//   suffix$   ends with        =whole   the whole field    !term     must NOT match (with ', ^, $ as above)
// A 4-digit token (2021) or a range (2019..2023) filters the report year instead of matching text.
import * as OpenCC from 'opencc-js/t2cn';

export type TermKind = 'fuzzy' | 'include' | 'prefix' | 'suffix' | 'exact';

export interface Term {
  kind: TermKind;
  /** The text to look for, Simplified and lower-case, without the syntax characters. */
  text: string;
  negate: boolean;
  /** The term as Fuse's extended search reads it (negation removed: negative terms are applied apart). */
  fuse: string;
}

export interface ParsedQuery {
  /** Inclusive year ranges; a report matches when its year is in any of them. Empty: no year filter. */
  years: Array<{ from: number; to: number }>;
  /** Positive terms, as an AND of OR-groups. */
  groups: Term[][];
  /** Negative terms: no searchable field of a matching report may match any of them. */
  exclude: Term[];
}

// Character-level conversion, the same choice as the parser's normalize stage ('tw', not the phrase table).
let toSimplified: ((s: string) => string) | null = null;
export function simplify(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

/** Shorter terms match as substrings: pinyin initials (bj) and one or two characters (乌鲁). */
export const SHORTEST_FUZZY = 4;

const YEAR = /^(1[89]\d\d|20\d\d)$/;
const YEAR_RANGE = /^(1[89]\d\d|20\d\d)\.\.(1[89]\d\d|20\d\d)$/;

export function parseQuery(raw: string): ParsedQuery {
  // Full-width spaces come from Chinese IMEs; full-width ASCII (ｗｌｍｑ, ＇) likewise.
  const text = simplify(toHalfWidth(raw)).toLowerCase();
  const tokens = text.split(/\s+/).filter((t) => t.length > 0);
  const years: ParsedQuery['years'] = [];
  const groups: Term[][] = [];
  const exclude: Term[] = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token === '|') {
      joinNext = groups.length > 0;
      continue;
    }
    const year = YEAR.exec(token);
    const range = YEAR_RANGE.exec(token);
    if (year || range) {
      const from = Number(year ? year[1] : range![1]);
      const to = Number(year ? year[1] : range![2]);
      years.push({ from: Math.min(from, to), to: Math.max(from, to) });
      joinNext = false;
      continue;
    }
    const term = parseTerm(token);
    if (!term) continue;
    if (term.negate) {
      exclude.push(term);
    } else if (joinNext) {
      groups[groups.length - 1]!.push(term);
    } else {
      groups.push([term]);
    }
    joinNext = false;
  }
  return { years, groups, exclude };
}

export function parseTerm(token: string): Term | null {
  let rest = token;
  const negate = rest.startsWith('!');
  if (negate) rest = rest.slice(1);
  let kind: TermKind = negate ? 'include' : 'fuzzy'; // fzf: a negated term is always exact
  if (rest.startsWith("'")) {
    kind = 'include';
    rest = rest.slice(1);
  } else if (rest.startsWith('=')) {
    kind = 'exact';
    rest = rest.slice(1);
  } else if (rest.startsWith('^')) {
    kind = 'prefix';
    rest = rest.slice(1);
  } else if (rest.endsWith('$')) {
    kind = 'suffix';
    rest = rest.slice(0, -1); // a lone `$` leaves nothing: ignored below, like a lone ^ or '
  }
  if (rest.length === 0) return null; // a lone operator while typing: ignore it rather than match nothing
  // Bitap's error budget makes 1-3 letters match almost anything ('zzz' in xjwwezzq); fzf would not either.
  if (kind === 'fuzzy' && [...rest].length < SHORTEST_FUZZY) kind = 'include';
  const fuse = { fuzzy: rest, include: `'${rest}`, prefix: `^${rest}`, suffix: `${rest}$`, exact: `=${rest}` }[kind];
  return { kind, text: rest, negate, fuse };
}

/** Whether one field matches a term exactly as written (used for negative terms). */
export function fieldMatches(field: string, term: Term): boolean {
  switch (term.kind) {
    case 'prefix':
      return field.startsWith(term.text);
    case 'suffix':
      return field.endsWith(term.text);
    case 'exact':
      return field === term.text;
    default:
      return field.includes(term.text);
  }
}

function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
