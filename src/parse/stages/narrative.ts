// Stage 5 — narrative: figures stated in sentences (format.md §6), each with the sentence it came from,
// and for legacy reports the local statistics (`legacy.*`).
// Matching runs on the normalized (Simplified, half-width) sentence with spaces removed, so 申请 4 件 and
// 申請４件 read alike; the sentence kept with the figure is the original text.
import type { Diagnostic, NarrativeFigure, NarrativeId, NarrativeMention, Report, Section } from '../model.js';
import type { NormalizedDoc } from './normalize.js';
import { parseChineseNumeral } from './segment.js';

export interface Narrative {
  narrative: Partial<Record<NarrativeId, NarrativeFigure>>;
  mentions: NarrativeMention[];
  legacy: Report['legacy'];
  diagnostics: Diagnostic[];
}

// A count: Arabic (with thousands separators) or Chinese numerals (一件, 两件, 十二件).
// Every repetition is bounded: an unbounded \d+ tried at each digit of a long run of digits (a flattened table,
// a 1 MB line) backtracks over the whole run each time, which is quadratic. No count in a report has more digits.
const NUM = '(\\d{1,3}(?:,\\d{3}){1,4}|\\d{1,12}|[零〇一二两三四五六七八九十百千万]{1,12})';
const UNIT = '(?:件|条|个|份|宗|起|次|例)';

/** The count a NUM capture holds, or null. */
function count(text: string): number | null {
  const n = parseChineseNumeral(text.replace(/,/g, ''));
  return n !== null && Number.isFinite(n) ? n : null;
}

interface Rule {
  id: NarrativeId;
  pattern: RegExp;
  /** The value from the match; null skips it. Defaults to the count in group 1. */
  value?: (m: RegExpExecArray) => number | boolean | null;
  /** Only in sentences about disclosure applications (办结1000件 of a hotline is not ours). */
  needsApplication?: boolean;
  /**
   * Words one of which every match holds (lookarounds included: they read the same sentence). A sentence holding
   * none is not tried: most sentences hold the words of few rules. Keep in step with the pattern.
   */
  needs: readonly string[];
}

const NEGATION = '(?:未|没有|无|不曾|均未|并未)';

