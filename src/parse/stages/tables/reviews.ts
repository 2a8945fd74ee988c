// Table 4 — 政府信息公开行政复议、行政诉讼情况: fifteen figures in one row. Its header is often split across
// cells in ways no label matcher can follow (`结果\t其他\t尚未\t总\t计`), so the figures are read by their count
// and order: review, litigation direct, litigation after review; each upheld, corrected, other, pending, total.
import { diagnostic } from '../../diagnostics.js';
import { emptyReviewTable } from '../../dictionary.js';
import { REVIEW_COLUMNS, REVIEW_GROUPS, type Diagnostic, type ReviewTable } from '../../model.js';
import type { Row } from './rows.js';
import { FigureReader, pickSlots, toStream, type StreamCell } from './values.js';

export interface ReviewsResult {
  table: ReviewTable | null;
  figures: number;
  reader: FigureReader;
  diagnostics: Diagnostic[];
}

const FIFTEEN = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;

export function readReviews(rows: readonly Row[], headingLine: number): ReviewsResult {
  const reader = new FigureReader();
  const diagnostics: Diagnostic[] = [];
  // The figures: every filled cell of the region, plus empty cells of grid rows that hold figures (blanks there).
  const figureRows = rows.filter((r) => r.cells.some((c) => c.kind !== 'label' && c.kind !== 'empty'));
  const stream = toStream(figureRows);
  const firstFigure = stream.findIndex((c) => c.kind !== 'label' && c.kind !== 'empty');
  if (firstFigure === -1) return { table: null, figures: 0, reader, diagnostics };
  const slots: StreamCell[] = stream.slice(firstFigure).filter((c) => c.kind !== 'label');
  // Grid rows: trailing empty placeholders after the last figure are not blanks.
  while (slots.length > FIFTEEN && slots[slots.length - 1]!.kind === 'empty') slots.pop();
  const filled = slots.filter((c) => c.kind !== 'empty').length;
  // One grid row of fifteen cells is complete whatever it leaves empty: its empty cells are blanks.
  const oneGridRow = slots.length === FIFTEEN && slots.every((c) => c.structured && c.row === slots[0]!.row);
  if (filled !== FIFTEEN && !oneGridRow) {
    diagnostics.push(
      diagnostic('table-count', 'warning', slots[0]!.line, `table 4 has ${filled} figures, expected 15`, `表四有 ${filled} 个数字，应为 15 个`),
    );
  }
  const picked = pickSlots(slots, FIFTEEN, null);
  const table = emptyReviewTable();
  let figures = 0;
  REVIEW_GROUPS.forEach((group, g) => {
    REVIEW_COLUMNS.forEach((col, k) => {
      const figure = reader.read(picked[g * REVIEW_COLUMNS.length + k] ?? null, `reviews.${group}.${col}`, headingLine);
      if (figure !== null) figures++;
      table[group][col] = figure;
    });
  });
  return { table: figures === 0 ? null : table, figures, reader, diagnostics };
}
