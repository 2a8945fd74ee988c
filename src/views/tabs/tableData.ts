// Report → the rows of tables 2, 3 and 4 as the Table component shows them, with the cells anomalies name.
// Also the reverse: a figure's path → the tab, row and column where it is shown (for jumps).
import {
  ACTIVE_COLUMN_LABELS,
  ACTIVE_ROWS,
  APPLICANT_COLUMN_LABELS,
  APPLICATION_ROWS,
  OUTCOME_GROUP_LABELS,
  REVIEW_COLUMN_LABELS,
  REVIEW_GROUP_LABELS,
  getPath,
  type OutcomeGroup,
  type RowDef,
} from '../../parse/dictionary.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, type Figure, type Report } from '../../parse/model.js';
import type { Lang } from '../../settings/settings.js';
import { clean } from '../components/text.js';
import type { TableCell, TableColumn, TableRow } from '../components/tableLayout.js';
import type { TabId } from '../state/navigation.js';

export interface TableData {
  labelHeader: string;
  columns: TableColumn[];
  rows: TableRow[];
}

export const NULL_MARK = '—';

/** Every path an anomaly of the report names. */
export function anomalyPaths(report: Report): Set<string> {
  return new Set(report.anomalies.flatMap((a) => a.cells));
}

function blankTokens(report: Report): Map<string, string> {
  return new Map(report.blankCells.map((b) => [b.cell, clean(b.token)]));
}

function figureCell(value: Figure | undefined, path: string, marks: { highlighted: Set<string>; blanks: Map<string, string> }): TableCell {
  const highlight = isNamed(path, marks.highlighted);
  if (typeof value === 'number') return { text: String(value), kind: 'number', highlight, path };
  const token = marks.blanks.get(path);
  if (token !== undefined && token !== '') return { text: token, kind: 'blank', highlight, path };
  return { text: NULL_MARK, kind: 'null', highlight, path };
}

/** A cell is named by its own path or by its row's (an anomaly about a whole row). */
function isNamed(path: string, highlighted: Set<string>): boolean {
  if (highlighted.has(path)) return true;
  const row = path.slice(0, path.lastIndexOf('.'));
  return highlighted.has(row);
}

// ── Table 3 ──

const INDENTED = /^(denied|unavailable|notProcessed|other)\./;

/** The official numbering of the outcome groups that have numbered sub-rows (三、本年度办理结果 （三）…（六）). */
const GROUP_NUMERALS: Partial<Record<OutcomeGroup, string>> = { denied: '（三）', unavailable: '（四）', notProcessed: '（五）', other: '（六）' };

/**
 * A sub-row's full label restarts its numbering (1.属于国家秘密, 1.本机关不掌握…), so on its own it does not say
 * which group it belongs to. Each one carries its group (（三）不予公开·1.属于国家秘密), indented under the
 * groups without sub-rows: a heading row instead would shift the row numbers jumps and the cursor rely on.
 */
function fullLabel(def: RowDef): string {
  const numeral = def.group ? GROUP_NUMERALS[def.group] : undefined;
  if (!def.group || !numeral || !INDENTED.test(def.id)) return def.label;
  return `  ${numeral}${OUTCOME_GROUP_LABELS[def.group].zh}·${def.label}`;
}

export function applicationsTable(report: Report, lang: Lang, fullLabels: boolean): TableData {
  const marks = { highlighted: anomalyPaths(report), blanks: blankTokens(report) };
  const columns = APPLICANT_COLUMNS.map((c) => ({ header: lang === 'zh' ? APPLICANT_COLUMN_LABELS[c].short : APPLICANT_COLUMN_LABELS[c].en, align: 'right' as const }));
  const rows = APPLICATION_ROWS.map((def) => {
    const rowPath = `applications.${def.id}`;
    const values = report.applications ? (getPath(report.applications, def.id) as Record<string, Figure> | undefined) : undefined;
    const label = fullLabels ? fullLabel(def) : (INDENTED.test(def.id) ? '  ' : '') + def.short;
    return {
      key: def.id,
      label,
      highlight: marks.highlighted.has(rowPath),
      cells: APPLICANT_COLUMNS.map((c) => figureCell(values?.[c], `${rowPath}.${c}`, marks)),
    };
  });
  return { labelHeader: lang === 'zh' ? '项目' : 'Row', columns, rows };
}