const RULES: Rule[] = [
  {
    id: 'applicationsReceived',
    pattern: new RegExp(
      `(?:收到|受理|接收|接到)(?:了)?(?:[^,;。]{0,25}?)(?:申请|申请公开|公开申请)(?:[^,;。\\d]{0,8}?(?:事项|案件))?(?:共计|共|总计|合计|总数为?)?(?:为|达)?${NUM}${UNIT}`,
      'g',
    ),
    needs: ['申请'],
  },
  // 全年未收到政府信息公开申请 / 没有收到…申请: none; not 未收到…行政复议申请.
  {
    id: 'applicationsReceived',
    pattern: new RegExp(`${NEGATION}(?:收到|受理|接到)(?:和处理)?[^,;。复诉\\d]{0,20}?申请(?!人|[^,;。]{0,4}?(?:复议|诉讼))`, 'g'),
    value: () => 0,
    needs: ['申请'],
  },
  // 共收到10件依申请公开请求 / 收到8份政府信息公开申请: the count before the object.
  {
    id: 'applicationsReceived',
    pattern: new RegExp(`(?:收到|受理|接收|接到)(?:了)?(?:共计|共)?${NUM}(?:件|份|个)(?=[^,;。\\d]{0,10}?申请)`, 'g'),
    needs: ['申请'],
  },
  // 新收到依申请公开政府信息0件: the object may end in 政府信息 rather than 申请.
  { id: 'applicationsNew', pattern: new RegExp(`新收(?:到)?(?:[^,;。\\d]{0,20}?(?:申请|政府信息))?(?:共)?${NUM}件`, 'g'), needs: ['新收'] },
  // 2021年结转政府信息公开申请2件: carried over from a named year (结转2023年度… is the other direction).
  { id: 'carriedOver', pattern: new RegExp(`(?:上年(?:度)?|\\d{4}年(?:度)?)结转(?!(?:至|到)?下)(?:[^,;。\\d]{0,12}?)?${NUM}件`, 'g'), needsApplication: true, needs: ['结转'] },
  {
    id: 'applicationsConcluded',
    // 答复政府信息公开申请805件: the object may be named between the verb and the count.
    pattern: new RegExp(`(?:办结|答复|办理完毕|处理完毕)(?:了)?(?:[^,;。\\d]{0,10}?申请)?(?:数|数量)?(?:共|为)?${NUM}件`, 'g'),
    needsApplication: true,
    needs: ['件'],
  },
  {
    id: 'carriedForward',
    // 另有72件申请按照《条例》顺延到下年度答复: a short clause may stand between the count and the verb.
    pattern: new RegExp(`(?<!\\d|\\d,)${NUM}件(?:申请)?(?:[^,;。\\d]{0,12}?)(?:结转|转入|转至|顺延)(?:至|到)?下(?:一)?年`, 'g'),
    needsApplication: true,
    needs: ['结转', '转入', '转至', '顺延'],
  },
  {
    id: 'carriedForward',
    pattern: new RegExp(`结转(?:至|到)?(?:下(?:一)?年|\\d{4}年)(?:度)?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共)?${NUM}件`, 'g'),
    needsApplication: true,
    needs: ['结转'],
  },
  // 无下年度结转 / 无结转 / 没有结转至下年度的申请: nothing carried forward. 无上年结转 is the other direction.
  {
    id: 'carriedForward',
    pattern: new RegExp(`${NEGATION}(?:需要?)?结转(?:(?:至|到)?下(?:一)?年度?|的?申请|件|[,;。]|$)|${NEGATION}下(?:一)?年度?结转`, 'g'),
    value: () => 0,
    needsApplication: true,
    needs: ['结转'],
  },
  {
    id: 'proactiveItems',
    pattern: new RegExp(
      `主动公开(?:了)?(?:各类|各项|政府|政务)?(?:[^,;。\\d]{0,10}?)信息(?:共计|共|总计|合计|累计)?(?:总数|总量|数量)?(?:为|达)?${NUM}(?:条|件)`,
      'g',
    ),
    needs: ['主动公开'],
  },
  // 市政府累计公开政务信息10180条 (legacy wording); not 依申请公开 of an applicant.
  {
    id: 'proactiveItems',
    pattern: new RegExp(`(?<!申请)(?:公开|发布)(?:了)?(?:各类|各项)?(?:政府|政务)信息(?:共计|共|总计|合计|累计)?(?:达)?${NUM}余?条`, 'g'),
    needs: ['信息'],
  },
  {
    id: 'feesCharged',
    pattern: new RegExp(`${NEGATION}(?:因[^,;。收]{0,12}?)?(?:向申请人)?(?:收取|产生|发生|收)(?:任何)?[^,;。]{0,20}?(?:处理费|费用)`, 'g'),
    value: () => false,
    needs: ['费'],
  },
  { id: 'feesCharged', pattern: /免(?:予|于)?收取?[^,;。]{0,12}?(?:处理费|费用)/g, value: () => false, needs: ['免'] },
  {
    id: 'feesCharged',
    pattern: new RegExp(`(?:收取|产生)[^,;。]{0,20}?处理费(?:共计|共|合计)?${NUM}(?:\\.\\d+)?元`, 'g'),
    value: (m) => (count(m[1]!) ?? 0) > 0,
    needs: ['处理费'],
  },
  {
    id: 'feesCharged',
    pattern: new RegExp(`依申请公开(?:工作)?(?:收费|收取费用)(?:共计|共|合计)?${NUM}(?:\\.\\d+)?元`, 'g'),
    value: (m) => (count(m[1]!) ?? 0) > 0,
    needs: ['申请'],
  },
  { id: 'reviews', pattern: new RegExp(`行政复议(?:案件|申请)?(?:共计|共)?${NUM}${UNIT}`, 'g'), needs: ['行政复议'] },
  { id: 'reviews', pattern: new RegExp(`${NEGATION}(?:发生|出现|收到|接到|产生|涉及)[^,;。]{0,30}?行政复议`, 'g'), value: () => 0, needs: ['行政复议'] },
  { id: 'litigations', pattern: new RegExp(`行政诉讼(?:案件)?(?:共计|共)?${NUM}${UNIT}`, 'g'), needs: ['行政诉讼'] },
  // 行政复议7件，诉讼9件: right after a review count, a bare 诉讼 is an administrative lawsuit.
  // (?=诉讼) first: a leading lookbehind is otherwise tried, 20 characters back, at every position of every sentence.
  { id: 'litigations', pattern: new RegExp(`(?=诉讼)(?<=行政复议[^。;]{0,20})(?<!行政)诉讼(?:案件)?(?:共计|共)?${NUM}${UNIT}`, 'g'), needs: ['诉讼'] },
  {
    id: 'litigations',
    pattern: new RegExp(`${NEGATION}(?:发生|出现|收到|接到|产生|涉及)[^,;。]{0,40}?行政诉讼`, 'g'),
    value: () => 0,
    needs: ['行政诉讼'],
  },
  {
    id: 'allConcluded',
    pattern:
      /均已(?:按时|按期|依法)?(?:办结|答复)|全部(?:按时|按期|依法)?(?:办结|答复)|均(?:在法定期限内|依法按期|按期|按时|依法)(?:予以)?(?:办结|答复)|办结率(?:达到?)?100%/g,
    value: () => true,
    needs: ['办结', '答复'],
  },
];

