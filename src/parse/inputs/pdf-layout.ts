// Rebuilding lines and table rows from positioned PDF text. Pure geometry, no pdf.js here, so it is testable with
// hand-made items: items are grouped into lines by baseline, a line splits into cells on wide gaps, a run of
// multi-cell lines is a table whose columns are found by overlapping x-ranges, and repeated page headers,
// footers and page numbers are dropped so a table split across pages reads as one.

export interface TextItem {
  str: string;
  /** Left edge and baseline, PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font height. */
  height: number;
}

export interface Page {
  height: number;
  items: TextItem[];
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
  /** Font height of the segment's last item. */
  height: number;
}

interface Line {
  page: number;
  y: number;
  segments: Segment[];
}

/** Gap (in font heights) that separates two cells; a smaller gap of more than SPACE_GAP is a space. */
const CELL_GAP = 1.2;
const SPACE_GAP = 0.25;
/** Share of the page height at top and bottom where running headers and footers live. */
const MARGIN_BAND = 0.1;

export function layoutPages(pages: readonly Page[]): string {
  const lines = dropRunningHeaders(pages.flatMap((page, i) => pageLines(page, i)), pages);
  return renderBlocks(lines).join('\n');
}

function pageLines(page: Page, index: number): Line[] {
  const items = page.items.filter((it) => it.str.trim() !== '' && Number.isFinite(it.x) && Number.isFinite(it.y));
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    // Cells of one row may use different font sizes (a long label shrunk to fit): the larger size sets the tolerance.
    const tolerance = Math.max(1, Math.max(item.height, row?.[0]?.height ?? item.height) * 0.5);
    if (row && Math.abs(row[0]!.y - item.y) <= tolerance) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => ({ page: index, y: row[0]!.y, segments: segmentsOf(row) }));
}

function segmentsOf(row: TextItem[]): Segment[] {
  row.sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  for (const item of row) {
    const last = segments[segments.length - 1];
    // A label shrunk to fit its cell ends close to the next cell: judge the gap by the smaller font.
    const size = Math.max(Math.min(item.height, last?.height ?? item.height), 1);
    const gap = last ? item.x - last.x1 : Infinity;
    // A bare figure half a character or more after other text starts a new cell: table cells are often tighter
    // than CELL_GAP where a label runs up to its border, while running text keeps figures inside its own runs.
    const figureCell = /^[-−]?[\d.,]+$/.test(item.str.trim()) && gap >= 0.5 * size;
    if (last && gap < CELL_GAP * size && !figureCell) {
      last.text += (gap > SPACE_GAP * size ? ' ' : '') + item.str;
      last.x1 = Math.max(last.x1, item.x + item.width);
      last.height = item.height;
    } else {
      segments.push({ text: item.str, x0: item.x, x1: item.x + item.width, height: item.height });
    }
  }
  for (const s of segments) s.text = s.text.replace(/[\t\r\n]+/g, ' ').trim();
  return segments;
}

const PAGE_NUMBER = [/^[-—–－]*\s*\d+\s*[-—–－]*$/, /^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/, /^\d+\s*\/\s*\d+$/, /^page\s*\d+/i];

/** Page numbers, and lines in the top/bottom band whose text (digits ignored) recurs on other pages. */
function dropRunningHeaders(lines: Line[], pages: readonly Page[]): Line[] {
  const inBand = (l: Line) => {
    const h = pages[l.page]?.height ?? 0;
    return h > 0 && (l.y > h * (1 - MARGIN_BAND) || l.y < h * MARGIN_BAND);
  };
  const key = (l: Line) => l.segments.map((s) => s.text).join(' ').replace(/\d+/g, '#');
  const pagesWithKey = new Map<string, Set<number>>();
  for (const l of lines) if (inBand(l)) (pagesWithKey.get(key(l)) ?? pagesWithKey.set(key(l), new Set()).get(key(l))!).add(l.page);
  // Only a page's outermost lines can be running headers: a title repeating the header below it stays.
  const outermost = new Set<Line>();
  lines.forEach((l, i) => {
    if (lines[i - 1]?.page !== l.page || lines[i + 1]?.page !== l.page) outermost.add(l);
  });
  return lines.filter((l) => {
    if (!inBand(l) || !outermost.has(l)) return true;
    const text = l.segments.map((s) => s.text).join(' ').trim();
    if (PAGE_NUMBER.some((re) => re.test(text))) return false;
    return pages.length < 2 || (pagesWithKey.get(key(l))?.size ?? 0) < 2;
  });
}

/** Paragraph lines as they are; each run of table lines becomes tab-joined rows on shared columns. */
function renderBlocks(lines: Line[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isTableLine(lines, i)) {
      out.push(lines[i]!.segments.map((s) => s.text).join(' '));
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && isTableLine(lines, j)) j++;
    out.push(...tableRows(lines.slice(i, j)));
    i = j;
  }
  return out;
}

/** Several cells; or a single cell sitting between table lines (a label row, a row whose figures are blank). */
function isTableLine(lines: readonly Line[], i: number): boolean {
  const n = (k: number) => lines[k]?.segments.length ?? 0;
  if (n(i) >= 2) return true;
  return n(i) === 1 && n(i - 1) >= 2 && (n(i + 1) >= 2 || (n(i + 1) === 1 && n(i + 2) >= 2));
}

/** Columns from x-ranges: narrow cells define them, a wide (merged) cell lands in the first column it covers. */
function tableRows(block: readonly Line[]): string[] {
  const columns: Array<{ x0: number; x1: number }> = [];
  const all = block.flatMap((l) => l.segments).sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0));
  for (const s of all) {
    const hits = columns.filter((c) => overlaps(c, s));
    if (hits.length === 0) columns.push({ x0: s.x0, x1: s.x1 });
    else if (hits.length === 1) (hits[0]!.x0 = Math.min(hits[0]!.x0, s.x0)), (hits[0]!.x1 = Math.max(hits[0]!.x1, s.x1));
  }
  columns.sort((a, b) => a.x0 - b.x0);
  return block.map((line) => {
    const cells = columns.map(() => '');
    for (const s of line.segments) {
      let k = columns.findIndex((c) => overlaps(c, s));
      if (k < 0) k = nearestColumn(columns, s);
      cells[k] = cells[k] ? `${cells[k]} ${s.text}` : s.text;
    }
    return cells.join('\t');
  });
}

function overlaps(a: { x0: number; x1: number }, b: { x0: number; x1: number }): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1;
}

function nearestColumn(columns: ReadonlyArray<{ x0: number; x1: number }>, s: Segment): number {
  let best = 0;
  columns.forEach((c, k) => {
    if (Math.abs(c.x0 - s.x0) < Math.abs(columns[best]!.x0 - s.x0)) best = k;
  });
  return best;
}
