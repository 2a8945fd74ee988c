// Once per run, before any test: the build the CLI, explorer and benchmark tests run (`tsc`, the bundles of
// scripts/bundle.mjs, then the compiled code scripts/seed-code-cache.mjs leaves beside them), so they all test what
// `npm start` runs and leave dist/ consistent, the bundles fresh.
//
// Every test's temporary folders (caches, settings, copied corpora, tmux sockets' work folders) go under one folder
// of this run, removed at the end: test files create them with os.tmpdir(), and a run must not leave hundreds behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function build(): void {
  // tsc emits even when a file has a type error (npm test has reported it already): the emitted code is tested.
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('the build did not produce dist/cli/main.js');
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/seed-code-cache.mjs'], { cwd: ROOT, stdio: 'pipe' });
}

export function setup(): () => void {
  build();
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(os.tmpdir(), 'xxgk-test-run-'));
  // The test processes are forked after this and inherit it; os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
