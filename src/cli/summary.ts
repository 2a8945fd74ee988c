// The plain table printed by --summary, and by default when stdout is not a terminal.
import { storedCorpusFacts } from '../load/lazy-report.js';
import { corpusFacts } from '../parse/checks/corpus-facts.js';
import { APPLICANT_COLUMNS, type Figure, type Report } from '../parse/model.js';
import { sanitizeInline } from '../parse/sanitize.js';
import type { Lang } from '../settings/settings.js';
import { table } from './stats.js';

export function summaryHeader(lang: Lang): string[] {
  return lang === 'zh'
    ? ['机关', '年度', '格式', '新收', '办结', '结转', '错误', '警告', '提示', '文件']
    : ['Body', 'Year', 'Format', 'New', 'Done', 'Forward', 'Errors', 'Warnings', 'Info', 'File'];
}

const TOTAL = APPLICANT_COLUMNS.indexOf('total');

/**
 * Table 3's three totals the summary shows, from the report's corpus facts as the cross-report checks read them: a
 * report from the cache keeps them beside its deflated detail (load/lazy-report.ts), so a summary of 10,000 cached
 * reports inflates none of them (~2.2 s -> ~0.7 s: most of it was inflating and parsing details for three figures
 * each); any other report gives them from its tables.
 */
function applicationTotals(r: Report): { newReceived: Figure; outcomeTotal: Figure; carriedForward: Figure } | null {
  const a = (storedCorpusFacts(r) ?? corpusFacts(r)).applications;
  return a && { newReceived: a.newReceivedTotal, outcomeTotal: a.outcomeTotalTotal, carriedForward: a.carriedForward[TOTAL] ?? null };
}

export function summaryCells(r: Report, lang: Lang): string[] {
  const totals = applicationTotals(r);
  const fig = (v: number | null | undefined) => (v === null || v === undefined ? '-' : String(v));
  const count = (s: string) => String(r.anomalies.filter((a) => a.severity === s).length);
  return [
    sanitizeInline(r.jurisdiction ?? (lang === 'zh' ? '(未识别)' : '(unknown)')),
    r.year === null ? '-' : String(r.year),
    r.format ?? '-',
    fig(totals?.newReceived),
    fig(totals?.outcomeTotal),
    fig(totals?.carriedForward),
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
