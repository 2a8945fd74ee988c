// The plain table printed by --summary, and by default when stdout is not a terminal.
import type { Report } from '../parse/model.js';
import { sanitizeInline } from '../parse/sanitize.js';
import type { Lang } from '../settings/settings.js';
import { table } from './stats.js';

export function summaryHeader(lang: Lang): string[] {
  return lang === 'zh'
    ? ['机关', '年度', '格式', '新收', '办结', '结转', '错误', '警告', '提示', '文件']
    : ['Body', 'Year', 'Format', 'New', 'Done', 'Forward', 'Errors', 'Warnings', 'Info', 'File'];
}

export function summaryCells(r: Report, lang: Lang): string[] {
  const apps = r.applications;
  const fig = (v: number | null | undefined) => (v === null || v === undefined ? '-' : String(v));
  const count = (s: string) => String(r.anomalies.filter((a) => a.severity === s).length);
  return [
    sanitizeInline(r.jurisdiction ?? (lang === 'zh' ? '(未识别)' : '(unknown)')),
    r.year === null ? '-' : String(r.year),
    r.format ?? '-',
    fig(apps?.newReceived.total),
    fig(apps?.outcomeTotal.total),
    fig(apps?.carriedForward.total),
    count('error'),
    count('warning'),
    count('info'),
    sanitizeInline(r.file),
  ];
}

export function formatSummary(reports: readonly Report[], lang: Lang = 'en'): string {
  if (reports.length === 0) return '';
  return table([summaryHeader(lang), ...reports.map((r) => summaryCells(r, lang))]);
}
