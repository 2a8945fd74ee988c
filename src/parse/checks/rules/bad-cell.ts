// A count that is not a non-negative integer, or an amount that is not a number. 2019 `delta` may be negative.
import { APPLICATION_ROWS, applicationRow } from '../../dictionary.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, type ApplicationRow, type Figure, type Report } from '../../model.js';
import { readRowFigures } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

interface Cell {
  path: string;
  value: unknown;
  kind: 'count' | 'signedCount' | 'amount';
}

/** Every figure of tables 2-4 with the kind of number it must be. */
export function figureCells(report: Report): Cell[] {
  const cells: Cell[] = [];
  const t = report.applications;
  if (t) {
    for (const def of APPLICATION_ROWS) {
      const row = applicationRow(t, def.id);
      for (const c of APPLICANT_COLUMNS) cells.push({ path: `applications.${def.id}.${c}`, value: row[c], kind: 'count' });
    }
  }
  if (report.reviews) {
    for (const g of REVIEW_GROUPS) for (const c of REVIEW_COLUMNS) cells.push({ path: `reviews.${g}.${c}`, value: report.reviews[g][c], kind: 'count' });
  }
  const a = report.active;
  if (a) {
    for (const [rowId, row] of Object.entries(a)) {
      if (rowId === 'extra' || row === null || typeof row !== 'object') continue;
      for (const [col, value] of Object.entries(row as Record<string, unknown>)) {
        if (col === 'unit') continue;
        cells.push({ path: `active.${rowId}.${col}`, value, kind: activeKind(col) });
      }
    }
  }
  return cells;
}

function problem(v: unknown, kind: Cell['kind']): { en: string; zh: string } | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) return { en: 'is not a number', zh: '不是数字' };
  if (kind === 'amount') return v < 0 ? { en: 'is a negative amount', zh: '金额为负数' } : null;
  if (!Number.isInteger(v)) return { en: 'is not a whole number', zh: '不是整数' };
  if (kind === 'count' && v < 0) return { en: 'is a negative count', zh: '件数为负数' };
  return null;
}

// Loops rather than Object.values and rest spreads: this pass runs over every figure of every report.
function suspect(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isInteger(v) || v < 0;
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return true;
  if (typeof v === 'object') {
    for (const key in v) if (Object.hasOwn(v, key) && suspect((v as Record<string, unknown>)[key])) return true;
    return false;
  }
  return true;
}

function amountOk(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
}

/** Any figure that is fractional, negative or not a number (a superset of the problems: the slow pass decides). */
function hasSuspectValue(report: Report): boolean {
  if (suspect(report.applications) || suspect(report.reviews)) return true;
  const active = report.active as Record<string, unknown> | null | undefined;
  if (active === null || active === undefined) return false;
  for (const key in active) {
    if (!Object.hasOwn(active, key) || key === 'extra' || key === 'procurement') continue;
    if (suspect(active[key])) return true;
  }
  const procurement = report.active?.procurement;
  return !amountOk(procurement?.amount) || suspect(procurement?.items ?? null);
}

const ROW_READERS = APPLICATION_ROWS.map((def) => rowReaderOrNull(def.id));

function rowReaderOrNull(id: string): (t: object) => Record<string, unknown> | null {
  const parts = id.split('.');
  return (t) => {
    let cur: unknown = t;
    for (const part of parts) cur = cur === null || typeof cur !== 'object' ? undefined : (cur as Record<string, unknown>)[part];
    return cur ? (cur as Record<string, unknown>) : null;
  };
}

function activeKind(col: string): Cell['kind'] {
  return col === 'delta' ? 'signedCount' : col === 'amount' ? 'amount' : 'count';
}

/**
 * Whether the slow pass could find anything: true when some cell of figureCells has a problem, or when a row the
 * slow pass reads is missing (the slow pass then fails as before). Exact and without building any cell path — a
 * fractional 万元 amount, common and fine, no longer sends a report down the slow pass.
 */
function mayHaveProblem(report: Report): boolean {
  const t = report.applications;
  if (t) {
    const figures: Figure[] = [];
    for (const read of ROW_READERS) {
      const row = read(t);
      if (row === null) return true;
      readRowFigures(row as unknown as ApplicationRow, figures);
      for (let i = 0; i < figures.length; i++) if (problem(figures[i], 'count')) return true;
    }
  }
  const reviews = report.reviews as Record<string, Record<string, unknown> | null | undefined> | null;
  if (reviews) {
    for (const g of REVIEW_GROUPS) {
      const group = reviews[g];
      if (group === null || group === undefined) return true;
      for (const c of REVIEW_COLUMNS) if (problem(group[c], 'count')) return true;
    }
  }
  const a = report.active as Record<string, unknown> | null;
  if (a) {
    for (const rowId in a) {
      const row = a[rowId];
      if (!Object.hasOwn(a, rowId) || rowId === 'extra' || row === null || typeof row !== 'object') continue;
      for (const col in row) {
        if (!Object.hasOwn(row, col) || col === 'unit') continue;
        if (problem((row as Record<string, unknown>)[col], activeKind(col))) return true;
      }
    }
  }
  return false;
}

export const rule: ReportRule = {
  id: 'bad-cell',
  severity: 'error',
  group: 'arithmetic',
  scope: 'report',
  description: 'A count that is not a non-negative integer, or an amount that is not a number (2019 delta may be negative)',
  descriptionZh: '件数不是非负整数，或金额不是数字（2019 格式的“本年增/减”可为负数）',
  check(report) {
    const findings: Finding[] = [];
    // Most reports are clean: a quick pass over the raw values avoids building ~200 cell paths per report.
    // The exact scan first (cheap, allocation-free); the older quick pass still decides as it always did.
    if (!mayHaveProblem(report) || !hasSuspectValue(report)) return findings;
    for (const cell of figureCells(report)) {
      const p = problem(cell.value, cell.kind);
      if (!p) continue;
      findings.push({
        message: `${cell.path} = ${String(cell.value)} ${p.en}`,
        messageZh: `${cell.path} = ${String(cell.value)}：${p.zh}`,
        cells: [cell.path],
      });
    }
    return findings;
  },
};
