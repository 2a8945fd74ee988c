// Stage 2 — normalize: one line in, one line out, so line numbers stay those of the decoded text.
// `original` keeps what the report says (for display); `lines` is the form every later stage matches on:
// Simplified characters, half-width digits and punctuation, single spaces, no stray spaces inside labels.
import * as OpenCC from 'opencc-js/t2cn';
import { stripControls } from '../sanitize.js';
import { CHANGING_ALONE } from './changing-alone.js';
import type { Script } from '../model.js';

export interface NormalizedDoc {
  original: string[];
  lines: string[];
  script: Script;
}

// Character-level conversion ('tw', not 'twp'): the phrase table rewrites 查詢 to 查找, which breaks labels.
// 檔案 therefore becomes 档案, which the label matcher accepts as 文件.
let toSimplified: ((s: string) => string) | null = null;
function traditionalToSimplified(text: string): string {
  // Every character opencc's tw→cn dictionaries look up is a CJK ideograph (BMP or astral, the latter as surrogates):
  // text without any comes back unchanged, so figure rows are not run through the converter.
  // test/parse/determinism.test.ts checks that against the dictionaries.
  if (!MAY_CONVERT.test(text)) return text;
  const convert = (toSimplified ??= twToCn());
  return convert(text);
}

/** opencc's Trie as its code has it: a Map per node from code point to child, the replacement on `trie_val`. */
interface OpenccTrie {
  map: Map<number, unknown>;
  loadDictGroup(group: readonly unknown[]): void;
  matchPrefix(text: string, offset: number): { end: number; value: string } | null;
}
interface Pass {
  trie: OpenccTrie;
  /** Per UTF-16 code unit: 1 when some key starts with it (for an astral key, with its high surrogate). */
  starts: Uint8Array;
}
interface Tw2sConfig {
  normalizationChain: ReadonlyArray<readonly unknown[]>;
  segmentation: unknown;
  conversionChain: ReadonlyArray<readonly unknown[]>;
}

/**
 * opencc-js's tw→cn converter. Its own function walks each dictionary's trie from every position of the text; here
 * the same tries (built by opencc from its own dictionaries) and the same steps (normalize, segment into phrases,
 * convert each phrase through each dictionary group) skip at once the positions where no key starts, about twice
 * as fast. Checked against opencc's converter on a probe when built, and falls back to it on any difference or on a
 * version whose configuration looks different; test/parse/normalize-convert.test.ts compares both on every fixture.
 */
function twToCn(): (s: string) => string {
  const library = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const fast = fastTwToCn();
  if (fast === null) return library;
  const probe = '臺灣髮型師乾隆年間於後臺發現一隻乾燥的鬆餅，著實瞭解資訊公開申請處理費與覆核；𠁾𡘙 裏';
  if (fast(probe) !== library(probe)) return library;
  // Ideographic description sequences (U+2FF0-2FFF) make opencc skip whole sequences: left to opencc itself.
  return (s) => (IDS.test(s) ? library(s) : fast(s));
}

const IDS = /[\u2ff0-\u2fff]/;

