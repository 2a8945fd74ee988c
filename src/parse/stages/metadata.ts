// Stage 6 — metadata: who reports, for which year, when it was published (format.md §2).
import { diagnostic } from '../diagnostics.js';
import { classifyJurisdiction, looksLikeBodyName } from '../jurisdiction.js';
import type { BodyType, Diagnostic, Level, Section } from '../model.js';
import type { NormalizedDoc } from './normalize.js';
import { parseChineseNumeral, stripHeadingMarkup } from './segment.js';

export interface Metadata {
  title: string | null;
  jurisdiction: string | null;
  jurisdictionKey: string | null;
  level: Level;
  bodyType: BodyType;
  year: number | null;
  publishedAt: string | null;
  signedAt: string | null;
  /** The format document the report cites: 〔2019〕60号 → '2019', 〔2021〕30号 → '2021'. */
  citedFormat: '2019' | '2021' | null;
  diagnostics: Diagnostic[];
  /** Where the jurisdiction was read from. */
  jurisdictionSource?: 'title' | 'preamble' | 'overview' | 'signature' | 'file' | null;
  /** Each year the report states, by where it states it, for the year-mismatch check. */
  yearSources?: { title: number | null; period: number | null; overview: number | null };
  /** The body named in the signature block, Simplified. */
  signedBy?: string | null;
}

// Reports cover 2008 (the first 条例 year) onwards; anything else read as a year is a misread.
const FIRST_YEAR = 2007;
const LAST_YEAR = new Date().getFullYear() + 1;
const TITLE_SCAN_LINES = 40;
const SIGNATURE_SCAN_LINES = 12;

