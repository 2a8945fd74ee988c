// How an anomaly reads on screen: severity as symbol + colour (the symbol alone must carry it without colour),
// its message in the UI language, and the cells it names with their labels and values. All report text goes
// through sanitizeInline: a report could carry terminal escape sequences.
import { APPLICANT_COLUMN_LABELS, APPLICATION_ROWS, REVIEW_COLUMN_LABELS, REVIEW_GROUP_LABELS, getPath } from '../../parse/dictionary.js';
import type { Anomaly, ApplicantColumn, Report, ReviewColumn, ReviewGroupId, Severity } from '../../parse/model.js';
import { sanitizeInline } from '../../parse/sanitize.js';
import type { Theme } from '../theme.js';
import type { Lang } from '../i18n.js';

export function severityStyle(theme: Theme, severity: Severity): { symbol: string; color: string | undefined } {
  return { symbol: theme.symbols[severity], color: theme[severity] };
}

export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

export function anomalyMessage(anomaly: Anomaly, lang: Lang): string {
  return sanitizeInline(lang === 'zh' ? anomaly.messageZh || anomaly.message : anomaly.message || anomaly.messageZh);
}

/** A readable name for a cell path: table-3 and table-4 cells by their labels, anything else as its path. */
export function cellLabel(path: string, lang: Lang): string {
  const parts = path.split('.');
  if (parts[0] === 'applications' && parts.length >= 3) {
    const column = parts[parts.length - 1] as ApplicantColumn;
    const row = APPLICATION_ROWS.find((r) => r.id === parts.slice(1, -1).join('.'));
    const col = APPLICANT_COLUMN_LABELS[column];
    if (row && col) return lang === 'zh' ? `表三 ${row.short}·${col.short}` : `T3 ${row.id} · ${col.en}`;
  }
  if (parts[0] === 'reviews' && parts.length === 3) {
    const group = REVIEW_GROUP_LABELS[parts[1] as ReviewGroupId];
    const col = REVIEW_COLUMN_LABELS[parts[2] as ReviewColumn];
    if (group && col) return lang === 'zh' ? `表四 ${group.zh}·${col.zh}` : `T4 ${group.en} · ${col.en}`;
  }
  return sanitizeInline(path);
}

/** The value a cell holds in the report, for display: numbers and short text as they are, blank as —. */
export function cellValue(report: Report, path: string): string {
  const value = getPath(report, path);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return sanitizeInline(value);
  return '…';
}

export function reportHeading(report: Report, lang: Lang): string {
  const body = report.jurisdiction ?? (lang === 'zh' ? '（未识别机关）' : '(unknown body)');
  const year = report.year === null ? '' : ` ${report.year}`;
  return sanitizeInline(`${body}${year} · ${report.file}`);
}
