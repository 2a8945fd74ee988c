// Every test's temporary folders (caches, settings, copied corpora, tmux sockets' work folders) go under one folder
// of this run, removed at the end: test files create them with os.tmpdir(), and a run must not leave hundreds behind.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function setup(): () => void {
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
