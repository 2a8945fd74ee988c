#!/usr/bin/env node
// Entry point: flags → load → select → one output. Data goes to stdout, messages to stderr, never a stack trace.
// Ink and React are imported only when the explorer starts, so scripted runs stay light.
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORT_EXTENSIONS } from '../load/discover.js';
import { clearCacheDir, defaultCacheDir } from '../load/cache.js';
import { prefetch } from '../load/prefetch.js';
import { loadFolder } from '../load/session.js';
import type { LoadEvent } from '../load/types.js';
import type { Report } from '../parse/model.js';
import { sanitizeInline } from '../parse/sanitize.js';
import { defaultLang, Settings, type Lang } from '../settings/settings.js';
import { parseCommandLine, UsageError, type RunOptions } from './args.js';
import { ANSI_PAINT, CHECK_CSV_HEADER, NO_PAINT, anomalyRecords, checkBlock, checkCsvRows, failsOn, tally, tallyLine } from './check.js';
import { runConfig } from './config.js';
import { LONG_HEADER, csvLine, longRows, wideHeader, wideRow } from './csv.js';
import { helpText } from './help.js';
import { fieldFilter, reportFilter, type SearchModule } from './select.js';
import { fileSink, stdoutSink, type Sink } from './sink.js';
import { computeStats, statsCsv, statsText } from './stats.js';
import { formatSummary } from './summary.js';

export const SAMPLE_CORPUS = fileURLToPath(new URL('../../corpus/sample', import.meta.url));

