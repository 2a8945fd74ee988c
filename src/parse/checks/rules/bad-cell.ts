// A count that is not a non-negative integer, or an amount that is not a number. 2019 `delta` may be negative.
import { APPLICATION_ROWS, applicationRow } from '../../dictionary.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, type Report } from '../../model.js';
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
        const kind = col === 'delta' ? 'signedCount' : col === 'amount' ? 'amount' : 'count';
        cells.push({ path: `active.${rowId}.${col}`, value, kind });
      }
    }
  }
  return cells;
}

function problem(cell: Cell): { en: string; zh: string } | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) return { en: 'is not a number', zh: '不是数字' };
  if (cell.kind === 'amount') return v < 0 ? { en: 'is a negative amount', zh: '金额为负数' } : null;
  if (!Number.isInteger(v)) return { en: 'is not a whole number', zh: '不是整数' };
  if (cell.kind === 'count' && v < 0) return { en: 'is a negative count', zh: '件数为负数' };
  return null;
}

function suspect(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isInteger(v) || v < 0;
  if (v === null || v === undefined || typeof v === 'string') return v !== null && v !== undefined;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).some(suspect);
  return true;
}

/** Any figure that is fractional, negative or not a number (a superset of the problems: the slow pass decides). */
function hasSuspectValue(report: Report): boolean {
  const { extra: _extra, procurement, ...active } = report.active ?? {};
  const amountOk = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
  return suspect(report.applications) || suspect(report.reviews) || suspect(active) || !amountOk(procurement?.amount) || suspect(procurement?.items ?? null);
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
    if (!hasSuspectValue(report)) return findings;
    for (const cell of figureCells(report)) {
      const p = problem(cell);
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
