// Pure layout of a table: which columns fit in the width, how wide each is, which rows are in view.
// Kept apart from the component so the arithmetic is tested without rendering.
import { widthOf } from './text.js';

export type CellKind = 'number' | 'null' | 'blank' | 'text';

export interface TableCell {
  /** What to show: a number as digits, a blank cell's token as the report wrote it, `—` for null. */
  text: string;
  kind: CellKind;
  /** An anomaly names this cell. */
  highlight?: boolean;
  /** JSON path of the figure (`applications.granted.total`), for jumps and messages. */
  path?: string;
}

export interface TableColumn {
  header: string;
  align: 'left' | 'right';
}

export interface TableRow {
  key: string;
  label: string;
  cells: TableCell[];
  /** An anomaly names the row as a whole. */
  highlight?: boolean;
}

export interface ColumnLayout {
  labelWidth: number;
  /** Width of each data column; 0 for a column that does not fit. */
  widths: number[];
  /** Indexes of the data columns shown, left to right. */
  visible: number[];
  /** Total columns used by one line. */
  lineWidth: number;
}

export const GAP = 1;
const LABEL_MIN = 6;
/** Room a label keeps before headers are cut: a row label says what the numbers are, a header is a repeat. */
const LABEL_PREFERRED = 18;

/** Fits the label column and the data columns into `width` columns. Labels give way first, then headers, then whole columns from the right. */
export function layoutColumns(labelHeader: string, columns: TableColumn[], rows: TableRow[], width: number): ColumnLayout {
  const dataWidth = columns.map((_, c) => Math.max(1, ...rows.map((r) => widthOf(r.cells[c]?.text ?? ''))));
  const natural = columns.map((col, c) => Math.max(dataWidth[c]!, widthOf(col.header)));
  const labelNatural = Math.max(widthOf(labelHeader), ...rows.map((r) => widthOf(r.label)), 1);
  const labelMin = Math.min(labelNatural, LABEL_MIN);
  const labelPreferred = Math.min(labelNatural, LABEL_PREFERRED);

  let visible = columns.map((_, c) => c);
  const widths = [...natural];
  const dataTotal = () => visible.reduce((sum, c) => sum + widths[c]! + GAP, 0);

  // Shrink the widest headers toward their data width, one column at a time.
  while (labelPreferred + dataTotal() > width) {
    const shrinkable = visible.filter((c) => widths[c]! > dataWidth[c]!);
    if (shrinkable.length === 0) break;
    const widest = shrinkable.reduce((a, b) => (widths[a]! - dataWidth[a]! >= widths[b]! - dataWidth[b]! ? a : b));
    widths[widest]!--;
  }
  // Still too wide: drop columns from the right.
  while (visible.length > 0 && labelMin + dataTotal() > width) visible = visible.slice(0, -1);

  const labelWidth = Math.max(Math.min(labelNatural, width - dataTotal()), Math.min(labelMin, width));
  const finalWidths = columns.map((_, c) => (visible.includes(c) ? widths[c]! : 0));
  return { labelWidth, widths: finalWidths, visible, lineWidth: labelWidth + dataTotal() };
}

/** First row shown so that `cursor` stays in a window of `height` rows, kept near the middle. */
export function windowStart(cursor: number, count: number, height: number): number {
  if (height <= 0 || count <= height) return 0;
  const centred = cursor - Math.floor(height / 2);
  return Math.max(0, Math.min(centred, count - height));
}