const MENTIONS_APPLICATION = /申请/;
// Other things a body counts in 件 (hotline tickets, letters, proposals): a sentence about them is not about
// disclosure applications even when it follows one.
const OTHER_SUBJECT = /信件|来信|留言|热线|12345|建议|提案|诉求|工单|咨询|信箱|来电/;

interface Sentence {
  /** Normalized text, spaces removed, for matching. */
  match: string;
  /** The paragraph's sentences as the report wrote them, and this sentence's index among them. */
  paragraph: ParagraphOriginal;
  index: number;
  line: number;
  /**
   * The sentence is about disclosure applications: it says 申请, or it continues a sentence of the same paragraph
   * that does (…共收到申请50件。全年办结47件，结转下年度3件。) and names no other subject.
   */
  aboutApplications: boolean;
}

// Sentence ends in both widths; normalization keeps them one for one, so original and normalized split alike.
const SENTENCE_END = /[^。;；!！?？]+[。;；!！?？]?/g;
const SENTENCE_END_MARKS = '。;；!！?？:：';
/** The line's last visible character ends a sentence. (trimEnd strips exactly what \s matches.) */
function endsSentence(line: string): boolean {
  const t = line.trimEnd();
  return t.length > 0 && SENTENCE_END_MARKS.includes(t[t.length - 1]!);
}
// A line opening a new item (（一）…, 一、…, 第一…, 1.…) starts a paragraph even when the previous line ran on.
const OPENS_ITEM = /^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+|\d+[、.．])/;
const MAX_WRAPPED_LINES = 30;

/** A short numbered line without sentence punctuation ((二)依申请公开情况) is a heading: it never runs on. */
function isItemHeading(line: string): boolean {
  return OPENS_ITEM.test(line) && line.trim().length <= 30 && !/[。;；,，]/.test(line);
}

/** Table rows (cells separated by tabs or pipes) are not prose. */
function isTableRow(line: string): boolean {
  // Any pipe makes a row; otherwise only a tab can separate cells. Both tested before the pattern, which scans.
  if (line.includes('|')) return true;
  return line.includes('\t') && /\S[\t|]+\S/.test(line.trim());
}

