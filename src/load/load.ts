// Reading one report file: bounded, and checked for change while read. parse-file.ts turns the bytes into a report
// (on the workers); session.ts runs both over a folder. Free of the parser, so a load from the cache never imports it.
// Every file that cannot be loaded becomes one LoadProblem; the rest of the folder loads.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { sanitizeInline } from '../parse/sanitize.js';
import { problemFrom, type FoundFile } from './discover.js';
import type { LoadProblem } from './types.js';

/** Files larger than this are not read: no annual report comes near it, and memory stays bounded. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
  /** File access, replaceable in tests (permission errors as root, files changing mid-read). */
  io?: FileIO;
}

export interface FileIO {
  /**
   * Reads at most `limit` bytes, and says what size and modification time the file had once read (from the open
   * handle, so a file replaced or rewritten during the read is noticed). `sizeHint` is the size discovery saw.
   */
  read(path: string, limit: number, sizeHint: number): Promise<{ bytes: Uint8Array; size: number; mtimeMs: number }>;
}

// Synchronous calls on purpose: for the small files reports are, a sync open/read/fstat/close costs a third of the
// async path's libuv thread-pool round trips, and each blocks for well under a millisecond.
export const nodeFileIO: FileIO = {
  async read(p, limit, sizeHint) {
    const fd = openSync(p, 'r');
    try {
      // One buffer of the expected size (+1 to see growth): no zero-filling and no 1 MB chunk per small file.
      const chunks: Buffer[] = [];
      let total = 0;
      let want = Math.min(limit, Math.max(sizeHint + 1, 4096));
      while (total < limit) {
        const chunk = Buffer.allocUnsafe(Math.min(want, limit - total));
        const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
        if (bytesRead > 0) chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (bytesRead < chunk.length) break; // a short read of a regular file is its end
        want = 1 << 20;
      }
      const after = fstatSync(fd);
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), size: after.size, mtimeMs: after.mtimeMs };
    } finally {
      closeSync(fd);
    }
  },
};

/** Reads a found file's bytes, refusing files over the size limit and files that change while being read. */
export async function readFound(
  root: string,
  found: FoundFile,
  options: ReadOptions = {},
): Promise<{ bytes: Uint8Array } | { problem: LoadProblem }> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  if (found.size > maxBytes) return { problem: fileProblem(found, 'too-large', tooLargeEn(found.size, maxBytes), tooLargeZh(found.size, maxBytes)) };
  const read = await readStable(root, found, maxBytes, options.io ?? nodeFileIO);
  if ('problem' in read) return read;
  if (read.bytes.length > maxBytes) {
    return { problem: fileProblem(found, 'too-large', tooLargeEn(read.bytes.length, maxBytes), tooLargeZh(read.bytes.length, maxBytes)) };
  }
  return read;
}

export function fileProblem(found: FoundFile, code: string, message: string, messageZh: string): LoadProblem {
  return { file: found.file, code, message: sanitizeInline(message), messageZh: sanitizeInline(messageZh) };
}

/**
 * Reads a file and checks it did not change on the way: size and mtime must match what discovery saw and what the
 * file says after the read. A mismatch is read once more (a download finishing, an editor saving); a second
 * mismatch is a problem, not a half-written report.
 */
export async function readStable(
  root: string,
  found: FoundFile,
  maxBytes: number,
  io: FileIO,
): Promise<{ bytes: Uint8Array } | { problem: LoadProblem }> {
  let expected = { size: found.size, mtimeMs: found.mtimeMs };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const { bytes, ...after } = await io.read(found.path, maxBytes + 1, expected.size);
      if (after.size === expected.size && after.mtimeMs === expected.mtimeMs && bytes.length === after.size) return { bytes };
      if (bytes.length > maxBytes) return { bytes }; // grew past the limit: the caller reports it as too large
      expected = { size: after.size, mtimeMs: after.mtimeMs };
    } catch (err) {
      return { problem: problemFrom(root, found.path, err) };
    }
  }
  return {
    problem: {
      file: found.file,
      code: 'changed-while-reading',
      message: 'the file kept changing while being read; try again when it is complete',
      messageZh: '文件在读取过程中不断变化，请在写入完成后重试',
    },
  };
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}

function tooLargeEn(size: number, limit: number): string {
  return `too large (${megabytes(size)} MB; the limit is ${megabytes(limit)} MB): not read`;
}

function tooLargeZh(size: number, limit: number): string {
  return `文件过大（${megabytes(size)} MB，上限 ${megabytes(limit)} MB），未读取`;
}
