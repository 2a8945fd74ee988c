// Finds report files under a folder, recursively. Problems (unreadable folders, broken links, loops)
// become LoadProblems; the walk always goes on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LoadProblem } from './types.js';

/** File endings xxgk tries to read as reports; everything else is passed over silently. */
export const REPORT_EXTENSIONS = new Set(['.txt']);

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Relative to the root, forward slashes. */
  file: string;
  size: number;
  mtimeMs: number;
}

export type Found = { kind: 'file'; found: FoundFile } | { kind: 'problem'; problem: LoadProblem };

export async function* discover(root: string): AsyncGenerator<Found> {
  const seen = new Set<string>();
  yield* walk(root, root, seen);
}

async function* walk(root: string, dir: string, seen: Set<string>): AsyncGenerator<Found> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (err) {
    yield { kind: 'problem', problem: problemFrom(root, dir, err) };
    return;
  }
  if (seen.has(real)) return; // a symlink loop, or a folder reached twice
  seen.add(real);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'problem', problem: problemFrom(root, dir, err) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('.')) continue;
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(full); // follows links: a broken one throws ENOENT
    } catch (err) {
      if (REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || entry.isSymbolicLink()) {
        yield { kind: 'problem', problem: problemFrom(root, full, err) };
      }
      continue;
    }
    if (stat.isDirectory()) {
      yield* walk(root, full, seen);
    } else if (stat.isFile() && REPORT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      yield { kind: 'file', found: { path: full, file: relative(root, full), size: stat.size, mtimeMs: stat.mtimeMs } };
    }
  }
}

export function relative(root: string, full: string): string {
  return path.relative(root, full).split(path.sep).join('/') || path.basename(full);
}

export function problemFrom(root: string, full: string, err: unknown): LoadProblem {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'EIO';
  const file = relative(root, full);
  switch (code) {
    case 'ENOENT':
      return { file, code: 'not-found', message: 'not found (a broken link?)', messageZh: '找不到（链接失效？）' };
    case 'EACCES':
    case 'EPERM':
      return { file, code: 'unreadable', message: 'permission denied', messageZh: '没有读取权限' };
    case 'ELOOP':
      return { file, code: 'link-loop', message: 'symbolic link loop', messageZh: '符号链接循环' };
    default:
      return { file, code: 'io-error', message: `cannot read (${code})`, messageZh: `无法读取（${code}）` };
  }
}