/**
 * Prose paragraphs as runs of line indices: text extracted from PDF or Word wraps sentences over lines
 * (…申请 / 4件…), so a line that does not end a sentence runs on into the next non-blank prose line.
 */
function paragraphsOf(doc: NormalizedDoc): number[][] {
  // Asked once per line: the loop below asks it of each line and again of the line after.
  const prose = doc.lines.map((line) => line.trim() !== '' && !isTableRow(line));
  const paragraphs: number[][] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    if (!prose[i]) continue;
    const run = [i];
    while (
      run.length < MAX_WRAPPED_LINES &&
      !endsSentence(doc.lines[i]!) &&
      !isItemHeading(doc.lines[i]!) &&
      prose[i + 1] === true &&
      !OPENS_ITEM.test(doc.lines[i + 1]!)
    ) {
      i++;
      run.push(i);
    }
    paragraphs.push(run);
  }
  return paragraphs;
}

/** Sentences of a text with their start offsets. */
function splitSentences(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  for (const m of allMatches(SENTENCE_END, text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed !== '') out.push({ text: trimmed, start: m.index + lead });
  }
  return out;
}

/**
 * The sentences of a paragraph as the report wrote them (the text kept with a figure). The original lines are split
 * only when a sentence of the paragraph yields a figure: most paragraphs yield none.
 */
class ParagraphOriginal {
  private split: Array<{ text: string; start: number }> | null = null;

  constructor(
    private readonly doc: NormalizedDoc,
    private readonly run: readonly number[],
    private readonly normalized: ReadonlyArray<{ text: string; start: number }>,
  ) {}

  /** The k-th sentence as written; the normalized one when the two splits do not line up. */
  sentence(k: number): string {
    this.split ??= splitSentences(this.run.map((i) => (this.doc.original[i] ?? '').trim()).join(''));
    return this.split.length === this.normalized.length ? this.split[k]!.text : this.normalized[k]!.text;
  }
}

const WHITESPACE = /\s/;
const WHITESPACE_RUNS = /\s+/g;

function sentencesOf(doc: NormalizedDoc): Sentence[] {
  const sentences: Sentence[] = [];
  for (const run of paragraphsOf(doc)) {
    const starts: number[] = [];
    let joined = '';
    for (const i of run) {
      starts.push(joined.length);
      joined += doc.lines[i]!.trim();
    }
    const normalized = splitSentences(joined);
    const paragraph = new ParagraphOriginal(doc, run, normalized);
    let previousAboutApplications = false;
    // Asked once of the paragraph rather than of every sentence: most paragraphs hold no whitespace at all.
    const spaced = WHITESPACE.test(joined);
    normalized.forEach((sentence, k) => {
      let at = 0;
      while (at + 1 < starts.length && starts[at + 1]! <= sentence.start) at++;
      const match = spaced ? sentence.text.replace(WHITESPACE_RUNS, '') : sentence.text;
      const aboutApplications = MENTIONS_APPLICATION.test(match) || (previousAboutApplications && !OTHER_SUBJECT.test(match));
      previousAboutApplications = aboutApplications;
      sentences.push({
        match,
        paragraph,
        index: k,
        line: run[at]! + 1,
        aboutApplications,
      });
    });
  }
  return sentences;
}

/** The last year named in the sentence before the figure (2022年共收到…), if any. */
function yearBefore(sentence: string, position: number): number | undefined {
  let year: number | undefined;
  for (const m of sentence.slice(0, position).matchAll(/(\d{4})年(?!\d{1,2}月)/g)) {
    const y = Number(m[1]);
    if (y >= 2000 && y <= 2100) year = y;
  }
  return year;
}

// 含上年结转, or a breakdown 其中本年新收…上年结转…: the received count includes carried-over applications.
const INCLUDES_CARRIED_OVER =
  /(?<!不)(?:包)?含上年(?:度)?结转|其中[^。]{0,30}?(?:本年|新收)[^。]{0,30}?上年(?:度)?结转|其中[^。]{0,30}?上年(?:度)?结转[^。]{0,30}?(?:本年|新收)/;

