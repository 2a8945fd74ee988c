// Finds report files under a folder, recursively. Problems (unreadable folders, broken links, loops, folders nested
// too deep) become LoadProblems; the walk always goes on.
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { LoadProblem } from './types.js';

/** File endings xxgk tries to read as reports. */
export const REPORT_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.shtml', '.xhtml', '.docx', '.doc', '.pdf']);

/** Documents people keep beside reports that xxgk cannot read: listed as problems so nothing vanishes unseen. */
export const OTHER_DOCUMENT_EXTENSIONS = new Set(['.xls', '.xlsx', '.et', '.csv', '.ods', '.wps', '.odt', '.rtf', '.ppt', '.pptx']);

/** Deeper than this is a mistake (or a loop through bind mounts), not a filing system. */
export const MAX_DEPTH = 32;

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** Relative to the root, forward slashes. */
  file: string;
  size: number;
  mtimeMs: number;
  /** Change time and inode: with size and mtime, what the parse cache trusts an unread file by (entry.ts). */
  ctimeMs: number;
  ino: number;
}

export type Found = { kind: 'file'; found: FoundFile } | { kind: 'problem'; problem: LoadProblem };

/**
 * The folder's files in discovery order (sorted by name, depth first). A plain generator: the walk makes only
 * synchronous calls, and an async generator at each level of folders cost every file a few promises.
 */
export function* discover(root: string): Generator<Found> {
  yield* walk(root, path.normalize(root), '', new Set(), [], 0);
}

/**
 * `dir` is normalized, and `prefix` is its path relative to the root with forward slashes (and a trailing one, or
 * empty at the root): a file's paths are then the two joined with its name, which path.join and path.relative would
 * make at several times the cost (a tenth of a warm load's walk).
 */
function* walk(root: string, dir: string, prefix: string, seen: Set<string>, ancestors: string[], depth: number): Generator<Found> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (err) {
    yield { kind: 'problem', problem: problemFrom(root, dir, err) };
    return;
  }
  if (ancestors.includes(real)) {
    yield { kind: 'problem', problem: linkLoop(root, dir) };
    return;
  }
  if (seen.has(real)) return; // the same folder reached again through another link: already loaded
  seen.add(real);
  if (depth > MAX_DEPTH) {
    yield {
      kind: 'problem',
      problem: {
        file: relative(root, dir),
        code: 'too-deep',
        message: `folder nested more than ${MAX_DEPTH} levels deep: not searched`,
        messageZh: `文件夹嵌套超过 ${MAX_DEPTH} 层，未继续查找`,
      },
    };
    return;
  }
  // Synchronous calls: a folder's listing and its files' stats cost a third of the async round trips, and the walk
  // still yields between files, so a consumer (the explorer) stays responsive.
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    yield { kind: 'problem', problem: problemFrom(root, dir, err) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // A listing never holds '.' or '..', and a name never holds a separator: joined so, the path stays normalized.
  const separator = dir.endsWith(path.sep) ? '' : path.sep;
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = dir + separator + entry.name;
    const file = prefix + entry.name;
    const ext = path.extname(entry.name).toLowerCase();
    // Files of no interest need no stat (most of a mixed folder); folders, links and report files do.
    if (entry.isFile() && !REPORT_EXTENSIONS.has(ext) && !OTHER_DOCUMENT_EXTENSIONS.has(ext)) continue;
    let stat: Stats;
    try {
      stat = statSync(full); // follows links: a broken one throws ENOENT, a looping one ELOOP
    } catch (err) {
      if (REPORT_EXTENSIONS.has(ext) || entry.isSymbolicLink()) yield { kind: 'problem', problem: problemFrom(root, full, err) };
      continue;
    }
    if (stat.isDirectory()) {
      yield* walk(root, full, file + '/', seen, [...ancestors, real], depth + 1);
    } else if (stat.isFile() && REPORT_EXTENSIONS.has(ext)) {
      yield { kind: 'file', found: { path: full, file, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino } };
    } else if (stat.isFile() && OTHER_DOCUMENT_EXTENSIONS.has(ext)) {
      yield {
        kind: 'problem',
        problem: {
          file,
          code: 'not-a-report',
          message: `a ${ext.slice(1)} file (spreadsheet or other document), not a report`,
          messageZh: `${ext.slice(1)} 文件（表格或其他文档），不是年度报告`,
        },
      };
    }
  }
}

export function relative(root: string, full: string): string {
  return path.relative(root, full).split(path.sep).join('/') || path.basename(full);
}

function linkLoop(root: string, full: string): LoadProblem {
  return { file: relative(root, full), code: 'link-loop', message: 'symbolic link loop', messageZh: '符号链接循环' };
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
      return linkLoop(root, full);
    case 'EISDIR':
      return { file, code: 'io-error', message: 'is a folder, not a file', messageZh: '是文件夹，不是文件' };
    default:
      return { file, code: 'io-error', message: `cannot read (${code})`, messageZh: `无法读取（${code}）` };
  }
}
