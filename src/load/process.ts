// One file's work, the same on a worker thread or the main thread: read the bytes once, hash them, and parse
// unless the cache already holds a report for exactly these bytes.
import { promises as fs } from 'node:fs';
import { contentHash } from './cache.js';
import type { FoundFile } from './discover.js';
import { readReport } from './load.js';
import { parseReport } from '../parse/index.js';
import type { LoadItem } from './types.js';

export interface FileTask {
  root: string;
  found: FoundFile;
  /** Content hash of the cached report for this file, when there is one. */
  expectedHash: string | null;
}

export interface FileResult {
  /** Hash of the bytes read, or null when the file could not be read. */
  hash: string | null;
  /** The parsed report or problem; null when the bytes matched expectedHash (use the cached report). */
  item: LoadItem | null;
}

export async function processFile(task: FileTask): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(task.found.path);
  } catch {
    // let the loader produce the right problem for an unreadable file
    return { hash: null, item: await readReport(task.root, task.found) };
  }
  const hash = contentHash(bytes);
  if (task.expectedHash !== null && hash === task.expectedHash) return { hash, item: null };
  return { hash, item: parseFoundBytes(task.found, bytes) };
}

// TODO(lead): replace with the input-format dispatch of load.ts once it exposes a bytes → LoadItem function.
function parseFoundBytes(found: FoundFile, bytes: Uint8Array): LoadItem {
  return { kind: 'report', report: parseReport({ file: found.file, bytes, sourceFormat: 'txt' }) };
}