/**
 * Every match of a global pattern, as matchAll gives them, without the copy of the pattern matchAll makes on each
 * call: twenty rules on every sentence made those copies most of this stage's cost.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) return [...text.matchAll(pattern)] as RegExpExecArray[]; // throws, as matchAll does
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    matches.push(m);
    if (m[0] === '') pattern.lastIndex++;
  }
  return matches;
}

// The words rules need (Rule.needs), each one bit; a rule can match a sentence only when one of its bits is set.
// More than 31 words (or an empty one) would not fit the bits: then every rule is tried on every sentence.
const NEEDED_WORDS: readonly string[] = [...new Set(RULES.flatMap((r) => r.needs))];
const WORDS_FIT = NEEDED_WORDS.length <= 31 && !NEEDED_WORDS.includes('') && RULES.every((r) => r.needs.length > 0);
const RULE_MASKS: readonly number[] = RULES.map((r) => (WORDS_FIT ? r.needs.reduce((mask, w) => mask | (1 << NEEDED_WORDS.indexOf(w)), 0) : -1));

// Per UTF-16 code unit: the bits of the needed words that start with it. One pass over the sentence then finds
// them all, where a search per word read every sentence seventeen times.
const WORDS_STARTING_WITH = new Uint32Array(0x10000);
if (WORDS_FIT) NEEDED_WORDS.forEach((w, k) => (WORDS_STARTING_WITH[w.charCodeAt(0)]! |= 1 << k));

/** The bits of the needed words the text holds. */
function wordsIn(text: string): number {
  if (!WORDS_FIT) return -1;
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    let starting = WORDS_STARTING_WITH[text.charCodeAt(i)]! & ~mask;
    while (starting !== 0) {
      const bit = starting & -starting;
      starting ^= bit;
      if (text.startsWith(NEEDED_WORDS[31 - Math.clz32(bit)]!, i)) mask |= bit;
    }
  }
  return mask;
}

