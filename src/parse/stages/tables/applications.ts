// Table 3 — 收到和处理政府信息公开申请情况: 25 rows × 7 applicant columns (8 with a 小计 column, dropped).
import { diagnostic } from '../../diagnostics.js';
import { APPLICATION_ROWS, emptyApplicationTable, setPath, type OutcomeGroup } from '../../dictionary.js';
import { APPLICANT_COLUMNS, type ApplicationRow, type ApplicationTable, type Diagnostic, type Figure } from '../../model.js';
import { matchApplicationLabel } from './labels.js';
import type { Row } from './rows.js';
import { commonRightEdge, FigureReader, gatherSlots, gridRightEdge, pickSlots, toStream, type StreamCell } from './values.js';

export interface ApplicationsResult {
  table: ApplicationTable | null;
  /** Figures read (blanks excluded). */
  figures: number;
  otherHasSubRows: boolean | null;
  reader: FigureReader;
  diagnostics: Diagnostic[];
}

const HEADER_ORDER: ReadonlyArray<[string, string]> = [
  ['商业企业', 'commercial'],
  ['小计', 'subtotal'],
];

/** Where the 小计 column sits among the 8 figures, or null when the table has 7 columns. */
export function subtotalIndex(stream: readonly StreamCell[]): number | null {
  const header: string[] = [];
  for (const c of stream) {
    if (c.kind !== 'label') continue;
    const m = matchApplicationLabel(c.text, null);
    if (m.type === 'row') break;
    // A flattened header glues its labels into one cell: every applicant word in it counts, in order.
    const words = HEADER_ORDER.map(([w, col]) => ({ col, at: c.text.indexOf(w) })).filter((x) => x.at >= 0);
    header.push(...words.sort((a, b) => a.at - b.at).map((x) => x.col));
  }
  const sub = header.indexOf('subtotal');
  if (sub === -1) return null;
  // 小计 before the five organisation columns (rare) or after them (usual).
  const commercial = header.indexOf('commercial');
  return commercial !== -1 && sub < commercial ? 1 : 6;
}

/** Drops the 小计 figure; when the header did not say where it is, the arithmetic does. */
function dropSubtotal<T>(cells: T[], at: number | null, valueOf: (c: T) => Figure): T[] {
  if (cells.length !== 8) return cells;
  const v = cells.map(valueOf);
  const sum = (xs: Figure[]): number => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  let idx = at ?? 6;
  if (at === null && v[1] !== null && sum(v.slice(2, 7)) === v[1]) idx = 1;
  return cells.filter((_, k) => k !== idx);
}

/** Whether the next row label after (六)其他处理 is one of its 2021 sub-rows (1.申请人无正当理由… / 3.其他). */
function subRowFollows(stream: readonly StreamCell[], at: number): boolean {
  for (let k = at + 1; k < stream.length; k++) {
    const c = stream[k]!;
    if (c.kind !== 'label') continue;
    const m = matchApplicationLabel(c.text, 'other');
    if (m.type === 'row') return m.id.startsWith('other.');
    if (m.type === 'group') return false;
  }
  return false;
}

/**
 * A table that left out its 总计 column altogether (every row six figures, the five organisations and the
 * natural person, placed by column; totals null) gets one diagnostic instead of a row-short per row. Rows short
 * of figures in a table that has its totals are each reported.
 */
export function totalColumnVerdict(sixWithoutTotal: readonly Diagnostic[], rowsWithTotal: number, headingLine: number): Diagnostic[] {
  if (rowsWithTotal > 0 || sixWithoutTotal.length < 3) return [...sixWithoutTotal];
  return [
    diagnostic(
      'column-missing',
      'warning',
      headingLine,
      `table 3 has no 总计 (total) column: ${sixWithoutTotal.length} rows have six figures; totals are left empty`,
      `表三缺少“总计”列：${sixWithoutTotal.length} 行只有 6 个数字，总计留空`,
    ),
  ];
}

