// The plain one-line-per-report summary printed when stdout is not a TTY (and by --summary).
import { sanitizeInline } from '../parse/sanitize.js';
import type { Report } from '../parse/model.js';

export function formatSummary(reports: readonly Report[]): string {
  const lines = reports.map((r) => {
    const apps = r.applications;
    const requests = apps ? `新收 ${apps.newReceived.total ?? '-'} 结转 ${apps.carriedForward.total ?? '-'}` : '无表三';
    return [
      sanitizeInline(r.jurisdiction ?? '(未识别)'),
      r.year ?? '----',
      r.format ?? '?',
      requests,
      `anomalies ${r.anomalies.length}`,
      r.file,
    ].join('\t');
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}