export function fastTwToCn(): ((s: string) => string) | null {
  const config = (OpenCC.Locale as unknown as { configs?: Record<string, Tw2sConfig | undefined> }).configs?.tw2s;
  const Trie = (OpenCC as unknown as { Trie?: new () => OpenccTrie }).Trie;
  if (!config || !Trie || !Array.isArray(config.normalizationChain) || !Array.isArray(config.conversionChain)) return null;
  // Each chain step a group of dictionaries in opencc's text form, as this version ships them; anything else is
  // left to opencc.
  const isDictText = (d: unknown): boolean => typeof d === 'string';
  const groups = [...config.normalizationChain, ...config.conversionChain];
  if (!groups.every((g) => Array.isArray(g) && g.every(isDictText))) return null;
  // The segmentation dictionary: one (the ESM build) or a group of one (the UMD build), loaded as opencc loads it.
  const segmentationGroup = Array.isArray(config.segmentation) ? config.segmentation : [config.segmentation];
  if (!segmentationGroup.every(isDictText)) return null;
  const pass = (group: readonly unknown[]): Pass => {
    const trie = new Trie();
    trie.loadDictGroup(group);
    const starts = new Uint8Array(0x10000);
    for (const code of trie.map.keys()) starts[code > 0xffff ? 0xd800 + ((code - 0x10000) >> 10) : code] = 1;
    return { trie, starts };
  };
  const normalization = config.normalizationChain.map(pass);
  const segmentation = pass(segmentationGroup);
  const conversion = config.conversionChain.map(pass);
  return (text) => {
    let s = text;
    for (const p of normalization) s = convertWith(p, s);
    let phrases = segmentWith(segmentation, s);
    for (const p of conversion) phrases = phrases.map((phrase) => convertWith(p, phrase));
    return phrases.join('');
  };
}

/** Code units of the character at i: 2 for a surrogate pair, as opencc steps by code point. */
function widthAt(s: string, i: number, code: number): number {
  return code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** opencc's Trie.convert: the longest key at each position is replaced; elsewhere one character is kept. */
function convertWith({ trie, starts }: Pass, s: string): string {
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    if (starts[code] === 1) {
      const m = trie.matchPrefix(s, i);
      if (m !== null) {
        out += s.slice(kept, i) + m.value;
        i = kept = m.end;
        continue;
      }
    }
    i += widthAt(s, i, code);
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** opencc's Trie.segment: each longest key is a phrase of its own, the text between them one piece. */
function segmentWith({ trie, starts }: Pass, s: string): string[] {
  const pieces: string[] = [];
  let run = -1;
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    const m = starts[code] === 1 ? trie.matchPrefix(s, i) : null;
    if (m !== null) {
      if (run !== -1) pieces.push(s.slice(run, i));
      run = -1;
      pieces.push(s.slice(i, m.end));
      i = m.end;
    } else {
      if (run === -1) run = i;
      i += widthAt(s, i, code);
    }
  }
  if (run !== -1) pieces.push(s.slice(run));
  return pieces;
}

const MAY_CONVERT = /[\u3400-\u9fff\uf900-\ufaff\ud800-\udfff]/;

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u3000-\\u303f\\u2018-\\u201d';
// Spaces between two CJK characters (or a bracket and a CJK character) are layout debris: 三、本 年度办 理结果.
// (?= ) first, so the lookbehind is tried only where a space is.
const STRAY_SPACE = new RegExp(`(?= )(?<=[${CJK}${CJK_PUNCT})\\]])[ ]+(?=[${CJK}${CJK_PUNCT}(\\[])`, 'g');

export function normalize(text: string): NormalizedDoc {
  const unmarked = text.replace(/^\uFEFF/, '');
  const unixLines = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const stripped = stripControls(unixLines);
  const original = stripped.split('\n');
  const script = detectScript(text);
  const traditional = script === 'traditional';
  // Asked once of the whole text rather than of every line. Converted lines are asked line by line, as before.
  const fullWidth = traditional || FULL_WIDTH.test(stripped);
  const oddSpace = traditional || ODD_SPACE.test(stripped);
  const lines = original.map((line) => normalizeLineWith(traditional ? traditionalToSimplified(line) : line, fullWidth, oddSpace));
  return { original, lines, script };
}


// Each replacement runs only on lines that hold what it replaces: this runs on every line of every report.
const ODD_SPACE = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const ODD_SPACES = new RegExp(ODD_SPACE.source, 'g');
const FULL_WIDTH = /[\uff01-\uff5e]/;
const FULL_WIDTH_RUNS = /[\uff01-\uff5e]+/g;

export function normalizeLine(line: string): string {
  return normalizeLineWith(line, true, true);
}

/** normalizeLine, told whether the text holds any full-width form or odd space at all. */
function normalizeLineWith(line: string, fullWidth: boolean, oddSpace: boolean): string {
  let s = fullWidth ? toHalfWidth(line) : line;
  if (oddSpace && ODD_SPACE.test(s)) s = s.replace(ODD_SPACES, ' ');
  // The three space rules below change nothing on a line without a space.
  if (!s.includes(' ')) return s;
  if (s.includes('  ')) s = s.replace(/ {2,}/g, ' ');
  return withoutTrailingSpaces(s.replace(STRAY_SPACE, ''));
}

function withoutTrailingSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Full-width ASCII forms (０-９, （）, ：, ，…) to their half-width counterparts. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  // Runs of full-width characters, one callback per run: a report typed in full-width has thousands of them.
  return s.replace(FULL_WIDTH_RUNS, (run) => {
    let half = '';
    for (let i = 0; i < run.length; i++) half += String.fromCharCode(run.charCodeAt(i) - 0xfee0);
    return half;
  });
}