export function readApplications(rows: readonly Row[], headingLine: number): ApplicationsResult {
  const stream = toStream(rows);
  const reader = new FigureReader();
  const diagnostics: Diagnostic[] = [];
  const table = emptyApplicationTable() as unknown as Record<string, unknown>;
  const seen = new Set<string>();
  const sub = subtotalIndex(stream);
  const width = sub === null ? 7 : 8;
  const rightEdge = commonRightEdge(rows, width) ?? gridRightEdge(rows, width);
  let group: OutcomeGroup | 'outcome' | null = null;
  let otherHasSubRows: boolean | null = null;
  let figures = 0;

  const sixWithoutTotal: Diagnostic[] = [];
  let rowsWithTotal = 0;

  const isStop = (c: StreamCell): boolean => matchApplicationLabel(c.text, group).type !== 'none';

  const assign = (id: string, labelAt: number): number => {
    const { slots, next } = gatherSlots(stream, labelAt, width, isStop);
    const filledCount = slots.filter((s) => s.kind !== 'empty').length;
    let picked = pickSlots(slots, width, rightEdge);
    if (width === 8) picked = dropSubtotal(picked, sub, (c) => c?.value ?? null);
    else if (filledCount === 8 && slots.length >= 8) {
      // A 小计 column the header did not announce: 8 figures where the arithmetic says one is a subtotal.
      const eight = pickSlots(slots, 8, null);
      const v = eight.map((c) => c?.value ?? null);
      const five = v.slice(1, 6).reduce<number>((a, b) => a + (b ?? 0), 0);
      if (v[6] === five && v[7] === (v[0] ?? 0) + five) picked = dropSubtotal(eight, 6, (c) => c?.value ?? null);
      else diagnostics.push(diagnostic('row-extra', 'warning', stream[labelAt]!.line, `row ${id} has 8 figures, expected 7; the first 7 were read`, `${id} 行有 8 个数字（应为 7 个），已取前 7 个`));
    }
    const label = stream[labelAt]!;
    if (seen.has(id)) {
      diagnostics.push(diagnostic('row-duplicate', 'warning', label.line, `row ${id} appears twice; the first was kept`, `${id} 行重复出现，保留第一次`));
      return next;
    }
    const hasAny = picked.some((p) => p !== null);
    if (!hasAny) return next;
    seen.add(id);
    if (picked.filter((p) => p !== null).length < 7) {
      const short = diagnostic('row-short', 'warning', label.line, `row ${id} has fewer than 7 figures`, `${id} 行不足 7 个数字`);
      // Six figures and no cell at all for the seventh: maybe a table without its 总计 column (decided below).
      if (filledCount === 6 && picked[6] === null) sixWithoutTotal.push(short);
      else diagnostics.push(short);
    } else rowsWithTotal++;
    const row: Record<string, Figure> = {};
    APPLICANT_COLUMNS.forEach((col, k) => {
      const slot = picked[k] ?? null;
      // A figure needs no cell path (only blanks and unreadable cells name theirs).
      const figure = slot !== null && slot.kind === 'value' ? slot.value : reader.read(slot, `applications.${id}.${col}`, label.line);
      if (figure !== null) figures++;
      row[col] = figure;
    });
    setPath(table, id, row as unknown as ApplicationRow);
    return next;
  };

  for (let i = 0; i < stream.length; i++) {
    const c = stream[i]!;
    if (c.kind !== 'label') continue;
    const m = matchApplicationLabel(c.text, group);
    if (m.type === 'row') {
      const def = APPLICATION_ROWS.find((r) => r.id === m.id);
      group = def?.group ?? (m.id === 'outcomeTotal' || m.id === 'carriedForward' ? null : group);
      if (m.id.startsWith('other.') && m.id !== 'other.other') otherHasSubRows = true;
      i = assign(m.id, i) - 1;
    } else if (m.type === 'group') {
      group = m.group;
      if (m.group === 'other') {
        // 2019 format: (六)其他处理 is itself the data row, its figures follow at once.
        const { slots } = gatherSlots(stream, i, width, isStop);
        if (slots.some((s) => s.kind !== 'empty') || (slots.length > 0 && c.structured && !subRowFollows(stream, i))) {
          // A grid row of empty cells is the same single row, left blank.
          otherHasSubRows = false;
          i = assign('other.other', i) - 1;
        }
      }
    } else if (m.type === 'column' && m.column === 'total' && group !== null && group !== 'outcome' && !seen.has('outcomeTotal')) {
      // `总计` that lost its (七) but has figures after it, below the outcome rows.
      const { slots } = gatherSlots(stream, i, width, isStop);
      if (slots.some((s) => s.kind === 'value')) i = assign('outcomeTotal', i) - 1;
    }
  }
  if (otherHasSubRows === null && seen.has('other.other')) otherHasSubRows = true;
  diagnostics.push(...totalColumnVerdict(sixWithoutTotal, rowsWithTotal, headingLine));

  if (figures === 0) return { table: null, figures, otherHasSubRows, reader, diagnostics };
  for (const def of APPLICATION_ROWS) {
    if (seen.has(def.id)) continue;
    if (otherHasSubRows === false && (def.id === 'other.noCorrection' || def.id === 'other.noFee')) continue;
    diagnostics.push(
      diagnostic('row-missing', 'warning', headingLine, `table 3: row "${def.label}" (${def.id}) was not found`, `表三：未找到“${def.label}”行`),
    );
  }
  return { table: table as unknown as ApplicationTable, figures, otherHasSubRows, reader, diagnostics };
}
