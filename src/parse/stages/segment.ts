// Stage 3 — segment: find the six statutory sections (一、总体情况 … 六、其他需要报告的事项) or legacy headings.
// A heading is recognised by its title; the ordinal is recorded as written, so a section under the wrong
// ordinal or a restarted numbering stays visible to the section-misnumbered check.
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic, Section, SectionKey } from '../model.js';
import type { NormalizedDoc } from './normalize.js';

export interface Segmented {
  sections: Section[];
  diagnostics: Diagnostic[];
}

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/**
 * A number written in Chinese numerals (十二, 两, 一百零五, 三万二千) or Arabic digits; null when it is neither.
 * Digit strings without units (二〇二五) read digit by digit.
 */
export function parseChineseNumeral(text: string): number | null {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '' || ![...s].every((ch) => ch in DIGIT || ch in UNIT || ch === '万' || ch === '亿')) return null;
  if (![...s].some((ch) => ch in UNIT || ch === '万' || ch === '亿')) {
    return Number([...s].map((ch) => DIGIT[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch]!;
    } else if (ch in UNIT) {
      section += (digit ?? 1) * UNIT[ch]!;
      digit = null;
    } else {
      const big = ch === '万' ? 10_000 : 100_000_000;
      total = (total + section + (digit ?? 0)) * big;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

// Titles of the six statutory sections and the pre-2019 headings that clearly correspond to one.
// Tested on the heading's title with spaces removed, in this order (复议/诉讼 before 申请: 四's title has no 申请).
const SECTION_TITLES: ReadonlyArray<[SectionKey, RegExp]> = [
  ['overview', /^(?:总体情况|基本情况|总体概况|概述|概况|工作概述|总体工作情况|整体情况|工作概况)/],
  ['reviews', /^.{0,12}?(?:行政复议|行政诉讼)/],
  ['applications', /^(?:收到和?处理|受理和?处理)?.{0,6}?(?:依申请公开|政府信息公开申请|公开申请)/],
  ['active', /^(?:主动公开)/],
  // 五、政府信息公开工作存在的主要问题及改进情况: the subject may be named before the title.
  ['problems', /^(?:政府信息公开|政务公开)?(?:工作)?.{0,6}?(?:存在的?(?:主要)?问题|主要问题|问题(?:及|和|与)(?:改进|整改)|改进(?:措施|情况)|下一步(?:工作|打算|计划))/],
  ['other', /^(?:其他|其它)(?:需要|需)?(?:报告|说明)?的?事项/],
];

// Without an ordinal a line is a heading only when it is a whole statutory title: a table header such as
// 行政复议 on its own line must not open a section.
const BARE_TITLES: readonly string[] = [
  '总体情况',
  '基本情况',
  '概述',
  '主动公开政府信息(?:情况)?',
  '收到和处理政府信息公开申请(?:情况)?',
  '政府信息公开行政复议[、和及]?行政诉讼(?:情况)?',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
];
const BARE_TITLE = new RegExp(`^(?:${BARE_TITLES.join('|')})$`);
// The characters the bare titles start with: a line without an ordinal that starts otherwise is no heading,
// whatever follows, and most lines of a report (figures, labels, prose) are such. Only sound while every title
// starts with a literal character (not a group or class): otherwise null, and every line is read.
const BARE_TITLE_START: ReadonlySet<string> | null = BARE_TITLES.every((t) => /^[\u3400-\u9fff]/.test(t))
  ? new Set(BARE_TITLES.map((t) => t[0]!))
  : null;

// Row labels of table 3 that are numbered like headings (一、本年新收… 二、上年结转… 三、本年度办理结果 四、结转下年度…).
const TABLE_ROW_LABEL = /^(?:本年新收|本年度新收|上年结转|上年度结转|本年度办理结果|本年办理结果|结转下年度|结转下一年度)/;

// 一、 一. 一． 第一部分 — an ordinal then the title. Arabic ordinals (1. 1、) are accepted only for statutory titles.
const CHINESE_ORDINAL = /^(?:第)?([一二三四五六七八九十]{1,3})(?:部分)?\s*(?:([、.．:]|\s)\s*|(?=[\u4e00-\u9fff]))/;
const ARABIC_ORDINAL = /^(\d{1,2})\s*[、．]\s*|^(\d{1,2})\.\s*(?=[\u4e00-\u9fff])/;

// Sentence punctuation: a line holding it is prose, unless the heading title ends before it.
const SENTENCE_BREAK = /[。;:,，：；]/;
const MAX_TITLE_LENGTH = 30;

interface Heading {
  key: SectionKey | 'legacy';
  ordinal: number | null;
  title: string;
  /** Text after the title on the same line (一、总体情况。2023年…), body of the section. */
  rest: string;
}

function classifyTitle(title: string): SectionKey | null {
  const compact = title.replace(/\s+/g, '');
  for (const [key, pattern] of SECTION_TITLES) if (pattern.test(compact)) return key;
  return null;
}

/** Splits `一、总体情况。正文…` into title and rest; the title is what comes before sentence punctuation. */
function splitTitle(text: string): { title: string; rest: string } {
  const cut = text.search(SENTENCE_BREAK);
  if (cut < 0) return { title: text.trim(), rest: '' };
  return { title: text.slice(0, cut).trim(), rest: text.slice(cut + 1).trim() };
}

/**
 * Reads one normalized line as a heading, or null. `expectNext` is the ordinal that would continue the current
 * numbering: an unrecognised title is taken as a (legacy) heading only when its ordinal continues the sequence,
 * so a numbered list inside a section (一、加强培训 under 五) does not cut the section short.
 */
function readHeading(line: string, expectNext: number): Heading | null {
  const text = stripHeadingMarkup(line);
  if (text === '' || /[\t|]/.test(text)) return null; // table rows and cells
  let ordinal: number | null = null;
  let titleText = text;
  let arabic = false;
  const chinese = CHINESE_ORDINAL.exec(text);
  const digits = chinese ? null : ARABIC_ORDINAL.exec(text);
  if (chinese) {
    ordinal = parseChineseNumeral(chinese[1]!);
    titleText = text.slice(chinese[0].length);
    // 一总体情况 (separator lost in conversion) is a heading; 二是…, 一年来… are prose: only a statutory title may follow.
    if (chinese[2] === undefined && classifyTitle(titleText) === null) return null;
  } else if (digits) {
    ordinal = Number(digits[1] ?? digits[2]);
    titleText = text.slice(digits[0].length);
    arabic = true;
  }
  if (ordinal === null && BARE_TITLE_START !== null && !BARE_TITLE_START.has(text[0]!)) return null;
  const { title, rest } = splitTitle(titleText);
  if (title === '' || title.length > MAX_TITLE_LENGTH) return null;
  // Most lines have no ordinal: the cheap conditions of that case (below) first, before the title is classified.
  if (ordinal === null && (rest !== '' || !BARE_TITLE.test(title.replace(/\s+/g, '')))) return null;
  if (TABLE_ROW_LABEL.test(title.replace(/\s+/g, ''))) return null;
  const key = classifyTitle(title);
  if (ordinal === null) {
    // Without an ordinal only a bare statutory title on its own line counts (总体情况), never a sentence.
    if (key === null || rest !== '' || !BARE_TITLE.test(title.replace(/\s+/g, ''))) return null;
    return { key, ordinal, title, rest };
  }
  if (key !== null) {
    // A statutory title with body text after it on the same line is a heading only if the title is short.
    if (rest !== '' && title.length > 20) return null;
    return { key, ordinal, title, rest };
  }
  if (arabic || rest !== '' || ordinal !== expectNext) return null;
  if (!/(?:情况|工作|事项|概述|概况|措施|问题|建议|计划|打算|费用?|减免|说明|公开)$/.test(title)) return null;
  return { key: 'legacy', ordinal, title, rest };
}

/**
 * A line without the Markdown a converter wraps headings in (`## 一、总体情况`, `**一、总体情况**`), so a report
 * saved as Markdown reads like any other.
 */
export function stripHeadingMarkup(line: string): string {
  const trimmed = line.trim();
  // Most lines start with neither # nor ** nor __: nothing to strip (this runs on every line, in three stages).
  const first = trimmed.charCodeAt(0);
  if (first !== 0x23 && first !== 0x2a && first !== 0x5f) return trimmed;
  return trimmed
    .replace(/^#{1,6}\s*/, '')
    .replace(/^(\*\*|__)(.+)\1$/, '$2')
    .trim();
}

/** Characters of text with all whitespace removed. */
function visibleLength(text: string): number {
  // Counted, not replaced: this runs on every line. isJsWhitespace is exactly what \s matches.
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isJsWhitespace(text.charCodeAt(i))) n++;
  return n;
}

function isJsWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

export function segment(doc: NormalizedDoc): Segmented {
  const found: Array<{ heading: Heading; index: number }> = [];
  let lastOrdinal = 0;
  doc.lines.forEach((line, index) => {
    const heading = readHeading(line, lastOrdinal + 1);
    if (!heading) return;
    found.push({ heading, index });
    if (heading.ordinal !== null) lastOrdinal = heading.ordinal;
  });

  const sections: Section[] = found.map(({ heading, index }, i) => {
    const endIndex = i + 1 < found.length ? found[i + 1]!.index - 1 : doc.lines.length - 1;
    const bodyOriginal = doc.original.slice(index + 1, endIndex + 1);
    const restOriginal = heading.rest === '' ? '' : originalRest(doc.original[index] ?? '', heading.rest);
    const firstBody = restOriginal !== '' ? restOriginal : (bodyOriginal.find((l) => l.trim() !== '') ?? '');
    return {
      key: heading.key,
      ordinal: heading.ordinal,
      title: heading.title,
      line: index + 1,
      endLine: trimTrailingBlank(doc.lines, index, endIndex) + 1,
      firstLine: firstBody.trim(),
      length: visibleLength(restOriginal) + bodyOriginal.reduce((sum, l) => sum + visibleLength(l), 0),
    };
  });

  return { sections, diagnostics: sectionDiagnostics(sections) };
}

/** The part of the original line that corresponds to the normalized rest (same tail length, ignoring spaces). */
function originalRest(original: string, restNormalized: string): string {
  const wanted = visibleLength(restNormalized);
  let taken = 0;
  let i = original.length;
  while (i > 0 && taken < wanted) {
    i--;
    if (!/\s/.test(original[i]!)) taken++;
  }
  return original.slice(i).trim();
}

/** Last non-blank line index of a section, so endLine does not run into blank lines before the next heading. */
function trimTrailingBlank(lines: readonly string[], start: number, end: number): number {
  let last = end;
  while (last > start && (lines[last] ?? '').trim() === '') last--;
  return last;
}

function sectionDiagnostics(sections: readonly Section[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (sections.length === 0) {
    diagnostics.push(
      diagnostic('no-sections', 'info', null, 'no section headings were recognised', '未识别到章节标题'),
    );
    return diagnostics;
  }
  const seen = new Map<string, Section>();
  for (const section of sections) {
    if (section.key === 'legacy') continue;
    const earlier = seen.get(section.key);
    if (earlier) {
      diagnostics.push(
        diagnostic(
          'section-duplicate',
          'info',
          section.line,
          `heading "${section.title}" repeats the section of line ${earlier.line}`,
          `标题“${section.title}”与第${earlier.line}行的章节重复`,
        ),
      );
    } else {
      seen.set(section.key, section);
    }
  }
  return diagnostics;
}
