// Is this parsed file an annual report at all? Folders hold notices, spreadsheets and other documents beside the
// reports; they parse without error but to nothing, and listing them as reports would only confuse.
import type { Report } from '../model.js';

// Simplified and Traditional forms, since the report keeps the original script in titles and sentences.
const DISCLOSURE = /政府(?:信息|資訊|资讯)公[开開]|政府信息公[开開]/;
const ANNUAL_REPORT = /年度?[报報]告|年[报報]/;
// The statutory section headings of the 2019/2021 formats and the legacy (pre-2019) ones.
const HEADINGS =
  /(?:总体|總體)情[况況]|主[动動]公[开開]政府信息|收到和[处處]理政府信息公[开開]申[请請]|行政复[议議]、?行政[诉訴][讼訟]|存在的主要[问問][题題]|依申[请請]公[开開](?:情[况況]|工作)|[收]?[费費][及和]减免/g;

/**
 * A report has sections or tables, or at least speaks of itself as one: 政府信息公开 together with 年度报告, or
 * two of the statutory section headings. `text` (the extracted text) is consulted when the model holds no
 * sections yet, e.g. for a prose-only report.
 */
export function looksLikeReport(report: Report, text = ''): boolean {
  if (report.sections.length > 0) return true;
  if (report.active !== null || report.applications !== null || report.reviews !== null) return true;
  const own = [report.title ?? '', ...report.narrativeMentions.map((m) => m.text)].join('\n');
  const sample = `${own}\n${text.length > 200000 ? text.slice(0, 200000) : text}`;
  if (DISCLOSURE.test(sample) && ANNUAL_REPORT.test(sample)) return true;
  return new Set(sample.match(HEADINGS) ?? []).size >= 2;
}
