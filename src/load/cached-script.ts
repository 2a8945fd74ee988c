// Runs a bundle built as a classic script (scripts/bundle.mjs, moduleToScript) with V8's code cache.
//
// Why: Node 20 keeps no compiled code between runs for ES modules (module.enableCompileCache is Node 22). Every
// start of the explorer compiled its 450 KB bundle again, and every function its first frame calls was compiled
// lazily while drawing it. A script compiled through `vm.Script` can be given the code V8 produced for it last time,
// taken after the first frame so it holds those functions too: the explorer starts ~50 ms sooner (bench/tui.ts). The
// CLI (src/cli/main.ts) runs the same way, its cache taken at exit: ~30–60 ms of every run; and the parser
// (parser-code.ts, loadParser) in the workers, whose cache a worker takes after its first report.
//
// The cache is the user's cache directory (beside the parse cache), one file per script text, Node version and
// architecture. Like the parse cache it is never trusted blindly: a file whose checksum fails is not given to V8,
// and V8 itself rejects code made by another V8 or for other flags (`cachedDataRejected`); either way the script
// is compiled from its text, as without a cache, and a fresh cache is written.
//
// The build leaves a cache file beside each bundle too (scripts/seed-code-cache.mjs: it runs them once on the
// sample corpus), under the same name. It is read when the user's cache has none, so the first start after
// `npm install` runs compiled code as later ones do (the explorer's first report 60–80 ms sooner: bench/tui.ts). A package built
// by another Node has it under another name, never read; one V8 refuses is not used and the user's own is written.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, promises as fs, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { sha1Hex } from '../parse/sha1.js';

const digestOf = (data: Uint8Array) => createHash('sha1').update(data).digest('hex');

/** What a bundle built as a script evaluates to: its body, given what a module would import (see bundle.mjs). */
interface ScriptBundle {
  run(require: NodeJS.Require, importMetaUrl: string, importRelative: (spec: string) => Promise<unknown>): Promise<Record<string, unknown>>;
}

export interface CachedScript<T> {
  exports: T;
  /**
   * 'used': compiled from the user's cache; 'shipped': from the one the build left beside the script (the user's
   * has none); 'none': no usable cache (none yet, damaged, or made by another V8).
   */
  codeCache: 'used' | 'shipped' | 'none' | 'off';
  /**
   * Writes the code V8 has compiled for the script so far: call it once the work worth caching has run (the
   * explorer's first frame; the CLI's exit). Once a run: 'if-none' writes only when no cache was used; 'if-grown'
   * also replaces a used cache that this run's code outgrows by a twentieth, as a CLI whose first run was
   * `--version` learns the code of a whole load in a later one (it costs a few milliseconds a run, to serialise).
   * Never throws; a cache that cannot be written is only slower.
   */
  saveCodeCache(when?: 'if-none' | 'if-grown'): void;
}

const MAGIC = 'xxgk-code-cache-1\n';
const DIGEST_LENGTH = 40;

/** The cache file of this script text on this Node and architecture; V8 checks its own version and flags too. */
export function codeCacheFile(cacheDir: string, scriptPath: string, text: string): string {
  const key = sha1Hex(`${process.version}\0${process.arch}\0${text}`).slice(0, 16);
  return path.join(cacheDir, `${path.basename(scriptPath, '.js')}-${key}.v8`);
}

/** The cache file the build left beside the script (see above), under the name the user's cache would give it. */
export function shippedCodeCacheFile(scriptPath: string, text: string): string {
  return codeCacheFile(path.dirname(scriptPath), scriptPath, text);
}

/** The cached code, if the file is whole: its checksum covers every byte V8 will read. */
async function readCodeCache(file: string): Promise<Buffer | undefined> {
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return undefined;
  const head = MAGIC.length + DIGEST_LENGTH;
  if (bytes.length <= head || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const data = bytes.subarray(head);
  return bytes.toString('latin1', MAGIC.length, head) === digestOf(data) ? data : undefined;
}

/**
 * Synchronous, and written aside then renamed: an explorer quit right after its first frame, a run killed midway or
 * two explorers starting at once never leave half a file under the cache's name. It takes a few milliseconds.
 */
function writeCodeCache(file: string, data: Buffer): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([Buffer.from(MAGIC + digestOf(data), 'latin1'), data]));
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  // The caches of earlier versions of this script are of no more use, nor a temporary file a killed run left.
  const prefix = `${path.basename(file).replace(/-[0-9a-f]+\.v8$/, '')}-`;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && path.join(dir, name) !== file) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Evaluates `scriptPath` and runs the bundle it defines. `cacheDir` null: no code cache read or written.
 * Throws only what compiling or running the script throws (a broken build); the caller falls back.
 */
export async function runCachedScript<T>(scriptPath: string, cacheDir: string | null): Promise<CachedScript<T>> {
  const text = await fs.readFile(scriptPath, 'utf8');
  const file = cacheDir === null ? null : codeCacheFile(cacheDir, scriptPath, text);
  const own = file === null ? undefined : await readCodeCache(file);
  const cachedData = file === null || own !== undefined ? own : await readCodeCache(shippedCodeCacheFile(scriptPath, text));
  const script = new vm.Script(text, { filename: scriptPath, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const bundle = script.runInThisContext() as ScriptBundle;
  const url = pathToFileURL(scriptPath).href;
  const importRelative = (spec: string) => import(spec.startsWith('.') ? new URL(spec, url).href : spec);
  const exports = (await bundle.run(createRequire(url), url, importRelative)) as T;
  let saved = file === null;
  return {
    exports,
    codeCache: file === null ? 'off' : !used ? 'none' : own !== undefined ? 'used' : 'shipped',
    saveCodeCache(when = 'if-none') {
      if (saved || file === null || (used && when === 'if-none')) return;
      saved = true;
      try {
        const data = script.createCachedData();
        if (!used || data.length > cachedData!.length * 1.05) writeCodeCache(file, data);
      } catch {
        // A read-only or full cache directory: the next start compiles the script, as without a cache.
      }
    },
  };
}

/**
 * The bundle `scriptPath`, run with its code cache, when it is at least as new as `builtFrom` (the compiled entry it
 * was made from); else `modules()`, the compiled modules themselves: tsc was run without the bundle step, and a stale
 * bundle must never run. The modules have no code cache to keep.
 */
export async function runBundleOr<T>(scriptPath: string, builtFrom: URL, cacheDir: string | null, modules: () => Promise<T>): Promise<CachedScript<T>> {
  const [bundled, compiled] = await Promise.all([fs.stat(scriptPath).catch(() => null), fs.stat(builtFrom).catch(() => null)]);
  if (bundled === null || (compiled !== null && bundled.mtimeMs < compiled.mtimeMs)) return { exports: await modules(), codeCache: 'off', saveCodeCache: () => undefined };
  return runCachedScript<T>(scriptPath, cacheDir);
}
