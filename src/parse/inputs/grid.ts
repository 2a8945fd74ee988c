// Tables from HTML and DOCX arrive as rows of cells with row and column spans. The tables stage reads one table
// row per line, cells joined by tabs, so spans are resolved into a plain grid: a merged cell's text sits in its
// top-left position and every position it covers is an empty placeholder, which keeps the columns aligned.

export interface SpanCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Upper bounds on spans: a hostile `rowspan=100000` must not blow up memory. */
const MAX_SPAN = 1000;

/** Cell text as one line: internal newlines and tabs become single spaces. */
export function cellText(raw: string): string {
  return raw
    .replace(/[\t\r\n\u000b\u000c\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Resolves spans into a rectangular grid of strings (rows may be right-padded with empty cells). */
export function resolveSpans(rows: readonly (readonly SpanCell[])[]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++; // skip positions filled by a rowspan from above
      const rowSpan = clampSpan(cell.rowSpan);
      const colSpan = clampSpan(cell.colSpan);
      for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cellText(cell.text) : '';
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

function clampSpan(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_SPAN) : 1;
}

/** One line per table row; rows with no text at all are dropped (they carry no cells for the parser). */
export function gridLines(grid: readonly (readonly string[])[]): string[] {
  return grid.filter((row) => row.some((cell) => cell !== '')).map((row) => row.join('\t'));
}