// Joining is only sound when every rule has the same flags and no backreferences or named groups.
const JOINABLE = (() => {
  const flags = new Set(RULES.map((r) => r.pattern.flags.replace(/[gy]/g, '')));
  return flags.size === 1 && !RULES.some((r) => /\\[1-9k]|\(\?<[^=!]/.test(r.pattern.source)) ? [...flags][0]! : null;
})();

interface RuleGroup {
  /** The words of its rules (their shared Rule.needs bits). */
  mask: number;
  sources: string[];
  /** The rules' patterns joined into one, built on first use. */
  joined: RegExp | null;
}

/**
 * Rules that need the same words, joined into one pattern per group (about a dozen). A sentence is tried against
 * the groups whose words it holds: most sentences match none, and a test or two replaces twenty. One pattern per
 * group rather than per set of words met keeps what V8 compiles small: the per-set patterns (a few dozen, each
 * holding most rules) cost a fresh process ~20 ms of regex compilation on its first report.
 */
const RULE_GROUPS: readonly RuleGroup[] = (() => {
  const groups = new Map<number, RuleGroup>();
  RULES.forEach((rule, k) => {
    const mask = RULE_MASKS[k]!;
    let group = groups.get(mask);
    if (!group) groups.set(mask, (group = { mask, sources: [], joined: null }));
    group.sources.push(`(?:${rule.pattern.source})`);
  });
  return [...groups.values()];
})();

/** Whether some rule whose words the sentence holds matches it; undefined when the rules cannot be joined. */
function anyRuleMatches(words: number, text: string): boolean | undefined {
  if (JOINABLE === null || !WORDS_FIT) return undefined;
  for (const group of RULE_GROUPS) {
    if ((group.mask & words) === 0) continue;
    group.joined ??= new RegExp(group.sources.join('|'), JOINABLE);
    if (group.joined.test(text)) return true;
  }
  return false;
}

function mentionsOf(sentence: Sentence): Array<NarrativeMention & { position: number; end: number }> {
  const found: Array<NarrativeMention & { position: number; end: number }> = [];
  const words = wordsIn(sentence.match);
  if (words === 0 || anyRuleMatches(words, sentence.match) === false) return found;
  for (let k = 0; k < RULES.length; k++) {
    const rule = RULES[k]!;
    if ((RULE_MASKS[k]! & words) === 0) continue;
    if (rule.needsApplication && !sentence.aboutApplications) continue;
    for (const m of allMatches(rule.pattern, sentence.match)) {
      const start = m.index;
      const value = rule.value ? rule.value(m as RegExpExecArray) : count(m[1]!);
      if (value === null) continue;
      const mention: NarrativeMention & { position: number; end: number } = {
        id: rule.id,
        value,
        text: sentence.paragraph.sentence(sentence.index),
        line: sentence.line,
        position: start,
        end: start + m[0].length,
      };
      if (rule.id === 'applicationsReceived') mention.includesCarriedOver = INCLUDES_CARRIED_OVER.test(sentence.match);
      const year = yearBefore(sentence.match, start);
      if (year !== undefined) mention.year = year;
      found.push(mention);
    }
  }
  return dedupeSameFigure(withoutContradictedAllConcluded(found));
}

/**
 * 答复…805件（…另有72件申请…顺延到下年度答复），均在法定期限内予以答复: a sentence that itself carries applications
 * into next year says the answered ones were on time, not that all were concluded.
 */
function withoutContradictedAllConcluded<T extends NarrativeMention>(mentions: T[]): T[] {
  const carriesOn = mentions.some((m) => m.id === 'carriedForward' && typeof m.value === 'number' && m.value > 0);
  return carriesOn ? mentions.filter((m) => m.id !== 'allConcluded') : mentions;
}

/** Two rules reading one phrase (主动公开政府信息779条 fits two wordings) keep one mention: overlapping spans of one id. */
function dedupeSameFigure<T extends NarrativeMention & { position: number; end: number }>(mentions: T[]): T[] {
  const kept: T[] = [];
  for (const m of mentions) {
    if (!kept.some((k) => k.id === m.id && m.position < k.end && m.end > k.position)) kept.push(m);
  }
  return kept;
}

// ── Legacy local statistics tables ────────────────────────────────────────────

const LEGACY_LABELS: ReadonlyArray<[string, RegExp]> = [
  ['applicationsTotal', /^(?:申请总数|申请总量|受理申请总数|收到申请总数)$/],
  ['inPerson', /^(?:当面申请(?:数)?|当面)$/],
  ['online', /^(?:网络申请(?:数)?|网上申请(?:数)?|网络|网上)$/],
  ['letter', /^(?:信函申请(?:数)?|信函)$/],
  ['fax', /^(?:传真申请(?:数)?|传真)$/],
  ['email', /^(?:电子邮件申请(?:数)?|电子邮件)$/],
  ['granted', /^(?:同意公开(?:答复)?(?:数)?)$/],
  ['partial', /^(?:同意部分公开(?:答复)?(?:数)?)$/],
  ['denied', /^(?:不同意公开(?:答复)?(?:数)?|不予公开(?:数)?)$/],
  ['reviews', /^(?:行政复议(?:数|案件数|件数))$/],
  ['litigations', /^(?:行政诉讼(?:数|案件数|件数))$/],
];

// Labels repeat from line to line and report to report (the same local table template): each is read once.
const LEGACY_ID_CACHE = new Map<string, string | null>();
const LEGACY_ID_CACHE_LIMIT = 20_000;

function legacyId(label: string): string | null {
  let id = LEGACY_ID_CACHE.get(label);
  if (id === undefined) {
    id = readLegacyId(label);
    if (LEGACY_ID_CACHE.size >= LEGACY_ID_CACHE_LIMIT) LEGACY_ID_CACHE.clear();
    LEGACY_ID_CACHE.set(label, id);
  }
  return id;
}

function readLegacyId(label: string): string | null {
  const c = label.replace(/\s+/g, '').replace(/[(（][^)）]*[)）]$/, '').replace(/[:：]$/, '');
  for (const [id, pattern] of LEGACY_LABELS) if (pattern.test(c)) return id;
  return null;
}

