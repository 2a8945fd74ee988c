// The parser bundle (scripts/bundle.mjs → dist/load/parse-file.script.js) is used only while it is newer than
// every file of the parser it was built from, parses exactly as the separate modules do, and keeps its compiled code
// for the next process (written by a worker after its first report, then used as it is). Run on a private copy
// of the compiled code, so the other test files (which rebuild dist/ with tsc) are not disturbed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEEDS, ensureBuilt } from '../cli/run.js';

let copy: string;

/** Runs `body` (an async function body, `load` and `module` in scope) in a fresh Node on the copied dist/. */
function inCopy(body: string): string {
  const code = path.join(copy, 'dist/load/parser-code.js');
  const session = path.join(copy, 'dist/load/session.js');
  const script = `const { parserModule: module } = await import(${JSON.stringify(code)}); const { loadFolder: load } = await import(${JSON.stringify(session)}); ${body}`;
  // Node options a worker must cope with: --input-type (refused by a worker started from a file) and a V8 option
  // (refused in a worker's own list of options).
  return execFileSync(process.execPath, ['--max-old-space-size=2048', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: copy });
}

/** A load of the seeds in the copy; `cacheDir` null: with --no-cache (no parse cache and no code cache). */
const loadSeeds = (cacheDir: string | null) =>
  `const out = []; for await (const e of load(${JSON.stringify(SEEDS)}, { ${cacheDir === null ? 'cache: false' : `cacheDir: ${JSON.stringify(cacheDir)}`}, workers: 2, thresholds: (await import(${JSON.stringify('./dist/parse/checks/thresholds.js')})).DEFAULT_THRESHOLDS })) if (e.kind === 'done') out.push(...e.corpus.reports); process.stdout.write(JSON.stringify({ module: module(), reports: out }));`;
const LOAD = loadSeeds(null);

beforeAll(() => {
  ensureBuilt();
  // Inside the repository, so the copy finds node_modules and package.json ("type": "module") as dist/ does.
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  copy = mkdtempSync(path.join(ROOT, '.tmp', 'parser-bundle-'));
  // Without the compiled code the build leaves beside the bundle (the workers would use it and write none).
  for (const dir of ['dist/load', 'dist/parse']) cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true, filter: (from) => !from.endsWith('.v8') });
  mkdirSync(path.join(copy, 'scripts'));
  cpSync(path.join(ROOT, 'scripts/bundle.mjs'), path.join(copy, 'scripts/bundle.mjs'));
}, 120_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('parser bundle', () => {
  it('is not used before it is built', () => {
    expect(inCopy('process.stdout.write(module())')).toMatch(/\/dist\/load\/parse-file\.js$/);
  });

  it('is used once built, parses the seeds exactly as the separate modules do, and is dropped when the parser changes', () => {
    execFileSync(process.execPath, ['--input-type=module', '-e', `await (await import(${JSON.stringify(path.join(copy, 'scripts/bundle.mjs'))})).bundleParser();`], { cwd: copy });
    const bundled = JSON.parse(inCopy(LOAD)) as { module: string; reports: unknown[] };
    expect(bundled.module).toMatch(/\/dist\/load\/parse-file\.script\.js$/);
    expect(bundled.reports.length).toBeGreaterThanOrEqual(5);

    // With a cache folder, a worker keeps the bundle's compiled code after its first report (so the workers did run,
    // under the Node options inCopy gives: pool.ts); the next process's
    // workers and main thread use it (a used cache is not written again) and parse the same.
    const cacheDir = path.join(copy, 'cache');
    expect(JSON.stringify((JSON.parse(inCopy(loadSeeds(cacheDir))) as { reports: unknown[] }).reports)).toBe(JSON.stringify(bundled.reports));
    const codeFiles = () => readdirSync(path.join(cacheDir, 'code')).filter((f) => /^parse-file\.script-[0-9a-f]+\.v8$/.test(f));
    expect(codeFiles()).toHaveLength(1);
    const written = statSync(path.join(cacheDir, 'code', codeFiles()[0]!));
    rmSync(path.join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith('parse-v'))!), { recursive: true }); // the seeds parse again
    expect(JSON.stringify((JSON.parse(inCopy(loadSeeds(cacheDir))) as { reports: unknown[] }).reports)).toBe(JSON.stringify(bundled.reports));
    const again = statSync(path.join(cacheDir, 'code', codeFiles()[0]!));
    expect([again.ino, again.mtimeMs]).toEqual([written.ino, written.mtimeMs]);

    // One parser file changed after the bundle was built (a rebuild with tsc alone): the bundle is stale.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(copy, 'dist/parse/index.js'), later, later);
    const plain = JSON.parse(inCopy(LOAD)) as { module: string; reports: unknown[] };
    expect(plain.module).toMatch(/\/dist\/load\/parse-file\.js$/);
    expect(JSON.stringify(plain.reports)).toBe(JSON.stringify(bundled.reports));
  });
});
