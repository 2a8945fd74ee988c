// A private copy of the build, for the tests and benchmarks that need a build unlike the one in dist/.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));

/**
 * Copies `dist/` and `package.json` (and links `corpus/`) into a new folder under the repository's `.tmp/`, so the
 * copy finds node_modules as dist/ does, without the compiled code the build leaves beside its bundles
 * (scripts/seed-code-cache.mjs): a build made by another Node, whose first start compiles. The caller removes it.
 */
export function buildWithoutShippedCode(prefix) {
  mkdirSync(path.join(repo, '.tmp'), { recursive: true });
  const copy = mkdtempSync(path.join(repo, '.tmp', prefix));
  // Timestamps kept: a bundle copied before the module it was built from would look stale (cached-script.ts).
  cpSync(path.join(repo, 'dist'), path.join(copy, 'dist'), { recursive: true, preserveTimestamps: true, filter: (from) => !from.endsWith('.v8') });
  copyFileSync(path.join(repo, 'package.json'), path.join(copy, 'package.json')); // --version reads it
  symlinkSync(path.join(repo, 'corpus'), path.join(copy, 'corpus'));
  return copy;
}
