#!/usr/bin/env node
// Entry point of the `xxgk` command: runs the CLI (cli.ts) from its one-file bundle with V8's code cache
// (cli-bundle.ts): Node then loads one file instead of about a hundred modules and compiles none of it, ~40 ms of
// every run.
import { codeCacheDir, defaultCacheDir } from '../load/cache-dir.js';
import { loadCli } from './cli-bundle.js';
import { wantsEarlyWorker } from './early-worker.js';

const args = process.argv.slice(2);
try {
  // Imported only then: most runs (a warm load, --version) start no worker here.
  if (wantsEarlyWorker(args, defaultCacheDir())) (await import('../load/pool.js')).startSpareWorker();
  // --no-cache asks for no cache of any kind (read before the flags are parsed: the parser is in the bundle).
  const { exports: cli, saveCodeCache } = await loadCli(args.includes('--no-cache') ? null : codeCacheDir());
  // At exit, so the cache holds all the code this run compiled (the explorer and Ctrl-C end by process.exit()); and
  // again in a later run that compiled much more (a first run that only printed --help learns little).
  process.once('exit', () => saveCodeCache('if-grown'));
  process.exitCode = await cli.main(args);
} catch (err) {
  process.stderr.write(`xxgk: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