function plausibleYear(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

const compact = (s: string): string => s.replace(/\s+/g, '');

// ── Title ─────────────────────────────────────────────────────────────────────

// …年度报告, or the 关于…工作情况的报告 form some bodies title their report with.
const TITLE_END = /(?:年度?报告|年报|工作报告|情况的?报告)$/;
const TITLE_SUBJECT = /政府信息公开|政务公开|信息公开/;

/** A line that could be (the end of) a report title: short, no sentence punctuation, no breadcrumb. */
function titleLike(line: string): boolean {
  const c = compact(line);
  return c.length >= 6 && c.length <= 70 && !/[。,，;；:：>»|\t]|当前位置|首页/.test(line) && !/^(?:根据|依据|按照|本报告)/.test(c);
}

/** A title a portal quotes as a document name (《…年度报告》, 【…】, “…”) without its brackets. */
function unwrapTitle(c: string): string {
  const m = /^[《【“「"]([^《》【】“”「」"]+)[》】”」"]$/.exec(c);
  if (m) return m[1]!;
  // A report published as the notice that issues it: XX区人民政府办公室关于印发《XX区2022年…年度报告》的通知.
  const notice = /^[^《》]*?(?:关于)?(?:印发|公布|发布|转发)《([^《》]+)》的?通知$/.exec(c);
  return notice ? notice[1]! : c;
}

interface FoundTitle {
  title: string;
  normalized: string;
  line: number;
}

/**
 * The first title in the opening lines. A title split over two lines (…2021年政府信息 / 公开工作年度报告) is
 * joined; a portal that repeats the title after its header gives the same text, so the first is kept.
 */
export function findTitle(doc: NormalizedDoc): FoundTitle | null {
  const limit = Math.min(doc.lines.length, TITLE_SCAN_LINES);
  const nonBlank: number[] = [];
  for (let i = 0; i < limit; i++) if ((doc.lines[i] ?? '').trim() !== '') nonBlank.push(i);
  for (let k = 0; k < nonBlank.length; k++) {
    const i = nonBlank[k]!;
    const line = doc.lines[i]!;
    if (!titleLike(line)) continue;
    const c = unwrapTitle(compact(stripHeadingMarkup(line)));
    if (TITLE_END.test(c) && TITLE_SUBJECT.test(c)) {
      return { title: doc.original[i]!.trim(), normalized: c, line: i + 1 };
    }
    const j = nonBlank[k + 1];
    if (j !== undefined && j - i <= 3 && titleLike(doc.lines[j]!)) {
      const joined = unwrapTitle(c + compact(stripHeadingMarkup(doc.lines[j]!)));
      if (TITLE_END.test(joined) && TITLE_SUBJECT.test(joined) && !TITLE_END.test(c)) {
        return { title: doc.original[i]!.trim() + doc.original[j]!.trim(), normalized: joined, line: i + 1 };
      }
    }
  }
  return null;
}

/** The body named before the year or the subject in a title (乌鲁木齐市人民政府2021年政府信息公开…). */
export function jurisdictionFromTitle(normalizedTitle: string): string | null {
  const c = compact(normalizedTitle).replace(/^\d{4}年度?/, '');
  const m = /^(.+?)(?:关于)?(?:\d{4}年度?|政府信息公开|政务公开|信息公开)/.exec(c);
  if (!m) return null;
  let name = m[1]!.replace(/关于$/, '');
  // 某某县人民政府信息公开年度报告: the shared 政府 was eaten by the subject.
  if (/人民$/.test(name)) name += '政府';
  return looksLikeBodyName(name) ? name : null;
}

function yearFromTitle(normalizedTitle: string): number | null {
  const m = /(\d{4})\s*年/.exec(normalizedTitle);
  if (m && plausibleYear(Number(m[1]))) return Number(m[1]);
  const chinese = /([〇○零一二三四五六七八九]{4})年/.exec(normalizedTitle);
  const year = chinese ? parseChineseNumeral(chinese[1]!) : null;
  return year !== null && plausibleYear(year) ? year : null;
}

// ── Jurisdiction from the body text ─────────────────────────────────────────────

// Words that start the predicate after the subject of the overview's first sentence (2023年,XX坚持…).
const PREDICATE_START =
  /(?:坚持|深入|认真|紧紧|全面|按照|围绕|始终|持续|进一步|聚焦|扎实|严格|立足|根据|依据|贯彻|继续|积极|不断|高度|切实|着力|大力|强化|加强|落实|紧扣|牢牢|全力|精心|主动|秉持|坚决|结合|对照|通过|在|以|把|将|共|紧密|认真落实|严格落实|扎实推进|全力推进)/;

function jurisdictionFromOverview(doc: NormalizedDoc, sections: readonly Section[]): string | null {
  const overview = sections.find((s) => s.key === 'overview');
  if (!overview) return null;
  for (let i = overview.line; i < Math.min(overview.endLine, overview.line + 5); i++) {
    const c = compact(doc.lines[i] ?? '');
    const opening = /^\d{4}年(?:度|以来)?[,，]?/.exec(c);
    if (!opening) continue;
    const clause = c.slice(opening[0].length).split(/[,，。;；]/)[0] ?? '';
    // The subject ends where a predicate starts; a predicate word can also occur inside a name (公共资源…),
    // so each occurrence is tried until the text before it is a body's name.
    for (const m of clause.matchAll(new RegExp(PREDICATE_START.source, 'g'))) {
      const candidate = clause.slice(0, m.index);
      if (looksLikeBodyName(candidate) && classifyJurisdiction(candidate).bodyType !== 'unknown') return candidate;
    }
    return null;
  }
  return null;
}

// 现公布兴仁市人民政府2022年政府信息公开工作年度报告 / 编制了《田黄镇2020年政府信息公开工作年度报告》: a page
// without a title line often names the report in its opening sentence. Only the body is taken from it: the
// year quoted there is sometimes last year's (a template not updated), the statistics period is not.
const NAMED_REPORT = /(?:公布|公开|编制了?|印发|发布)《?([^《》,，。;；:：]{2,40}?\d{4}年度?政府信息公开工作(?:年度)?报告)/;

function jurisdictionFromPreamble(doc: NormalizedDoc, sections: readonly Section[]): string | null {
  const firstSection = sections.length > 0 ? Math.min(...sections.map((s) => s.line)) : 10;
  for (let i = 0; i < Math.min(doc.lines.length, firstSection - 1, 10); i++) {
    const m = NAMED_REPORT.exec(compact(doc.lines[i] ?? ''));
    if (!m) continue;
    const name = jurisdictionFromTitle(m[1]!);
    if (name && classifyJurisdiction(name).bodyType !== 'unknown') return name;
  }
  return null;
}

/** The issuing body's name and the date under it at the end of the report. */
function signatureBlock(doc: NormalizedDoc): { name: string | null; date: string | null; line: number | null } {
  const tail: number[] = [];
  for (let i = doc.lines.length - 1; i >= 0 && tail.length < SIGNATURE_SCAN_LINES; i--) {
    if ((doc.lines[i] ?? '').trim() !== '') tail.push(i);
  }
  for (let k = 0; k < tail.length; k++) {
    const i = tail[k]!;
    const date = parseDateOnly(doc.lines[i]!);
    if (!date) {
      const sameLine = signatureOnOneLine(doc.lines[i]!);
      if (sameLine) return { ...sameLine, line: i + 1 };
      continue;
    }
    const above = tail[k + 1];
    const name = above !== undefined && looksLikeBodyName(compact(doc.lines[above]!)) ? compact(doc.lines[above]!) : null;
    return { name, date, line: i + 1 };
  }
  return { name: null, date: null, line: null };
}

/** `平阳县水利局　2023年1月18日`: the body and the date on one line, separated by spaces. */
function signatureOnOneLine(line: string): { name: string; date: string } | null {
  const m = /^(\S+)\s+(\S+)$/.exec(line.trim().replace(/\s+(?=[年月日])|(?<=[年月日])\s+/g, ''));
  if (!m) return null;
  const date = parseDateOnly(m[2]!);
  return date && looksLikeBodyName(m[1]!) ? { name: m[1]!, date } : null;
}

/** A date standing alone on a line (2025年2月25日, 二〇二五年二月二十五日, 2025-02-25), ISO; null otherwise. */
export function parseDateOnly(line: string): string | null {
  const c = compact(line).replace(/^[(（]|[)）]$/g, '');
  const whole = parseDate(c);
  return whole && whole.length === c.length ? whole.iso : null;
}

const NUMERAL = '[〇○零Ｏ一二三四五六七八九十]';
const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/,
  new RegExp(`^(${NUMERAL}{4})年(${NUMERAL}{1,3})月(${NUMERAL}{1,3})日`),
];