const SCRIPT_SAMPLE = 3000;
const TRADITIONAL_SHARE = 0.03;

/** Traditional when a sizeable share of the CJK characters change under conversion. */
export function detectScript(text: string): Script {
  // A few thousand CJK characters decide it as well as the whole text, at a fraction of the cost.
  // Fast path: count the sampled characters that change when converted alone (the generated table), which is what
  // conversion does outside phrases. Only a share near the threshold, where phrase context could tip the balance,
  // pays for converting the sample as the decision is defined.
  let size = 0;
  let changing = 0;
  for (let i = 0; i < text.length && size < SCRIPT_SAMPLE; i++) {
    const known = CHANGES_ALONE[text.charCodeAt(i)];
    if (known === 0) continue; // not CJK
    size++;
    if (known === 2) changing++;
  }
  if (size === 0) return 'simplified';
  const share = changing / size;
  if (share < TRADITIONAL_SHARE / 2) return 'simplified';
  if (share > TRADITIONAL_SHARE * 3) return 'traditional';
  const sampleText = String.fromCharCode(...cjkCodes(text, SCRIPT_SAMPLE));
  const converted = traditionalToSimplified(sampleText);
  let changed = 0;
  const n = Math.min(sampleText.length, converted.length);
  for (let i = 0; i < n; i++) if (sampleText[i] !== converted[i]) changed++;
  return changed / sampleText.length > TRADITIONAL_SHARE ? 'traditional' : 'simplified';
}

const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x9fff],
  [0xf900, 0xfaff],
];
const isCjk = (code: number): boolean => CHANGES_ALONE[code] !== 0;

/** The first `max` CJK code units of the text (the same characters as the CJK character class matches). */
function cjkCodes(text: string, max: number): number[] {
  const codes: number[] = [];
  for (let i = 0; i < text.length && codes.length < max; i++) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) codes.push(code);
  }
  return codes;
}

// Per code unit: 0 not CJK, 1 CJK and unchanged by conversion on its own, 2 changed. Filled at start from the
// generated list (changing-alone.ts), so a Simplified report decides its script without building opencc's
// dictionaries — the largest cost of the first report a process parses.
const CHANGES_ALONE = new Uint8Array(0x10000);
for (const [from, to] of CJK_RANGES) CHANGES_ALONE.fill(1, from, to + 1);
for (let i = 0; i < CHANGING_ALONE.length; i++) CHANGES_ALONE[CHANGING_ALONE.charCodeAt(i)] = 2;

/** The CJK code units (as one string) that opencc's tw→cn changes when converted on their own. */
export function changingAloneByConverter(): string {
  const chars: string[] = [];
  for (const [from, to] of CJK_RANGES) for (let code = from; code <= to; code++) chars.push(String.fromCharCode(code));
  // One conversion for all; a newline between them keeps phrases from forming.
  const converted = traditionalToSimplified(chars.join('\n')).split('\n');
  if (converted.length !== chars.length) throw new Error('conversion changed the number of lines');
  return chars.filter((ch, k) => converted[k] !== ch).join('');
}


