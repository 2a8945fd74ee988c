// The CLI module as the `xxgk` command loads it (src/cli/cli-bundle.ts: its bundle, with V8's code cache kept under
// the cache folder as the command keeps it under the user's, or null for none, as `--no-cache` asks), for the load
// benchmark's children: they time the loader the command runs, not the separate compiled modules. Saves the code
// cache at exit, as the command does.
import { codeCacheDir } from '../dist/load/cache-dir.js';
import { loadCli } from '../dist/cli/cli-bundle.js';

export async function shippedCli(cacheDir, useCache = true) {
  const { exports, saveCodeCache } = await loadCli(useCache ? codeCacheDir(cacheDir) : null);
  process.once('exit', () => saveCodeCache('if-grown'));
  return exports;
}
