// --check: anomalies grouped by report, in the user's language, with a one-line tally at the end.
import type { Anomaly, Report, Severity } from '../parse/model.js';
import { sanitizeInline } from '../parse/sanitize.js';
import type { Lang } from '../settings/settings.js';
import { csvLine } from './csv.js';
import { atOrAbove } from './select.js';

export interface Paint {
  error: (s: string) => string;
  warning: (s: string) => string;
  info: (s: string) => string;
  bold: (s: string) => string;
  dim: (s: string) => string;
}

const plain = (s: string) => s;
export const NO_PAINT: Paint = { error: plain, warning: plain, info: plain, bold: plain, dim: plain };
const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const ANSI_PAINT: Paint = { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(34, 39), bold: sgr(1, 22), dim: sgr(2, 22) };

const SEVERITY_WORDS: Record<Severity, { zh: string; en: string; symbol: string }> = {
  error: { zh: '错误', en: 'error', symbol: '✖' },
  warning: { zh: '警告', en: 'warning', symbol: '▲' },
  info: { zh: '提示', en: 'info', symbol: '●' },
};

export function reportHeading(r: Report, lang: Lang): string {
  const name = sanitizeInline(r.jurisdiction ?? (lang === 'zh' ? '(未识别机关)' : '(body not recognised)'));
  return `${name} ${r.year ?? '----'}  ${sanitizeInline(r.file)}`;
}

export function anomalyLine(a: Anomaly, lang: Lang, paint: Paint): string {
  const word = SEVERITY_WORDS[a.severity];
  const label = paint[a.severity](`${word.symbol} ${(lang === 'zh' ? word.zh : word.en).padEnd(lang === 'zh' ? 2 : 7)}`);
  const where = a.line ? paint.dim(` (${lang === 'zh' ? '第' + a.line + '行' : 'line ' + a.line})`) : '';
  return `  ${label} ${a.id}: ${sanitizeInline(lang === 'zh' ? a.messageZh : a.message)}${where}`;
}

/** The text for one report, or '' when it has no anomalies to show. */
export function checkBlock(r: Report, lang: Lang, paint: Paint): string {
  if (r.anomalies.length === 0) return '';
  const lines = [paint.bold(reportHeading(r, lang)), ...sortAnomalies(r.anomalies).map((a) => anomalyLine(a, lang, paint))];
  return lines.join('\n') + '\n';
}

export function sortAnomalies(anomalies: readonly Anomaly[]): Anomaly[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...anomalies].sort((a, b) => rank[a.severity] - rank[b.severity] || (a.line ?? 0) - (b.line ?? 0));
}

export interface Tally {
  reports: number;
  withAnomalies: number;
  error: number;
  warning: number;
  info: number;
}

export function tally(reports: readonly Report[]): Tally {
  const t: Tally = { reports: reports.length, withAnomalies: 0, error: 0, warning: 0, info: 0 };
  for (const r of reports) {
    if (r.anomalies.length > 0) t.withAnomalies++;
    for (const a of r.anomalies) t[a.severity]++;
  }
  return t;
}

export function tallyLine(t: Tally, lang: Lang): string {
  return lang === 'zh'
    ? `共检查 ${t.reports} 份报告：${t.error} 个错误，${t.warning} 个警告，${t.info} 个提示，涉及 ${t.withAnomalies} 份报告\n`
    : `${plural(t.reports, 'report')} checked: ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info in ${plural(t.withAnomalies, 'report')}\n`;
}

/** "1 report", "2 reports". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function failsOn(reports: readonly Report[], threshold: Severity): boolean {
  return reports.some((r) => r.anomalies.some((a) => atOrAbove(a.severity, threshold)));
}

/** --check --json / --jsonl: one flat object per anomaly, with the report it belongs to. */
export function anomalyRecords(r: Report): Array<Record<string, unknown>> {
  return sortAnomalies(r.anomalies).map((a) => ({ file: r.file, jurisdiction: r.jurisdiction, year: r.year, ...a }));
}

export const CHECK_CSV_HEADER = ['file', 'jurisdiction', 'year', 'id', 'severity', 'message', 'messageZh', 'cells', 'line'] as const;

export function checkCsvRows(r: Report): string {
  return sortAnomalies(r.anomalies)
    .map((a) => csvLine([r.file, r.jurisdiction, r.year, a.id, a.severity, a.message, a.messageZh, a.cells.join(' '), a.line ?? null]))
    .join('');
}
