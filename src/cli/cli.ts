// The command: flags → load → select → one output (main.ts, the entry point, runs it). Data goes to stdout, messages to stderr, never a stack trace.
// Ink and React are imported only when the explorer starts, so scripted runs stay light; the output formats only for
// scripted runs (scripted.ts), and conf only to write settings (src/settings/lazy.ts), so the explorer starts light.
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearCacheDir, codeCacheDir, defaultCacheDir } from '../load/cache.js';
import { prefetch } from '../load/prefetch.js';
import { loadFolder } from '../load/session.js';
import { LazySettings } from '../settings/lazy.js';
import { defaultLang, type Lang } from '../settings/registry.js';
import { parseCommandLine, ruleIdsFor, UsageError, type RunOptions } from './args.js';
import { runBundleOr } from '../load/cached-script.js';
import { holdAfter, signal } from './hold.js';
import { fileSink, stdoutSink, type Sink } from './sink.js';

// For the load benchmarks (bench/load-child.mjs), which time the loader as the command runs it: from this bundle.
export { loadFolder };
export { DEFAULT_THRESHOLDS } from '../parse/checks/thresholds.js';
export { isDeflated } from '../load/lazy-report.js';

export const SAMPLE_CORPUS = fileURLToPath(new URL('../../corpus/sample', import.meta.url));

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
    command = parseCommandLine(argv, await ruleIdsFor(argv));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`xxgk: ${err.message} (see xxgk --help)\n`);
      return 2;
    }
    throw err;
  }
  if (command.kind === 'help') {
    const { helpText } = await import('./help.js');
    process.stdout.write(helpText(version()));
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command.kind === 'cache') return runCache(command.action);
  if (command.kind === 'config') {
    const [{ Settings }, { runConfig }] = await Promise.all([import('../settings/settings.js'), import('./config.js')]);
    const settings = new Settings();
    const lang = command.lang ?? defaultLang(settings.get('lang'));
    const result = runConfig(settings, command.action, command.key, command.value, lang);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.code;
  }
  // Read without conf: see src/settings/lazy.ts.
  const settings = new LazySettings();
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

async function run(options: RunOptions, settings: LazySettings): Promise<number> {
  const lang = options.lang ?? defaultLang(settings.get('lang'));
  const thresholds = { ...settings.thresholds(), ...options.thresholdOverrides };
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const explorer = interactive && options.format === null && options.mode === 'reports' && options.output === null && !hasSelection(options);

  const dir = path.resolve(options.dir ?? (explorer ? await rememberedFolder(settings) : null) ?? SAMPLE_CORPUS);
  await assertReadableFolder(dir, lang);

  if (explorer) {
    // Loading starts now and runs while Ink and React are imported (imported here, not at the top: scripted runs
    // never load them), so the explorer's first frame already has reports to list: a first screenful of them, then
    // loading waits until the explorer is drawn (see hold.ts).
    const shown = signal();
    const firstScreen = Math.max(FIRST_SCREEN_REPORTS, process.stdout.rows ?? 0);
    const events = prefetch(holdAfter(loadFolder(dir, { thresholds, cache: options.cache, firstOnThisThread: false, moreWorkersAfter: shown.promise }), firstScreen, shown.promise));
    // The code cache is left alone with --no-cache too: that flag asks for no cache of any kind.
    const { runTui, saveCodeCache } = await importExplorer(options.cache ? codeCacheDir() : null);
    // Once the first frame is drawn, so the cache holds the code that drew it (a few milliseconds, once per version).
    // Not deferred to a later turn: a key read in the turn after the first frame ('q' at once) ended the process
    // before a deferred write ran, and the next start compiled everything again (a flaky tmux test showed it).
    void shown.promise.then(() => saveCodeCache());
    // Written once the explorer is on screen (or when it closes, if sooner): a settings-file write is not worth
    // delaying the first frame for.
    const remember = options.dir !== null ? once(() => rememberFolder(settings, dir)) : () => undefined;
    const rememberLater = setTimeout(remember, 1000);
    process.off('SIGINT', onInterrupt);
    const color = wantsColor(process.env, options.noColor, true);
    const code = await runTui({ root: dir, events, settings, lang, color, onShown: shown.fire }).finally(shown.fire);
    clearTimeout(rememberLater);
    remember();
    await settings.settled();
    // Quitting mid-load may leave parse workers finishing a file: the explorer is closed, so end now.
    process.exit(code);
  }

  const { produce } = await import('./scripted.js');
  const sink = options.output ? await openFile(options.output, lang) : stdoutSink();
  activeSink = sink;
  try {
    const color = options.output === null && wantsColor(process.env, options.noColor, process.stdout.isTTY === true);
    const code = await produce(options, dir, thresholds, lang, color, sink);
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
function rememberFolder(settings: LazySettings, dir: string): void {
  settings.set('lastFolder', dir).catch(() => {
    // Not remembered: the explorer works the same.
  });
}

/** Reports loaded before the explorer's first frame, at least: a taller terminal gets one per row. */
const FIRST_SCREEN_REPORTS = 50;

type ExplorerModule = typeof import('../views/index.js');

/**
 * The explorer, from its one-file bundle (dist/views/explorer.script.js, written by `npm run build`): Node loads
 * one file instead of Ink's hundreds, which is most of the explorer's start-up time, and it is compiled with the
 * code V8 kept from the last start (cached-script.ts). The compiled views are the fallback when the bundle is
 * missing, or older than them (tsc was run without the bundle step), so a stale bundle never shows old code.
 * `saveCodeCache` is for once the first frame is drawn.
 */
async function importExplorer(cacheDir: string | null): Promise<ExplorerModule & { saveCodeCache(): void }> {
  const script = fileURLToPath(new URL('../views/explorer.script.js', import.meta.url));
  const { exports, saveCodeCache } = await runBundleOr<ExplorerModule>(script, new URL('../views/index.js', import.meta.url), cacheDir, () => import('../views/index.js'));
  return { ...exports, saveCodeCache };
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

async function rememberedFolder(settings: LazySettings): Promise<string | null> {
  const last = settings.get('lastFolder');
  if (typeof last !== 'string') return null;
  const stat = await fs.stat(last).catch(() => null);
  return stat?.isDirectory() ? last : null;
}
