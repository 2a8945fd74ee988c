// Step 4 — values: the figures after a row label. Which cells they are depends on the layout: in a grid an
// empty cell is a real position (a blank), in one-cell-per-line text an empty line is usually a placeholder.
import { diagnostic } from '../../diagnostics.js';
import type { BlankCell, Diagnostic, Figure } from '../../model.js';
import type { Cell, Row } from './rows.js';

/** A cell in reading order, with the index of its row. */
export interface StreamCell extends Cell {
  row: number;
  structured: boolean;
}

export function toStream(rows: readonly Row[]): StreamCell[] {
  // A plain loop and an object literal of fixed shape: spread copies made slow dictionary-mode objects here.
  const stream: StreamCell[] = [];
  for (let row = 0; row < rows.length; row++) {
    const r = rows[row]!;
    for (const c of r.cells) stream.push({ text: c.text, line: c.line, col: c.col, kind: c.kind, value: c.value, row, structured: r.structured });
  }
  return stream;
}

const isFilled = (c: Cell): boolean => c.kind === 'value' || c.kind === 'blank' || c.kind === 'unreadable';

/**
 * The cells that hold a row's figures, from the cell after its label. In a grid row that has figures of its own,
 * only that row; otherwise following cells until the next label that means something (`isStop`), skipping
 * unmatched labels before the first figure (a label wrapped over two lines).
 */
export function gatherSlots(
  stream: readonly StreamCell[],
  labelAt: number,
  want: number,
  isStop: (c: StreamCell) => boolean,
): { slots: StreamCell[]; next: number } {
  const label = stream[labelAt]!;
  const sameRow: StreamCell[] = [];
  let i = labelAt + 1;
  for (; i < stream.length && stream[i]!.row === label.row; i++) {
    const c = stream[i]!;
    if (c.kind === 'label') {
      if (isStop(c)) break;
      continue;
    }
    sameRow.push(c);
  }
  if (sameRow.some(isFilled)) return { slots: sameRow, next: i };
  // Continuation: figures on the following lines (one cell per line, or the row wrapped).
  const slots: StreamCell[] = [];
  let filled = 0;
  let j = i;
  for (; j < stream.length; j++) {
    const c = stream[j]!;
    if (c.row === label.row) continue;
    if (c.kind === 'label') {
      if (filled > 0 || isStop(c)) break;
      continue;
    }
    if (filled >= want && c.row !== stream[j - 1]!.row) break;
    slots.push(c);
    if (isFilled(c)) filled++;
  }
  // A label alone in a grid row with nothing after it: its own empty cells are the positions.
  if (filled === 0 && label.structured && sameRow.length > 0) return { slots: sameRow, next: i };
  return { slots, next: j };
}

/**
 * Picks `n` figure cells from the slots. With enough filled cells, empties are placeholders and are dropped.
 * Otherwise empties become blanks: by column position when the table has a common right edge (`rightEdge`,
 * the column of the last figure in well-formed grid rows), else interior empties first, then leading, then
 * trailing ones. Returns null entries for positions that have no cell at all.
 */
export function pickSlots(slots: readonly StreamCell[], n: number, rightEdge: number | null): Array<StreamCell | null> {
  const filled = slots.filter(isFilled);
  if (filled.length >= n) return filled.slice(0, n);
  const oneGridRow = slots.length > 0 && slots.every((s) => s.structured && s.row === slots[0]!.row);
  if (oneGridRow && rightEdge !== null) {
    const firstCol = rightEdge - n + 1;
    const minCol = Math.min(...slots.map((s) => s.col));
    if (firstCol >= minCol) {
      const byCol = new Map(slots.map((s) => [s.col, s]));
      const positional = Array.from({ length: n }, (_, k) => byCol.get(firstCol + k) ?? null);
      // Only when every figure of the row sits inside the window; otherwise the row is shifted.
      if (filled.every((f) => f.col >= firstCol && f.col <= rightEdge)) return positional;
    }
  }
  const firstFilled = slots.findIndex(isFilled);
  const lastFilled = slots.length - 1 - [...slots].reverse().findIndex(isFilled);
  const chosen = new Set<number>(slots.map((s, k) => (isFilled(s) ? k : -1)).filter((k) => k >= 0));
  const need = (): number => n - chosen.size;
  const take = (order: number[]): void => {
    for (const k of order) if (need() > 0) chosen.add(k);
  };
  if (firstFilled === -1) {
    take(slots.map((_, k) => k));
  } else {
    take(range(firstFilled + 1, lastFilled - 1));
    take(range(firstFilled - 1, 0, -1));
    take(range(lastFilled + 1, slots.length - 1));
  }
  const picked: Array<StreamCell | null> = [...chosen].sort((a, b) => a - b).map((k) => slots[k]!);
  while (picked.length < n) picked.push(null);
  return picked;
}

function range(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  if (step > 0) for (let k = from; k <= to; k++) out.push(k);
  else for (let k = from; k >= to; k--) out.push(k);
  return out;
}

/** The most common column of the last figure among grid rows that have exactly `n` figures. */
export function commonRightEdge(rows: readonly Row[], n: number): number | null {
  const counts = new Map<number, number>();
  for (const r of rows) {
    if (!r.structured) continue;
    const figures = r.cells.filter(isFilled);
    if (figures.length !== n) continue;
    const col = figures[figures.length - 1]!.col;
    counts.set(col, (counts.get(col) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [col, k] of counts) if (best === null || k > (counts.get(best) ?? 0)) best = col;
  return best;
}

/**
 * The right edge of a grid where no row is full (every row has a blank somewhere, as in a report that leaves
 * zeros empty): the most common last column of grid rows wider than `n` cells. HTML/DOCX tables reach the
 * parser with every cell, empty or not, so their rows share one width; without this, the blanks of a row
 * whose label spans two columns would be placed by guesswork.
 */
export function gridRightEdge(rows: readonly Row[], n: number): number | null {
  const counts = new Map<number, number>();
  for (const r of rows) {
    if (!r.structured || r.cells.length <= n) continue;
    const col = r.cells[r.cells.length - 1]!.col;
    counts.set(col, (counts.get(col) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [col, k] of counts) if (best === null || k > (counts.get(best) ?? 0)) best = col;
  // One wide row is no grid.
  return best !== null && (counts.get(best) ?? 0) >= 2 ? best : null;
}

/** Collects blank cells and diagnostics while figures are read. */
export class FigureReader {
  readonly blankCells: BlankCell[] = [];
  readonly diagnostics: Diagnostic[] = [];

  /** The figure of one picked cell; `cell` is the id path it is read into (`applications.granted.total`). */
  read(slot: StreamCell | null, cell: string, fallbackLine: number): Figure {
    if (slot === null) return null;
    switch (slot.kind) {
      case 'value':
        return slot.value;
      case 'blank':
      case 'empty':
        this.blankCells.push({ cell, token: slot.text, line: slot.line });
        return null;
      case 'unreadable':
        this.diagnostics.push(
          diagnostic('cell-unreadable', 'warning', slot.line ?? fallbackLine, `cannot read "${slot.text}" as a figure for ${cell}`, `无法将“${slot.text}”读作 ${cell} 的数字`),
        );
        return null;
      default:
        return null;
    }
  }
}
