#!/usr/bin/env node
// Entry point of the `xxgk` command: runs the CLI (cli.ts). From its one-file bundle, dist/cli/cli.script.js, written
// by `npm run build`, compiled with the code V8 kept from the last run (cached-script.ts): Node then loads one file
// instead of about a hundred modules and compiles none of it, ~40 ms of every run. From the compiled modules when
// the bundle is missing or older than them (tsc was run without the bundle step), so a stale bundle never runs.
import { fileURLToPath } from 'node:url';
import { codeCacheDir, defaultCacheDir } from '../load/cache-dir.js';
import { runBundleOr } from '../load/cached-script.js';
import { wantsEarlyWorker } from './early-worker.js';

const args = process.argv.slice(2);
try {
  // Imported only then: most runs (a warm load, --version) start no worker here.
  if (wantsEarlyWorker(args, defaultCacheDir())) (await import('../load/pool.js')).startSpareWorker();
  const script = fileURLToPath(new URL('./cli.script.js', import.meta.url));
  // --no-cache asks for no cache of any kind (read before the flags are parsed: the parser is in the bundle).
  const cacheDir = args.includes('--no-cache') ? null : codeCacheDir();
  const { exports: cli, saveCodeCache } = await runBundleOr(script, new URL('./cli.js', import.meta.url), cacheDir, () => import('./cli.js'));
  // At exit, so the cache holds all the code this run compiled (the explorer and Ctrl-C end by process.exit()); and
  // again in a later run that compiled much more (a first run that only printed --help learns little).
  process.once('exit', () => saveCodeCache('if-grown'));
  process.exitCode = await cli.main(args);
} catch (err) {
  process.stderr.write(`xxgk: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