/** A date at the start of `text`: its ISO form and how many characters it took. */
export function parseDate(text: string): { iso: string; length: number } | null {
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const year = parseChineseNumeral(m[1]!);
    const month = parseChineseNumeral(m[2]!);
    const day = parseChineseNumeral(m[3]!);
    if (year === null || month === null || day === null) continue;
    if (!plausibleYear(year) || month < 1 || month > 12 || day < 1 || day > 31) continue;
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { iso, length: m[0].length };
  }
  return null;
}

// ── Publication date, year, cited format ─────────────────────────────────────

// A bare 日期: opening a portal's info line (日期：2023-01-10 14:31:37 来源：…) is the publication date too.
const PUBLISHED_LABEL = /(?:发布时间|发布日期|发布于|公开日期|公开时间|发文日期|信息时间|^\s*日期\s*[:：])\s*[:：]?\s*/g;

const HAS_PUBLISHED_LABEL = new RegExp(PUBLISHED_LABEL.source, PUBLISHED_LABEL.flags.replace('g', ''));

// A page's last-update date: the publication date only when the page gives none (发布时间 missing or left empty).
const UPDATED_LABEL = /(?:更新时间|更新日期)\s*[:：]?\s*/g;
const HAS_UPDATED_LABEL = new RegExp(UPDATED_LABEL.source, '');

/** The first date written right after one of the labels. */
function findLabelledDate(doc: NormalizedDoc, label: RegExp, hasLabel: RegExp): { iso: string; line: number } | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    // The same pattern without the g flag: a cheap test before matchAll, which copies the pattern on every call.
    if (!hasLabel.test(line)) continue;
    for (const m of line.matchAll(label)) {
      const date = parseDate(line.slice(m.index + m[0].length).trim());
      if (date) return { iso: date.iso, line: i + 1 };
    }
  }
  return null;
}

function findPublishedAt(doc: NormalizedDoc): { iso: string; line: number } | null {
  return findLabelledDate(doc, PUBLISHED_LABEL, HAS_PUBLISHED_LABEL) ?? findLabelledDate(doc, UPDATED_LABEL, HAS_UPDATED_LABEL);
}

