// The CLI (cli.ts) as the `xxgk` command runs it: from its one-file bundle, dist/cli/cli.script.js (scripts/bundle.mjs),
// compiled with the code V8 kept from the last run (cached-script.ts), or from the compiled modules when the bundle is
// missing or older than them. The entry point (main.ts) and the load benchmarks (bench/load-child.mjs) both load it so.
import { fileURLToPath } from 'node:url';
import { runBundleOr, type CachedScript } from '../load/cached-script.js';

type CliModule = typeof import('./cli.js');

/** `cacheDir`: where compiled code is kept (codeCacheDir), or null for none. */
export function loadCli(cacheDir: string | null): Promise<CachedScript<CliModule>> {
  const script = fileURLToPath(new URL('./cli.script.js', import.meta.url));
  return runBundleOr(script, new URL('./cli.js', import.meta.url), cacheDir, () => import('./cli.js'));
}
