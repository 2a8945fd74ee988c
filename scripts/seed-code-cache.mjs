// Last build step, after scripts/bundle.mjs: runs the built bundles once on the sample corpus, with a cache folder of
// its own, and leaves the code V8 compiled for each beside it (dist/cli/cli.script-<key>.v8 and the like). The
// loader reads that file when the user's cache has none (src/load/cached-script.ts), so the first start after
// `npm install` (which builds) runs compiled code, as every later start does.
//
// - the CLI: a scripted run (--jsonl), which parses the sample on workers, so the parser's cache is written too;
// - the explorer: drawn once, as on a terminal, into a pipe (the child mode of this script). Not through the CLI,
//   which would remember the sample as the user's last folder in the user's own settings.
//
// Best effort: a seed that cannot be made is only a slower first start, never a failed build.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const dist = path.join(repo, 'dist');
const sample = path.join(repo, 'corpus/sample');
/** Where each bundle's cache goes: beside the bundle, by the name the loader gives it (`<bundle>-<key>.v8`). */
const BUNDLE_DIRS = { 'cli.script': 'cli', 'explorer.script': 'views', 'parse-file.script': 'load' };
const TIMEOUT_MS = 60_000;

if (process.argv[2] === '--explorer') await drawExplorerOnce(process.argv[3], process.argv[4]);
else await seed();

async function seed() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'xxgk-seed-'));
  const cacheHome = path.join(work, 'cache');
  const configDir = path.join(work, 'config');
  // Ink draws only a last frame when it thinks it runs in CI (is-in-ci): the explorer must draw as on a terminal.
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome, XDG_CONFIG_HOME: configDir, CI: 'false', CONTINUOUS_INTEGRATION: 'false' };
  // An earlier build's seeds go first: the runs below would use them and write no code of their own.
  for (const [bundle, dir] of Object.entries(BUNDLE_DIRS)) removeSeeds(path.join(dist, dir), bundle);
  try {
    // Scripted first: its cache folder is empty, so it parses, and a worker writes the parser's code.
    await run([path.join(dist, 'cli/main.js'), sample, '--jsonl'], env);
    await run([fileURLToPath(import.meta.url), '--explorer', path.join(cacheHome, 'xxgk'), configDir], env);
    const codeDir = path.join(cacheHome, 'xxgk', 'code');
    const made = existsSync(codeDir) ? readdirSync(codeDir).filter((name) => name.endsWith('.v8')) : [];
    for (const [bundle, dir] of Object.entries(BUNDLE_DIRS)) {
      const name = made.find((n) => n.startsWith(`${bundle}-`));
      if (name) copyFileSync(path.join(codeDir, name), path.join(dist, dir, name));
      else process.stderr.write(`seed-code-cache: no compiled code of ${bundle}.js was made; the first start will compile it\n`);
    }
  } catch (err) {
    process.stderr.write(`seed-code-cache: ${err instanceof Error ? err.message : String(err)}; the first start will compile the bundles\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function removeSeeds(dir, bundle) {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) if (name.startsWith(`${bundle}-`) && name.endsWith('.v8')) rmSync(path.join(dir, name), { force: true });
}

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // 2 is the CLI's usage or I/O error, and its internal error; a signal is a crash or the timeout. Anything else
      // (1: nothing matched) ran to its end.
      if (signal || code === 2) reject(new Error(`${path.basename(args[0])} ${args.slice(1, 2).join(' ')} failed (${signal ?? code}): ${stderr.trim().split('\n').pop() ?? ''}`));
      else resolve();
    });
  });
}

/** Child mode: the explorer on the sample corpus, as the CLI starts it, its code cache written once it is drawn. */
async function drawExplorerOnce(cacheDir, configDir) {
  // Ink draws into any stream; told it is a terminal of this size, it draws as into one.
  Object.assign(process.stdout, { isTTY: true, columns: 120, rows: 40 });
  Object.assign(process.stdin, { isTTY: true, setRawMode: () => process.stdin });
  const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const [{ runCachedScript }, { codeCacheDir }, { loadFolder }, { LazySettings }, { DEFAULT_THRESHOLDS }] = await Promise.all([
    load('load/cached-script.js'),
    load('load/cache-dir.js'),
    load('load/session.js'),
    load('settings/lazy.js'),
    load('parse/checks/thresholds.js'),
  ]);
  const explorer = await runCachedScript(path.join(dist, 'views/explorer.script.js'), codeCacheDir(cacheDir));
  const events = loadFolder(sample, { thresholds: DEFAULT_THRESHOLDS, cacheDir, firstOnThisThread: false });
  const shown = () =>
    queueMicrotask(() => {
      explorer.saveCodeCache();
      process.exit(0);
    });
  await explorer.exports.runTui({ root: sample, events, settings: new LazySettings({ cwd: configDir }), lang: 'zh', color: true, decisionsDir: configDir, onShown: shown });
}
