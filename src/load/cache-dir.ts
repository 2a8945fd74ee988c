// Where xxgk keeps what it caches: apart from the parse cache (cache.ts), which needs LevelDB, so that the command's
// entry point (src/cli/main.ts) can find the code cache without loading the store.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import envPaths from 'env-paths';

/** `$XDG_CACHE_HOME/xxgk`, else the platform's cache folder (never beside the reports). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'xxgk');
  return envPaths('xxgk', { suffix: '' }).cache ?? path.join(os.homedir(), '.cache', 'xxgk');
}

/** Where V8's compiled code of the CLI's, the explorer's and the parser's bundles is kept (src/load/cached-script.ts). */
export function codeCacheDir(dir: string = defaultCacheDir()): string {
  return path.join(dir, 'code');
}

/** Names of the parse cache's stores in the cache folder begin so, then the parser's version (cache.ts). */
export const STORE_PREFIX = 'parse-v';

/** Whether the cache folder holds a parse store of any parser version (false when the folder cannot be read). */
export function anyStoreIn(dir: string = defaultCacheDir()): boolean {
  try {
    return readdirSync(dir).some((name) => name.startsWith(STORE_PREFIX));
  } catch {
    return false;
  }
}
