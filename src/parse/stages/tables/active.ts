// Table 2 — 主动公开政府信息情况. Blocks headed 第二十条第(X)项, each with its own column labels; the columns of
// a row are those of the header above it (2021: 本年制发件数…, 2019: 本年新制作数量…, 上一年项目数量/本年增/减…).
import { diagnostic } from '../../diagnostics.js';
import { ACTIVE_ROWS } from '../../dictionary.js';
import type { ActiveTable, Diagnostic, Figure } from '../../model.js';
import { activeColumnsIn, matchActiveLabel } from './labels.js';
import type { Row } from './rows.js';
import { commonRightEdge, FigureReader, gatherSlots, pickSlots, toStream, type StreamCell } from './values.js';

export interface ActiveResult {
  table: ActiveTable | null;
  figures: number;
  labels2019: boolean;
  labels2021: boolean;
  reader: FigureReader;
  diagnostics: Diagnostic[];
}

/** Whether `part` is `whole` with some entries left out, order kept. */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let k = 0;
  for (const w of whole) if (w === part[k]) k++;
  return k === part.length;
}

/**
 * The columns a row is read with: those its block header named, or the format's own columns for that row when
 * the header named none, or named only some (a header cell cut short, `本年新` for 本年新制作数量) while the row
 * holds a figure for every one of the format's columns.
 */
export function columnsForRow(header: readonly string[], own: readonly string[], filledAfter: (n: number) => number): readonly string[] {
  if (header.length === 0) return own;
  if (header.length < own.length && isSubsequence(header, own) && filledAfter(own.length) >= own.length) return own;
  return header;
}

function unitInCell(text: string | undefined): string | null {
  return /\d\s*(万元|元)$/.exec(text ?? '')?.[1] ?? null;
}

export function readActive(rows: readonly Row[], headingLine: number): ActiveResult {
  const stream = toStream(rows);
  const reader = new FigureReader();
  const diagnostics: Diagnostic[] = [];
  const table: ActiveTable = {};
  let labels2019 = false;
  let labels2021 = false;
  let columns: string[] = [];
  let unit: string | null = null;
  let headerOpen = false;
  let figures = 0;
  const isStop = (c: StreamCell): boolean => matchActiveLabel(c.text).type !== 'none';

  // Evidence first: the whole region's labels, so a row's default columns follow the table's generation.
  for (const c of stream) {
    if (c.kind !== 'label') continue;
    const m = matchActiveLabel(c.text);
    for (const k of m.type === 'column' ? activeColumnsIn(c.text) : []) {
      if (k.format === '2019') labels2019 = true;
      if (k.format === '2021') labels2021 = true;
    }
    if (m.type === 'item' && m.item === 9) labels2019 = true;
  }

  // The right edge depends on the rows and the width only: worked out once per width, not once per row.
  const rightEdges = new Map<number, number | null>();
  const rightEdgeFor = (width: number): number | null => {
    if (!rightEdges.has(width)) rightEdges.set(width, commonRightEdge(rows, width));
    return rightEdges.get(width)!;
  };
  const readRow = (labelAt: number, cols: readonly string[], cellPath: (col: string) => string): { values: Figure[]; next: number; picked: Array<StreamCell | null> } => {
    const { slots, next } = gatherSlots(stream, labelAt, cols.length, isStop);
    const picked = pickSlots(slots, cols.length, rightEdgeFor(cols.length));
    const values = cols.map((col, k) => {
      const slot = picked[k] ?? null;
      // A figure needs no cell path (only blanks and unreadable cells name theirs).
      const v = slot !== null && slot.kind === 'value' ? slot.value : reader.read(slot, cellPath(col), stream[labelAt]!.line);
      if (v !== null) figures++;
      return v;
    });
    return { values, next, picked };
  };

  for (let i = 0; i < stream.length; i++) {
    const c = stream[i]!;
    if (c.kind !== 'label') continue;
    const m = matchActiveLabel(c.text);
    if (m.type === 'item') {
      columns = [];
      unit = null;
      headerOpen = true;
    } else if (m.type === 'column') {
      if (!headerOpen) columns = [];
      headerOpen = true;
      columns.push(...activeColumnsIn(c.text).map((k) => k.column));
      if (m.unit) unit = m.unit;
    } else if (m.type === 'row') {
      headerOpen = false;
      const def = ACTIVE_ROWS.find((r) => r.id === m.id)!;
      const fallback = labels2019 && !labels2021 ? def.columns2019 : def.columns2021.length > 0 ? def.columns2021 : def.columns2019;
      const filledAfter = (n: number): number => gatherSlots(stream, i, n, isStop).slots.filter((s) => s.kind !== 'empty').length;
      const cols = columnsForRow(columns, fallback, filledAfter);
      const { values, next, picked } = readRow(i, cols, (col) => `active.${m.id}.${col}`);
      const row: Record<string, Figure | string | null> = {};
      cols.forEach((col, k) => (row[col] = values[k] ?? null));
      // The unit is in the header (采购总金额（万元）) or, when the header has none, in the cell (251000元).
      if (m.id === 'procurement') row.unit = unit ?? unitInCell(picked[cols.indexOf('amount')]?.text);
      if (table[m.id as keyof ActiveTable]) {
        diagnostics.push(diagnostic('row-duplicate', 'warning', c.line, `table 2: row ${m.id} appears twice; the first was kept`, `表二：${m.id} 行重复出现，保留第一次`));
      } else {
        (table as Record<string, unknown>)[m.id] = row;
      }
      i = next - 1;
    } else if (m.type === 'none') {
      // A row a province added: kept under `extra` with its label, when figures follow it.
      const { slots } = gatherSlots(stream, i, Math.max(columns.length, 1), isStop);
      if (!slots.some((s) => s.kind === 'value' || s.kind === 'blank')) continue;
      headerOpen = false;
      const n = Math.max(columns.length, 1);
      const { values, next } = readRow(i, Array.from({ length: n }, (_, k) => columns[k] ?? String(k)), (col) => `active.extra.${col}`);
      (table.extra ??= []).push({ label: c.text, values, line: c.line });
      i = next - 1;
    }
  }
  if (figures === 0) return { table: null, figures, labels2019, labels2021, reader, diagnostics };
  const expected = ACTIVE_ROWS.filter((r) => (labels2019 && !labels2021 ? r.columns2019 : r.columns2021).length > 0);
  for (const def of expected) {
    if (table[def.id as keyof ActiveTable]) continue;
    diagnostics.push(diagnostic('row-missing', 'warning', headingLine, `table 2: row "${def.label}" (${def.id}) was not found`, `表二：未找到“${def.label}”行`));
  }
  return { table, figures, labels2019, labels2021, reader, diagnostics };
}