// 各项数据统计期限为2024年1月1日至…, 起止时间为2021年1月1日至12月31日, 统计汇总期限截止到2017年12月31日.
const PERIOD = /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|-|—|~)|(?:截止到|截至|截止)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/;

function yearFromPeriod(doc: NormalizedDoc): number | null {
  for (const line of doc.lines) {
    const m = PERIOD.exec(line);
    if (!m) continue;
    const year = Number(m[1] ?? m[2]);
    if (plausibleYear(year)) return year;
  }
  return null;
}

function yearFromOverview(doc: NormalizedDoc, sections: readonly Section[]): number | null {
  const overview = sections.find((s) => s.key === 'overview');
  if (!overview) return null;
  for (let i = overview.line - 1; i < overview.endLine; i++) {
    for (const m of (doc.lines[i] ?? '').matchAll(/(\d{4})\s*年/g)) {
      const year = Number(m[1]);
      if (plausibleYear(year)) return year;
    }
  }
  return null;
}

// 国办公开办函〔2021〕30号: brackets vary (〔〕 [] () ﹝﹞ 【】 ［］), so only the year and number are matched.
const CITED = /[〔\[(﹝【［]\s*(2019|2021)\s*[〕\])﹞】］]\s*(\d+)\s*号/g;

// CITED without the g flag: lines that cite nothing skip matchAll and the copy of CITED it makes.
const MAY_CITE = new RegExp(CITED.source, CITED.flags.replace('g', ''));

export function findCitedFormat(lines: readonly string[]): '2019' | '2021' | null {
  for (const line of lines) {
    if (!MAY_CITE.test(line)) continue;
    for (const m of line.matchAll(CITED)) {
      if (m[1] === '2019' && m[2] === '60') return '2019';
      if (m[1] === '2021' && m[2] === '30') return '2021';
    }
  }
  return null;
}

/** A file name that is itself a title (乌鲁木齐市2021年政府信息公开年度报告.txt), read like one. */
function jurisdictionFromFileName(fileName: string): string | null {
  const base = fileName.split('/').pop() ?? fileName;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return jurisdictionFromTitle(compact(stem));
}

export function extractMetadata(doc: NormalizedDoc, sections: readonly Section[], fileName: string): Metadata {
  const diagnostics: Diagnostic[] = [];
  const title = findTitle(doc);
  const signature = signatureBlock(doc);

  const candidates: Array<[NonNullable<Metadata['jurisdictionSource']>, () => string | null]> = [
    ['title', () => (title ? jurisdictionFromTitle(title.normalized) : null)],
    ['preamble', () => jurisdictionFromPreamble(doc, sections)],
    ['overview', () => jurisdictionFromOverview(doc, sections)],
    ['signature', () => signature.name],
    ['file', () => jurisdictionFromFileName(fileName)],
  ];
  let jurisdiction: string | null = null;
  let jurisdictionSource: Metadata['jurisdictionSource'] = null;
  for (const [source, read] of candidates) {
    const name = read();
    if (name) {
      jurisdiction = name;
      jurisdictionSource = source;
      break;
    }
  }
  if (!jurisdiction) {
    diagnostics.push(
      diagnostic('no-jurisdiction', 'warning', null, 'the reporting body could not be found', '未能识别报告主体'),
    );
  }
  const body = jurisdiction ? classifyJurisdiction(jurisdiction) : null;

  const yearSources = {
    title: title ? yearFromTitle(title.normalized) : null,
    period: yearFromPeriod(doc),
    overview: yearFromOverview(doc, sections),
  };
  const year = yearSources.title ?? yearSources.period ?? yearSources.overview;
  if (year === null) {
    diagnostics.push(diagnostic('no-year', 'warning', null, 'the report year could not be found', '未能识别报告年度'));
  }

  const published = findPublishedAt(doc);
  return {
    title: title?.normalized ?? null,
    jurisdiction,
    jurisdictionKey: body?.key || null,
    level: body?.level ?? 'unknown',
    bodyType: body?.bodyType ?? 'unknown',
    year,
    publishedAt: published?.iso ?? null,
    signedAt: signature.date,
    citedFormat: findCitedFormat(doc.lines),
    diagnostics,
    jurisdictionSource,
    yearSources,
    signedBy: signature.name,
  };
}