/** What the explorer (src/views/index.tsx) takes; declared here too so the CLI compiles without it. */
const BOM = '\uFEFF';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Colour is off for --no-color, NO_COLOR, TERM=dumb, or output that is not a terminal. */
export function wantsColor(env: NodeJS.ProcessEnv, noColorFlag: boolean, isTTY: boolean): boolean {
  if (noColorFlag || !isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}

class CliError extends Error {}

/** The output being written, so an interrupt can remove its temp file. */
let activeSink: Sink | null = null;

/** Set by the first interrupt: later ones wait for the same clean-up. */
let interrupted: Promise<void> | null = null;

/**
 * Ctrl-C in a scripted run: drop a half-written output file and exit 130. The explorer handles its own keys.
 * A second SIGINT (Ctrl-C twice, or `timeout`, which signals the child and then its process group) must not
 * exit before the first one has removed the temp file.
 */
function onInterrupt(): void {
  const sink = activeSink;
  interrupted ??= (sink ? sink.abort() : Promise.resolve()).finally(() => process.exit(130));
}

export async function main(argv: string[]): Promise<number> {
  process.on('SIGINT', onInterrupt);
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`xxgk: ${err.message} (see xxgk --help)\n`);
      return 2;
    }
    throw err;
  }
  if (command.kind === 'help') {
    process.stdout.write(helpText(version()));
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command.kind === 'cache') return runCache(command.action);
  const settings = new Settings();
  if (command.kind === 'config') {
    const lang = command.lang ?? defaultLang(settings.get('lang'));
    const result = runConfig(settings, command.action, command.key, command.value, lang);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.code;
  }
  try {
    return await run(command.options, settings);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`xxgk: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function hasSelection(o: RunOptions): boolean {
  const s = o.selection;
  return s.query !== null || s.years !== null || s.levels !== null || s.formats !== null || s.hasAnomaly !== undefined;
}

async function run(options: RunOptions, settings: Settings): Promise<number> {
  const lang = options.lang ?? defaultLang(settings.get('lang'));
  const thresholds = { ...settings.thresholds(), ...options.thresholdOverrides };
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const explorer = interactive && options.format === null && options.mode === 'reports' && options.output === null && !hasSelection(options);

  const dir = path.resolve(options.dir ?? (explorer ? await rememberedFolder(settings) : null) ?? SAMPLE_CORPUS);
  await assertReadableFolder(dir, lang);

  if (explorer) {
    // Loading starts now and runs while Ink and React are imported (imported here, not at the top: scripted runs
    // never load them), so the explorer's first frame already has reports to list.
    const events = prefetch(loadFolder(dir, { thresholds, cache: options.cache }));
    const { runTui } = await importExplorer();
    // Written once the explorer is on screen (or when it closes, if sooner): a settings-file write is not worth
    // delaying the first frame for.
    const remember = options.dir !== null ? once(() => rememberFolder(settings, dir)) : () => undefined;
    const rememberLater = setTimeout(remember, 1000);
    process.off('SIGINT', onInterrupt);
    const color = wantsColor(process.env, options.noColor, true);
    const code = await runTui({ root: dir, events, settings, lang, color });
    clearTimeout(rememberLater);
    remember();
    // Quitting mid-load may leave parse workers finishing a file: the explorer is closed, so end now.
    process.exit(code);
  }

  const sink = options.output ? await openFile(options.output, lang) : stdoutSink();
  activeSink = sink;
  try {
    const code = await produce(options, dir, thresholds, lang, sink);
    if (!sink.closed) await sink.finish();
    return code;
  } catch (err) {
    await sink.abort();
    if (err instanceof CliError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code) throw new CliError(cannotWrite(options.output ?? 'stdout', e.code, lang));
    throw err;
  } finally {
    activeSink = null;
  }
}

const once = (f: () => void) => {
  let done = false;
  return () => {
    if (!done) f();
    done = true;
  };
};

/** The folder the explorer opens next time without an argument; a read-only config directory must not stop it. */
function rememberFolder(settings: Settings, dir: string): void {
  try {
    settings.set('lastFolder', dir);
  } catch {
    // Not remembered: the explorer works the same.
  }
}

type ExplorerModule = typeof import('../views/index.js');

/**
 * The explorer, from its one-file bundle (dist/views/explorer.bundle.js, written by `npm run build`): Node loads
 * one file instead of Ink's hundreds, which is most of the explorer's start-up time. The compiled views are the
 * fallback when the bundle is missing, or older than them (tsc was run without the bundle step), so a stale
 * bundle never shows old code.
 */
async function importExplorer(): Promise<ExplorerModule> {
  const bundle = new URL('../views/explorer.bundle.js', import.meta.url);
  const compiled = new URL('../views/index.js', import.meta.url);
  const [bundled, views] = await Promise.all([fs.stat(bundle).catch(() => null), fs.stat(compiled).catch(() => null)]);
  const fresh = bundled !== null && (views === null || bundled.mtimeMs >= views.mtimeMs);
  return fresh ? ((await import(bundle.href)) as ExplorerModule) : import('../views/index.js');
}

async function produce(options: RunOptions, dir: string, thresholds: ReturnType<Settings['thresholds']>, lang: Lang, sink: Sink): Promise<number> {
  const format = options.format ?? 'summary';
  const color = options.output === null && wantsColor(process.env, options.noColor, process.stdout.isTTY === true);
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

async function assertReadableFolder(dir: string, lang: Lang): Promise<void> {
  const zh = lang === 'zh';
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? (zh ? `找不到文件夹 ${dir}` : `no such folder: ${dir}`) : `${zh ? '无法打开' : 'cannot open'} ${dir}: ${code}`);
  }
  if (!stat.isDirectory()) throw new CliError(zh ? `不是文件夹：${dir}` : `not a folder: ${dir}`);
  try {
    await (await fs.opendir(dir)).close();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EACCES' || code === 'EPERM' ? (zh ? `没有读取权限：${dir}` : `permission denied: ${dir}`) : `${zh ? '无法读取' : 'cannot read'} ${dir}: ${code}`);
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

async function openFile(target: string, lang: Lang): Promise<Sink> {
  try {
    return await fileSink(target);
  } catch (err) {
    throw new CliError(cannotWrite(target, (err as NodeJS.ErrnoException).code ?? String(err), lang));
  }
}

/** Why -o failed, in words, with the system's code kept for searching. */
export function cannotWrite(target: string, code: string, lang: Lang): string {
  const zh = lang === 'zh';
  const folder = path.dirname(path.resolve(target));
  const why: Record<string, [string, string]> = {
    ENOENT: [`the folder ${folder} does not exist`, `文件夹 ${folder} 不存在`],
    ENOTDIR: [`${folder} is not a folder`, `${folder} 不是文件夹`],
    EISDIR: ['it is a folder; give a file name', '这是一个文件夹，请给出文件名'],
    EACCES: ['permission denied', '没有写入权限'],
    EPERM: ['permission denied', '没有写入权限'],
    EROFS: ['read-only file system', '只读文件系统'],
    ENOSPC: ['no space left on the device', '磁盘空间不足'],
  };
  const words = why[code];
  const reason = words ? `${zh ? words[1] : words[0]} (${code})` : code;
  return zh ? `无法写入 ${target}：${reason}` : `cannot write ${target}: ${reason}`;
}

/** `xxgk cache clear|path`: the parse cache (src/load/cache.ts). */
async function runCache(action: 'clear' | 'path'): Promise<number> {
  const dir = defaultCacheDir();
  if (action === 'path') {
    process.stdout.write(`${dir}\n`);
    return 0;
  }
  try {
    await clearCacheDir(dir);
  } catch (err) {
    process.stderr.write(`xxgk: cannot clear the parse cache in ${dir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
    return 2;
  }
  process.stderr.write(`xxgk: parse cache cleared (${dir})\n`);
  return 0;
}

async function rememberedFolder(settings: Settings): Promise<string | null> {
  const last = settings.get('lastFolder');
  if (typeof last !== 'string') return null;
  const stat = await fs.stat(last).catch(() => null);
  return stat?.isDirectory() ? last : null;
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

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === (await fs.realpath(process.argv[1]).catch(() => process.argv[1]));

if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`xxgk: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
