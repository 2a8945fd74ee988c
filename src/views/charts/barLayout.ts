// Layout of a horizontal bar chart as plain strings: label column, bar, right-aligned value. Pure, so the width
// guarantees (no line wider than the pane, labels aligned, bars proportional) are tested without rendering.
import { formatPercent, padEndToWidth, padStartToWidth, stringWidth, truncateToWidth } from './textWidth.js';

export interface BarRow {
  label: string;
  /** null: blank in the report, drawn as no bar and "—". */
  value: number | null;
  /** Shown after the value, e.g. a rate in a trend. */
  suffix?: string;
  /** The value is a lower bound (some figures behind it were blank). */
  partial?: boolean;
}

export interface BarLayoutOptions {
  width: number;
  /** Show each value's share of `total` (default: of the sum of the values). */
  showPercent?: boolean;
  total?: number;
  /** Full-cell bar character; with █ the bar ends in eighth blocks, otherwise it rounds to whole cells. */
  barChar?: string;
  /** Labels take at most this share of the width, so bars keep room on narrow panes. */
  maxLabelShare?: number;
}

export interface BarLine {
  /** Padded to the label column's width. */
  label: string;
  /** Padded with spaces to the bar column's width. */
  bar: string;
  /** Right-aligned value column, starting with a space. */
  value: string;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL_BLOCK = '█';

/** A bar of `fraction` (0-1) of `cells` columns; eighth-block resolution when the bar char is █. */
export function barString(fraction: number, cells: number, barChar = FULL_BLOCK): string {
  if (cells <= 0 || !(fraction > 0)) return '';
  const clamped = Math.min(1, fraction);
  if (barChar !== FULL_BLOCK) {
    // Any non-zero value gets at least one cell, so "some" never looks like "none".
    return barChar.repeat(Math.max(1, Math.round(clamped * cells)));
  }
  const eighths = Math.max(1, Math.round(clamped * cells * 8));
  return FULL_BLOCK.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

function valueText(row: BarRow, total: number, showPercent: boolean): { count: string; pct: string; suffix: string } {
  const count = row.value === null ? '—' : `${row.partial ? '≥' : ''}${row.value}`;
  const pct = showPercent ? (row.value === null || total === 0 ? '' : formatPercent(row.value / total)) : '';
  return { count, pct, suffix: row.suffix ?? '' };
}

export function layoutBars(rows: readonly BarRow[], options: BarLayoutOptions): BarLine[] {
  const width = Math.max(0, Math.floor(options.width));
  const showPercent = options.showPercent ?? true;
  const total = options.total ?? rows.reduce((s, r) => s + (r.value ?? 0), 0);
  const max = rows.reduce((m, r) => Math.max(m, r.value ?? 0), 0);
  const texts = rows.map((r) => valueText(r, total, showPercent));
  const countW = Math.max(0, ...texts.map((t) => stringWidth(t.count)));
  const pctW = Math.max(0, ...texts.map((t) => stringWidth(t.pct)));
  const suffixW = Math.max(0, ...texts.map((t) => stringWidth(t.suffix)));
  const values = texts.map(
    (t) => ` ${padStartToWidth(t.count, countW)}${pctW ? ` ${padStartToWidth(t.pct, pctW)}` : ''}${suffixW ? ` ${padEndToWidth(t.suffix, suffixW)}` : ''}`,
  );
  const valueW = Math.max(0, ...values.map((v) => stringWidth(v)));
  const labelW = Math.min(
    Math.max(0, ...rows.map((r) => stringWidth(r.label))),
    Math.floor(width * (options.maxLabelShare ?? 0.4)),
    Math.max(0, width - valueW - 1),
  );
  // The bar takes what is left between the label (plus one space) and the value column.
  const barW = Math.max(0, width - labelW - 1 - valueW);
  return rows.map((row, i) => {
    const label = padEndToWidth(truncateToWidth(row.label, labelW), labelW);
    const bar = padEndToWidth(max > 0 && row.value !== null ? barString(row.value / max, barW, options.barChar) : '', barW);
    // On a pane too narrow for label + value the value is cut from the right rather than overflowing.
    const value = truncateToWidth(padStartToWidth(values[i]!, valueW), Math.max(0, width - stringWidth(label) - (labelW > 0 ? 1 : 0) - barW));
    return { label: labelW > 0 ? `${label} ` : '', bar, value };
  });
}
