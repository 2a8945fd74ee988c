// Stage 2 — normalize: one line in, one line out, so line numbers stay those of the decoded text.
// `original` keeps what the report says (for display); `lines` is the form every later stage matches on:
// Simplified characters, half-width digits and punctuation, single spaces, no stray spaces inside labels.
import * as OpenCC from 'opencc-js/t2cn';
import { stripControls } from '../sanitize.js';
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
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

const MAY_CONVERT = /[\u3400-\u9fff\uf900-\ufaff\ud800-\udfff]/;

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u3000-\\u303f\\u2018-\\u201d';
// Spaces between two CJK characters (or a bracket and a CJK character) are layout debris: 三、本 年度办 理结果.
// (?= ) first, so the lookbehind is tried only where a space is.
const STRAY_SPACE = new RegExp(`(?= )(?<=[${CJK}${CJK_PUNCT})\\]])[ ]+(?=[${CJK}${CJK_PUNCT}(\\[])`, 'g');

export function normalize(text: string): NormalizedDoc {
  const unmarked = text.replace(/^\uFEFF/, '');
  const stripped = stripControls(unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked);
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
  // Fast path: count the sampled characters that change when converted alone (a per-character table filled
  // lazily), which is what conversion does outside phrases. Only a share near the threshold, where phrase
  // context could tip the balance, pays for converting the sample as the decision is defined.
  const sample = cjkCodes(text, SCRIPT_SAMPLE);
  if (sample.length === 0) return 'simplified';
  const share = countChangingAlone(sample) / sample.length;
  if (share < TRADITIONAL_SHARE / 2) return 'simplified';
  if (share > TRADITIONAL_SHARE * 3) return 'traditional';
  const sampleText = String.fromCharCode(...sample);
  const converted = traditionalToSimplified(sampleText);
  let changed = 0;
  const n = Math.min(sampleText.length, converted.length);
  for (let i = 0; i < n; i++) if (sampleText[i] !== converted[i]) changed++;
  return changed / sampleText.length > TRADITIONAL_SHARE ? 'traditional' : 'simplified';
}

const isCjk = (code: number): boolean => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

/** The first `max` CJK code units of the text (the same characters as the CJK character class matches). */
function cjkCodes(text: string, max: number): number[] {
  const codes: number[] = [];
  for (let i = 0; i < text.length && codes.length < max; i++) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) codes.push(code);
  }
  return codes;
}

// Per CJK code unit: 0 not yet known, 1 unchanged by conversion on its own, 2 changed.
const CHANGES_ALONE = new Uint8Array(0x10000);

function countChangingAlone(codes: readonly number[]): number {
  let changed = 0;
  let unknown: Set<number> | null = null;
  for (const code of codes) {
    const known = CHANGES_ALONE[code];
    if (known === 2) changed++;
    else if (known === 0) (unknown ??= new Set()).add(code);
  }
  if (unknown === null) return changed; // the usual case once a few reports have been read
  // One conversion for every new character; a newline between them keeps phrases from forming.
  const chars = [...unknown].map((code) => String.fromCharCode(code));
  const converted = traditionalToSimplified(chars.join('\n')).split('\n');
  chars.forEach((ch, k) => (CHANGES_ALONE[ch.charCodeAt(0)] = converted.length === chars.length && converted[k] === ch ? 1 : 2));
  changed = 0;
  for (const code of codes) if (CHANGES_ALONE[code] === 2) changed++;
  return changed;
}

