// Step 2 — locate: where tables 2, 3 and 4 start and end, from their headings (or, when a heading is missing,
// from labels only that table has). Sections from the segment stage are a hint, not the truth.
import type { Section } from '../../model.js';
import { stripHeadingMarkup } from '../segment.js';

export type TableKey = 'active' | 'applications' | 'reviews';

export interface Region {
  key: TableKey;
  /** Line of the heading (or of the anchor label when there is no heading), 1-based. */
  heading: number;
  /** First and last line of the table body, 1-based, inclusive. */
  from: number;
  to: number;
  /** Found from the heading (true) or from a label inside the table (false). */
  byHeading: boolean;
}

const HEADINGS: Record<TableKey, RegExp> = {
  active: /主动公开政府信息(?:情况|统计)/,
  applications: /收到和处理政府信息公开申请(?:情况|统计)/,
  reviews: /行政复议[、,和及与]?(?:行政)?诉讼(?:情况|统计)/,
};

const ANY_HEADING = new RegExp(Object.values(HEADINGS).map((h) => h.source).join('|'));

// Labels only one table has, for reports whose heading was lost.
const ANCHORS: Record<TableKey, RegExp> = {
  // Column labels too (本年制发件数 / 现行有效件数 / 本年处理决定数量): some reports keep neither heading nor 第二十条.
  active: /第二十条第?[(（]?一[)）]?项|本年制发件数|现行有效件数|本年处理决定数量|本年新制作数量/,
  applications: /本年新收政府信息公开申请数量|申请人情况/,
  reviews: /结果维持|未经复议直接起诉/,
};

// Headings of the sections around the tables: where a table ends at the latest.
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])?\s*(?:总体情况|概述|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议|存在的主要问题|其他需要报告的事项)/;

const KEYS: readonly TableKey[] = ['active', 'applications', 'reviews'];

// Tabs count as spaces: trimming gives the same length either way, so no copy with tabs replaced is made.
function isHeadingLine(line: string): boolean {
  const length = line.trim().length;
  return length > 0 && length <= 40 && !SENTENCE_STOP.test(line);
}

const SENTENCE_STOP = /[。;；]/;

/** Lines that are prose, not table: a long sentence with a full stop. */
function isProse(line: string): boolean {
  if (line.length <= 60 || line.includes('\t') || line.includes('|')) return false; // cheap tests first
  return line.trim().length > 60 && SENTENCE_STOP.test(line);
}

// A figure standing alone between tabs, spaces or pipes (12, 3.5).
const FIGURE_CELL = /(?:^|[\t |])\d+(?:\.\d+)?(?=$|[\t |])/g;

function countFigures(lines: readonly string[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) n += (lines[i - 1] ?? '').match(FIGURE_CELL)?.length ?? 0;
  return n;
}

/** countFigures of a region, remembered in `counted`. */
function figuresIn(region: Region, lines: readonly string[], counted: Map<Region, number>): number {
  let n = counted.get(region);
  if (n === undefined) counted.set(region, (n = countFigures(lines, region.from, region.to)));
  return n;
}

/**
 * What locate asks of every line, asked once per line: the heading tests ran for each table on every line, then
 * again in every region's scan for its end.
 */
interface LineFacts {
  lines: readonly string[];
  /** isHeadingLine, per line (0-based). */
  headingLike: readonly boolean[];
  /** Per line (0-based): the bits (KEY_BIT) of the tables whose heading a heading-like line names; 0 otherwise. */
  headingOf: readonly number[];
}

const KEY_BIT: Record<TableKey, number> = { active: 1, applications: 2, reviews: 4 };

// HEADINGS are tested on the line as it is: stripHeadingMarkup only removes spaces, #, * and _ at the ends of a line,
// and no heading pattern holds any of these, so a heading matches the line exactly when it matches the stripped line.
function lineFacts(lines: readonly string[]): LineFacts {
  const headingLike = lines.map((line) => isHeadingLine(line ?? ''));
  const headingOf = lines.map((line, i) => {
    // One pattern for the three first: most heading-like lines (a figure, a label) name no table.
    if (!headingLike[i] || !ANY_HEADING.test(line ?? '')) return 0;
    let bits = 0;
    for (const key of KEYS) if (HEADINGS[key].test(line ?? '')) bits |= KEY_BIT[key];
    return bits;
  });
  return { lines, headingLike, headingOf };
}