// ── Table 4 ──

export function reviewsTable(report: Report, lang: Lang): TableData {
  const marks = { highlighted: anomalyPaths(report), blanks: blankTokens(report) };
  const columns = REVIEW_COLUMNS.map((c) => ({ header: REVIEW_COLUMN_LABELS[c][lang], align: 'right' as const }));
  const rows = REVIEW_GROUPS.map((g) => ({
    key: g,
    label: REVIEW_GROUP_LABELS[g][lang],
    highlight: marks.highlighted.has(`reviews.${g}`),
    cells: REVIEW_COLUMNS.map((c) => figureCell(report.reviews?.[g][c], `reviews.${g}.${c}`, marks)),
  }));
  return { labelHeader: lang === 'zh' ? '类别' : 'Kind', columns, rows };
}

// ── Table 2 ── One line per figure (row · column · value): the two formats have different column sets,
// and a long list reads at any width.

export function activeTable(report: Report, lang: Lang): TableData {
  const marks = { highlighted: anomalyPaths(report), blanks: blankTokens(report) };
  const rows: TableRow[] = [];
  const active = report.active;
  for (const def of ACTIVE_ROWS) {
    const values = active?.[def.id as keyof typeof active] as Record<string, unknown> | undefined;
    const expected = report.format === '2019' ? def.columns2019 : def.columns2021;
    const present = values ? Object.keys(values).filter((k) => k !== 'unit') : [];
    const columns = [...expected, ...present.filter((k) => !expected.includes(k))];
    columns.forEach((column, i) => {
      const path = `active.${def.id}.${column}`;
      const unit = column === 'amount' && typeof values?.unit === 'string' ? ` (${clean(values.unit)})` : '';
      rows.push({
        key: path,
        label: i === 0 ? def.label : '',
        highlight: marks.highlighted.has(`active.${def.id}`),
        cells: [
          { text: (ACTIVE_COLUMN_LABELS[column]?.[lang] ?? column) + unit, kind: 'text' },
          figureCell(values?.[column] as Figure | undefined, path, marks),
        ],
      });
    });
  }
  for (const [i, extra] of (active?.extra ?? []).entries()) {
    rows.push({
      key: `extra.${i}`,
      label: clean(extra.label),
      cells: [{ text: lang === 'zh' ? '（附加行）' : '(extra row)', kind: 'text' }, { text: extra.values.map((v) => (v === null ? NULL_MARK : String(v))).join(' '), kind: 'text' }],
    });
  }
  const columns: TableColumn[] = [
    { header: lang === 'zh' ? '指标' : 'Figure', align: 'left' },
    { header: lang === 'zh' ? '数值' : 'Value', align: 'right' },
  ];
  return { labelHeader: lang === 'zh' ? '项目' : 'Item', columns, rows };
}

// ── Jumps ──

export interface CellLocation {
  tab: TabId;
  row: number;
  col: number;
}

/** Where the figure at `path` is shown; for a path that is not a table figure (`publishedAt`), the overview. */
export function locateCell(report: Report, path: string): CellLocation {
  const tables: Array<[TabId, TableData]> = [
    ['applications', applicationsTable(report, 'en', false)],
    ['reviews', reviewsTable(report, 'en')],
    ['active', activeTable(report, 'en')],
  ];
  for (const [tab, data] of tables) {
    for (const [row, r] of data.rows.entries()) {
      const col = r.cells.findIndex((c) => c.path === path);
      if (col >= 0) return { tab, row, col };
    }
    // A path naming a whole row.
    const row = data.rows.findIndex((r) => r.cells.some((c) => c.path?.startsWith(path + '.')));
    if (row >= 0) return { tab, row, col: -1 };
  }
  return { tab: 'overview', row: 0, col: 0 };
}
