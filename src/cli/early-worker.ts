// Whether to start a parse worker at the very start of the command, before the CLI is loaded (main.ts). With no
// parse cache yet (a first run: `npm start` right after `npm install`) or --no-cache, every file of the folder will
// be parsed, and the first report waits for a worker to boot; started here, it boots while the CLI and the explorer
// load. Decided from the raw arguments and one listing of the cache folder: the flags' parser is in the CLI's bundle,
// and the parser's version (which names its store) takes a walk over the parser's files to compute. A cache made by
// an older parser therefore starts no early worker: that load parses too, only with its worker started a little later.
import { anyStoreIn } from '../load/cache-dir.js';

/** Arguments after which nothing is loaded: help, the version, and the `config` and `cache` commands. */
const NO_LOAD_FLAGS = new Set(['-h', '--help', '-V', '--version']);
const NO_LOAD_COMMANDS = new Set(['config', 'cache']);

export function wantsEarlyWorker(args: readonly string[], cacheDir: string): boolean {
  if (NO_LOAD_COMMANDS.has(args[0] ?? '') || args.some((arg) => NO_LOAD_FLAGS.has(arg))) return false;
  return args.includes('--no-cache') || !anyStoreIn(cacheDir);
}