/** End of a table that starts after `heading`: the next section heading, table heading or prose paragraph. */
function regionEnd(facts: LineFacts, heading: number, key: TableKey): number {
  const { lines } = facts;
  let prose = 0;
  for (let n = heading + 1; n <= lines.length; n++) {
    const line = lines[n - 1] ?? '';
    const headingLike = facts.headingLike[n - 1]!;
    if (headingLike && !line.includes('\t') && SECTION_HEADING.test(stripHeadingMarkup(line))) return n - 1;
    if (headingLike && (facts.headingOf[n - 1]! & ~KEY_BIT[key]) !== 0) return n - 1;
    if (isProse(line)) {
      // A summary sentence between the heading and its table (…共收到8份申请…) does not end the table when the
      // table's own first row follows it.
      if (n - heading === prose + 1 && hasAnchor(lines, key, n + 1, Math.min(lines.length, n + 4))) {
        prose++;
        continue;
      }
      return n - 1;
    }
  }
  return lines.length;
}

function hasAnchor(lines: readonly string[], key: TableKey, from: number, to: number): boolean {
  for (let n = from; n <= to; n++) if (ANCHORS[key].test(lines[n - 1] ?? '')) return true;
  return false;
}

function sectionFor(sections: readonly Section[], key: TableKey): Section | undefined {
  return sections.find((s) => s.key === key);
}

export function locateTables(lines: readonly string[], sections: readonly Section[] = []): Partial<Record<TableKey, Region>> {
  const found: Partial<Record<TableKey, Region>> = {};
  const facts = lineFacts(lines);
  // Each region's figures are counted once: comparing candidates asked again for the best one's count.
  const counted = new Map<Region, number>();
  for (const key of KEYS) {
    const candidates: Region[] = [];
    for (let n = 1; n <= lines.length; n++) {
      if ((facts.headingOf[n - 1]! & KEY_BIT[key]) !== 0) {
        candidates.push({ key, heading: n, from: n + 1, to: regionEnd(facts, n, key), byHeading: true });
      }
    }
    // A section the segment stage found may have a heading worded differently from ours.
    const section = sectionFor(sections, key);
    // Its range is trusted only when a label of this table is inside (a legacy prose section is not table 3).
    if (section && !candidates.some((c) => c.heading === section.line) && hasAnchor(lines, key, section.line, section.endLine)) {
      candidates.push({ key, heading: section.line, from: section.line + 1, to: section.endLine, byHeading: true });
    }
    // A table of contents or a heading mentioned twice: the one with the figures is the table.
    let best: Region | undefined;
    for (const c of candidates) {
      if (!best || figuresIn(c, lines, counted) > figuresIn(best, lines, counted)) best = c;
    }
    // No heading, or a heading over prose only (二、主动公开政府信息情况 / paragraphs / then the grid with no
    // heading of its own): the table is where its own labels are, if it has figures there.
    if (!best || figuresIn(best, lines, counted) === 0) {
      const anchored = anchoredRegion(facts, key);
      if (anchored && (!best || figuresIn(anchored, lines, counted) > 0)) best = anchored;
    }
    if (best) found[key] = best;
  }
  return clipOverlaps(found);
}

/** The region that starts at the first line carrying a label only this table has. */
function anchoredRegion(facts: LineFacts, key: TableKey): Region | undefined {
  const { lines } = facts;
  for (let n = 1; n <= lines.length; n++) {
    const line = lines[n - 1] ?? '';
    if (line.length <= 80 && ANCHORS[key].test(line)) return { key, heading: n, from: n, to: regionEnd(facts, n, key), byHeading: false };
  }
  return undefined;
}

/** A region never runs into the next table's heading. */
function clipOverlaps(found: Partial<Record<TableKey, Region>>): Partial<Record<TableKey, Region>> {
  const regions = KEYS.map((k) => found[k]).filter((r): r is Region => r !== undefined);
  for (const r of regions) {
    for (const other of regions) {
      if (other !== r && other.heading > r.heading && other.heading <= r.to) r.to = other.byHeading ? other.heading - 1 : other.from - 1;
    }
  }
  return found;
}