function cellsOf(line: string): string[] {
  return line
    .split(/\t|\||\s{2,}/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

const CELL_COUNT = /^(\d+)(?:件|条|个|次)?$/;
// The separators cellsOf splits on, and the colon of the inline form.
const CELL_MARK = /[\t|:：]/;
const WHITESPACE_RUN = /\s\s/;
// Every LEGACY_LABELS label holds one of these characters (申请…, 当面, 网络/网上, 信函, 传真, 电子邮件, 同意…, 不予…,
// 行政…): a line without any names no legacy figure (the numbers under a header row are read from the header).
const LEGACY_LABEL_CHAR = /[申当网信传电同不行]/;
const mayHoldLegacy = (line: string): boolean => (CELL_MARK.test(line) || WHITESPACE_RUN.test(line)) && LEGACY_LABEL_CHAR.test(line);

/**
 * Label/number pairs of a local statistics table: `申请总数 | 12` on one line (also 申请总数:12件), or a header row of
 * labels with the numbers on the next non-blank line.
 */
function extractLegacy(doc: NormalizedDoc): Report['legacy'] {
  const legacy: NonNullable<Report['legacy']> = {};
  const put = (id: string, value: number, label: string, line: number): void => {
    if (!(id in legacy)) legacy[id] = { value, label, line };
  };
  doc.lines.forEach((line, index) => {
    // Without a cell separator the line is one cell, and without a colon not the inline form either: prose, skipped.
    if (!mayHoldLegacy(line)) return;
    const cells = cellsOf(line);
    const inline = /^([^\d:：]{2,14})[:：]\s*(\d+)\s*(?:件|条|个|次)?$/.exec(line.trim());
    if (inline) {
      const id = legacyId(inline[1]!);
      if (id) put(id, Number(inline[2]), inline[1]!.trim(), index + 1);
      return;
    }
    const ids = cells.map(legacyId);
    // label, number, label, number … on one row
    for (let k = 0; k + 1 < cells.length; k++) {
      const id = ids[k];
      const n = CELL_COUNT.exec(cells[k + 1]!);
      if (id && n) put(id, Number(n[1]), cells[k]!, index + 1);
    }
    // a header row of labels, numbers below
    if (cells.length >= 2 && ids.every((id) => id !== null)) {
      let next = index + 1;
      while (next < doc.lines.length && doc.lines[next]!.trim() === '') next++;
      const values = cellsOf(doc.lines[next] ?? '').map((c) => CELL_COUNT.exec(c));
      if (values.length === cells.length && values.every((v) => v !== null)) {
        ids.forEach((id, k) => put(id!, Number(values[k]![1]), cells[k]!, next + 1));
      }
    }
  });
  return Object.keys(legacy).length > 0 ? legacy : null;
}

export function extractNarrative(doc: NormalizedDoc, _sections: readonly Section[]): Narrative {
  const mentions: NarrativeMention[] = [];
  for (const sentence of sentencesOf(doc)) {
    const found = mentionsOf(sentence).sort((a, b) => a.position - b.position);
    for (const { position: _position, end: _end, ...mention } of found) mentions.push(mention);
  }
  const narrative: Partial<Record<NarrativeId, NarrativeFigure>> = {};
  for (const { id, ...figure } of mentions) if (!(id in narrative)) narrative[id] = figure;
  return { narrative, mentions, legacy: extractLegacy(doc), diagnostics: [] };
}
