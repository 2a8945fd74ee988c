// Scripted runs (no explorer): load the folder, select, write one output. Imported by main.ts only for them, so the
// explorer's start does not load the output formats (or string-width, which builds a segmenter when imported).
import { promises as fs } from 'node:fs';
import { REPORT_EXTENSIONS } from '../load/discover.js';
import { loadFolder } from '../load/session.js';
import type { Thresholds } from '../parse/checks/thresholds.js';
import type { Report } from '../parse/model.js';
import { sanitizeInline } from '../parse/sanitize.js';
import type { Lang } from '../settings/registry.js';
import type { RunOptions } from './args.js';
import { ANSI_PAINT, CHECK_CSV_HEADER, NO_PAINT, anomalyRecords, checkBlock, checkCsvRows, failsOn, tally, tallyLine } from './check.js';
import { LONG_HEADER, csvLine, longRows, wideHeader, wideRow } from './csv.js';
import { fieldFilter, reportFilter, type SearchModule } from './select.js';
import type { Sink } from './sink.js';
import { computeStats, statsCsv, statsText } from './stats.js';
import { formatSummary } from './summary.js';

const BOM = '\uFEFF';

/** Writes the run's output to `sink`; `color`: ANSI colour in the check report. Returns the exit code. */
export async function produce(options: RunOptions, dir: string, thresholds: Thresholds, lang: Lang, color: boolean, sink: Sink): Promise<number> {
  const format = options.format ?? 'summary';
  const toFile = options.output !== null;
  const perReport = options.mode === 'reports' && (format === 'jsonl' || format === 'csv' || format === 'csv-wide');
  // --has-anomaly must see the cross-report anomalies (duplicate-report, missing-year…), which exist only once the
  // whole folder is loaded: then these outputs are written at the end, in folder order, instead of streamed.
  const streamed = perReport && options.selection.hasAnomaly === undefined;
  const searchModule: SearchModule | null = options.selection.query ? await import('../search/index.js') : null;
  const accept = reportFilter(options.selection, searchModule);
  const progress = progressLine(lang);

  if (options.mode === 'reports' && format === 'csv') await sink.write((toFile ? BOM : '') + csvLine(LONG_HEADER));
  if (options.mode === 'reports' && format === 'csv-wide') await sink.write((toFile ? BOM : '') + wideHeader());

  const line = (r: Report) => (format === 'jsonl' ? JSON.stringify(r) + '\n' : format === 'csv' ? longRows(r) : wideRow(r));
  let reports: Report[] = [];
  let problems = 0;
  for await (const event of loadFolder(dir, { thresholds, cache: options.cache })) {
    if (event.kind === 'problem') {
      problems++;
      progress.clear();
      // A file name is report-controlled text too (a name may hold an escape sequence).
      const message = lang === 'zh' ? event.problem.messageZh : event.problem.message;
      process.stderr.write(`xxgk: ${sanitizeInline(event.problem.file)}: ${sanitizeInline(message)}\n`);
    } else if (event.kind === 'progress') {
      progress.update(event.done);
    } else if (event.kind === 'report' && streamed && accept(event.report)) {
      await sink.write(line(event.report));
      if (sink.closed) break; // the reader is gone (| head): nothing more to do
    } else if (event.kind === 'done') {
      reports = event.corpus.reports;
    }
  }
  progress.clear();
  if (sink.closed) return 0;

  const selected = select(reports, options, searchModule);
  if (reports.length === 0) {
    process.stderr.write(await noReportsMessage(dir, problems, lang));
  } else if (selected.length === 0) {
    process.stderr.write(lang === 'zh' ? `xxgk: 没有符合条件的报告（共 ${reports.length} 份）\n` : `xxgk: no report matches the selection (of ${reports.length})\n`);
  }

  if (options.mode === 'stats') {
    const stats = computeStats(selected);
    if (format === 'json') await sink.write(JSON.stringify(stats, null, 2) + '\n');
    else if (format === 'csv') await sink.write((toFile ? BOM : '') + statsCsv(stats));
    else await sink.write(statsText(stats, lang));
  } else if (options.mode === 'check') {
    await writeCheck(selected, format, lang, color, toFile, sink);
  } else if (perReport && !streamed) {
    for (const r of reports) {
      if (!accept(r)) continue;
      await sink.write(line(r));
      if (sink.closed) break;
    }
  } else if (format === 'json') {
    await writeJsonArray(selected, sink);
  } else if (format === 'summary') {
    await sink.write(formatSummary(selected, lang));
  }

  if (selected.length === 0) return 1;
  if (options.failOnAnomalies && failsOn(selected, options.failOn)) return 1;
  return 0;
}

/** The selection over the finished corpus; with -q, ranked best first like the explorer's list. */
function select(reports: Report[], options: RunOptions, searchModule: SearchModule | null): Report[] {
  const byFields = reports.filter(fieldFilter(options.selection));
  const query = options.selection.query;
  return query && searchModule ? searchModule.search(searchModule.buildSearchIndex(byFields), query) : byFields;
}

async function writeJsonArray(reports: readonly Report[], sink: Sink): Promise<void> {
  // Element by element: ten thousand reports would make one string of hundreds of megabytes.
  await sink.write('[');
  for (let i = 0; i < reports.length && !sink.closed; i++) await sink.write((i === 0 ? '\n' : ',\n') + JSON.stringify(reports[i]));
  await sink.write(reports.length ? '\n]\n' : ']\n');
}

async function writeCheck(selected: Report[], format: string, lang: Lang, color: boolean, toFile: boolean, sink: Sink): Promise<void> {
  const summary = tallyLine(tally(selected), lang);
  if (format === 'json') {
    await sink.write(JSON.stringify(selected.flatMap(anomalyRecords), null, 2) + '\n');
    process.stderr.write(summary);
  } else if (format === 'jsonl') {
    for (const r of selected) for (const a of anomalyRecords(r)) await sink.write(JSON.stringify(a) + '\n');
    process.stderr.write(summary);
  } else if (format === 'csv' || format === 'csv-wide') {
    await sink.write((toFile ? BOM : '') + csvLine(CHECK_CSV_HEADER));
    for (const r of selected) await sink.write(checkCsvRows(r));
    process.stderr.write(summary);
  } else {
    const paint = color ? ANSI_PAINT : NO_PAINT;
    const blocks = selected.map((r) => checkBlock(r, lang, paint)).filter((b) => b.length > 0);
    await sink.write(blocks.join('\n') + (blocks.length ? '\n' : '') + summary);
  }
}


async function noReportsMessage(dir: string, problems: number, lang: Lang): Promise<string> {
  const entries = await fs.readdir(dir).catch(() => []);
  const zh = lang === 'zh';
  if (entries.length === 0) return zh ? `xxgk: 文件夹是空的：${dir}\n` : `xxgk: the folder is empty: ${dir}\n`;
  if (problems > 0) return zh ? `xxgk: ${dir} 中的报告都无法读取\n` : `xxgk: no report in ${dir} could be read\n`;
  const kinds = [...REPORT_EXTENSIONS].join(' ');
  return zh ? `xxgk: ${dir} 中没有报告文件（${kinds}）\n` : `xxgk: no report files (${kinds}) in ${dir}\n`;
}


/** A "reading N files…" line on stderr when it is a terminal, redrawn at most a few times a second. */
function progressLine(lang: Lang): { update: (done: number) => void; clear: () => void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update(done) {
      const now = Date.now();
      if (!tty || now - last < 150) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${lang === 'zh' ? `正在读取… ${done} 个文件` : `reading… ${done} files`}\u001b[K`);
    },
    clear() {
      if (shown) process.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}
