// Which parser code this process runs: its fingerprint (the cache's version) and the module to import it from
// (the bundle or the separate compiled files). One walk over the parser's files gives both.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARSER_VERSION } from '../parse/version.js';

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
  parserCode = { fingerprint: `${PARSER_VERSION}-${hash.digest('hex').slice(0, 12)}`, newestMs };
  return parserCode;
}

/**
 * The parser's version for the cache: PARSER_VERSION plus a hash of the parser's own code (the compiled files, or
 * the sources under the test runner). A parser change that forgot to bump PARSER_VERSION still empties the cache.
 */
export function parserFingerprint(): string {
  return readParserCode().fingerprint;
}

/**
 * The module to parse with: dist/load/parse-file.bundle.js (scripts/bundle.mjs: the parser's hundred-odd
 * compiled modules in one file, which Node loads in a fraction of the time) when it is newer than every file of the
 * parser and parse-file.js itself, else parse-file.js. A bundle older than the code it was built from would parse
 * with old code under the new code's fingerprint and fill the cache with stale results: it is never used.
 */
export function parserModule(): string {
  const plain = new URL('./parse-file.js', import.meta.url);
  if (import.meta.url.endsWith('.ts')) return new URL('./parse-file.ts', import.meta.url).href;
  const bundle = new URL('./parse-file.bundle.js', import.meta.url);
  try {
    const built = statSync(bundle).mtimeMs;
    return built >= readParserCode().newestMs && built >= statSync(plain).mtimeMs ? bundle.href : plain.href;
  } catch {
    return plain.href;
  }
}
