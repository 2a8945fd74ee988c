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
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '\\u3000-\\u303f\\u2018-\\u201d';
// Spaces between two CJK characters (or a bracket and a CJK character) are layout debris: 三、本 年度办 理结果.
const STRAY_SPACE = new RegExp(`(?<=[${CJK}${CJK_PUNCT})\\]])[ ]+(?=[${CJK}${CJK_PUNCT}(\\[])`, 'g');

export function normalize(text: string): NormalizedDoc {
  const original = stripControls(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).split('\n');
  const script = detectScript(text);
  const lines = original.map((line) => normalizeLine(script === 'traditional' ? traditionalToSimplified(line) : line));
  return { original, lines, script };
}

export function normalizeLine(line: string): string {
  return toHalfWidth(line)
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(STRAY_SPACE, '')
    .replace(/[ ]+$/g, '');
}

/** Full-width ASCII forms (０-９, （）, ：, ，…) to their half-width counterparts. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Traditional when a sizeable share of the CJK characters change under conversion. */
export function detectScript(text: string): Script {
  // A few thousand CJK characters decide it as well as the whole text, at a fraction of the cost.
  const sample = cjkSample(text, 3000);
  if (sample.length === 0) return 'simplified';
  const converted = traditionalToSimplified(sample);
  let changed = 0;
  const n = Math.min(sample.length, converted.length);
  for (let i = 0; i < n; i++) if (sample[i] !== converted[i]) changed++;
  return changed / sample.length > 0.03 ? 'traditional' : 'simplified';
}

const CJK_CHAR = new RegExp(`[${CJK}]`, 'g');

function cjkSample(text: string, max: number): string {
  let out = '';
  for (const m of text.matchAll(CJK_CHAR)) {
    out += m[0];
    if (out.length >= max) break;
  }
  return out;
}
