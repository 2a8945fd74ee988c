// Signals read from the text at parse time (Report.textFlags) for the rules that need more than the model holds.
// Pure: normalized lines in (and the original lines, where normalization would erase the evidence).
import type { TextFlags } from '../model.js';
import { toHalfWidth } from '../stages/normalize.js';

export interface TextInput {
  /** Normalized lines (Simplified, half-width). */
  lines: readonly string[];
  /** The lines as written: normalization removes the spaces that show a missing number ("公开信息  条"). */
  original?: readonly string[];
}

const PLACEHOLDERS: readonly RegExp[] = [
  /[(（]\s*文字描述\s*[)）]/,
  /[(（]\s*(?:数字|数量|具体数字)\s*[)）]/,
  /(?<![A-Za-z])(?:XX|xx|ＸＸ)(?![A-Za-z])/,
  /××|〇〇(?:年|月|日|件|条)|_{3,}/,
];
/** A count word with only spaces where the number should be: "主动公开信息  条", "收到申请 件". */
const MISSING_NUMBER = /(?:公开|收到|受理|办结|答复|发布|申请|信息)[^\d\s，。,；;：:]{0,3}[ \u3000]{2,}(?:条|件|份|个)/;
// The spaces and count word MISSING_NUMBER needs, which half-width conversion leaves as they are: tested on the line
// as written before it is converted (a paragraph indented with 　　 holds two spaces, rarely a gap before 件).
const SPACES_BEFORE_COUNT_WORD = /[ \u3000]{2,}(?:条|件|份|个)/;

const PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|-|—|~)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/;
export const NO_FEE = /未(?:发出|出具|开具|下发|发送)[^。，,；;]{0,8}收费通知|未(?:产生|发生)[^。；;]{0,10}(?:处理费|费用)|没有产生[^。；;]{0,10}(?:处理费|费用)/;

const RATIO_BASE = /(?:共|总计|合计)(?:收到|受理|办理|办结|接收)?[^\d。；;]{0,20}?(\d+)\s*件/;
const RATIO_PART = /(\d+)\s*件[^\d。；;%]{0,8}?占(?:比)?(?:总数|全部)?(?:的)?\s*(\d+(?:\.\d+)?)\s*%/g;

// Each pattern needs a literal that a cheap includes() finds first: most lines hold none, and this runs on every line.
// Placeholders: 文字描述, 数字/数量, XX/xx/ＸＸ, ××/〇〇/___ (see PLACEHOLDERS).
const PLACEHOLDER_HINT = /文字描述|数[字量]|XX|xx|ＸＸ|××|〇〇|___/;

export function computeTextFlags(input: TextInput): TextFlags {
  const flags: TextFlags = { templateLeftovers: [], periodYears: [], noFeeStatement: null, ratios: [] };
  input.lines.forEach((line, i) => {
    const lineNo = i + 1;
    const raw = input.original?.[i] ?? line;
    // MISSING_NUMBER needs two spaces in a row; half-width conversion neither makes nor removes a space.
    const mayMissNumber = (raw.includes('  ') || raw.includes('\u3000')) && SPACES_BEFORE_COUNT_WORD.test(raw);
    if ((PLACEHOLDER_HINT.test(line) && PLACEHOLDERS.some((p) => p.test(line))) || (mayMissNumber && MISSING_NUMBER.test(toHalfWidth(raw)))) {
      flags.templateLeftovers.push({ line: lineNo, text: line.trim() });
    }
    const period = line.includes('31') ? line.match(PERIOD) : null;
    if (period) {
      for (const y of new Set([period[1], period[2]].filter((x): x is string => x !== undefined))) {
        flags.periodYears.push({ year: Number(y), line: lineNo, text: period[0] });
      }
    }
    if (!flags.noFeeStatement && line.includes('费')) {
      const fee = line.match(NO_FEE);
      if (fee) flags.noFeeStatement = { line: lineNo, text: sentenceAround(line, fee.index ?? 0) };
    }
    // A ratio is only recorded with its percent sign.
    if (!line.includes('%')) return;
    for (const sentence of line.split(/[。；;]/)) {
      const base = sentence.match(RATIO_BASE);
      if (!base) continue;
      for (const part of sentence.slice((base.index ?? 0) + base[0].length).matchAll(RATIO_PART)) {
        flags.ratios.push({ line: lineNo, text: sentence.trim(), count: Number(part[1]), base: Number(base[1]), percent: Number(part[2]) });
      }
    }
  });
  return flags;
}

function sentenceAround(line: string, index: number): string {
  const start = Math.max(line.lastIndexOf('。', index) + 1, 0);
  const endAt = line.indexOf('。', index);
  return line.slice(start, endAt === -1 ? line.length : endAt + 1).trim();
}
