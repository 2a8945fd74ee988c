// A parsed, checked report file in the form the parse cache stores it: one header line and the report's JSON,
// as UTF-8 bytes. Workers produce entries (parse, per-report checks, hashing and encoding all happen off the main
// thread, in parse-file.ts); the main thread stores them as they are and decodes each once, for the report it
// lists. This module stays free of the parser, so a load served from the cache never imports it.
//
// Header: `xxgk1 parser size mtimeMs hash thresholds sum` (tab-separated, ASCII), then '\n', then the JSON.
// `hash` is the SHA-1 of the file's bytes, `thresholds` the key of the thresholds the stored anomalies were
// computed with, `sum` the SHA-1 of the JSON bytes, so a damaged entry is never served.
import { createHash } from 'node:crypto';
import type { Report } from '../parse/model.js';
import type { LoadProblem } from './types.js';

const MAGIC = 'xxgk1';
const NEWLINE = 0x0a;

export interface EntryHeader {
  parser: string;
  size: number;
  mtimeMs: number;
  hash: string;
  thresholds: string;
}

/** An entry whose header has been read: its JSON (from `body` on) is parsed by `entryReport`. */
export interface Entry extends EntryHeader {
  /** SHA-1 of the JSON bytes, as the header says. */
  sum: string;
  bytes: Uint8Array;
  /** Offset of the JSON in `bytes`. */
  body: number;
}

/** What parsing one file gives: a problem, or the cache entry of its checked report. */
export type ParsedFile = { kind: 'problem'; problem: LoadProblem } | { kind: 'report'; entry: Uint8Array };

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function encodeEntry(header: EntryHeader, report: Report): Uint8Array {
  const json = Buffer.from(JSON.stringify(report), 'utf8');
  const line = `${MAGIC}\t${header.parser}\t${header.size}\t${header.mtimeMs}\t${header.hash}\t${header.thresholds}\t${contentHash(json)}\n`;
  // One exact-size allocation that owns its ArrayBuffer, so it can be transferred from a worker without a copy.
  const out = new Uint8Array(line.length + json.length);
  out.set(Buffer.from(line, 'latin1'), 0);
  out.set(json, line.length);
  return out;
}

/** The header and body of an entry this process encoded (a worker's answer): nothing to verify. */
export function readEntry(bytes: Uint8Array): Entry | null {
  const newline = bytes.indexOf(NEWLINE);
  if (newline < 0 || newline > 512) return null;
  const fields = Buffer.from(bytes.buffer, bytes.byteOffset, newline).toString('latin1').split('\t');
  if (fields.length !== 7 || fields[0] !== MAGIC || !fields[4] || !fields[5]) return null;
  return { parser: fields[1]!, size: Number(fields[2]), mtimeMs: Number(fields[3]), hash: fields[4], thresholds: fields[5], sum: fields[6]!, bytes, body: newline + 1 };
}

/**
 * A stored entry, or null when it is not a whole, undamaged entry for this parser and this file's size and
 * modification time. Reading the header does not parse the JSON; the checksum is verified here.
 */
export function decodeEntry(bytes: Uint8Array, parser: string, size: number, mtimeMs: number): Entry | null {
  const entry = readEntry(bytes);
  if (!entry || entry.parser !== parser || entry.size !== size || entry.mtimeMs !== mtimeMs) return null;
  return contentHash(bytes.subarray(entry.body)) === entry.sum ? entry : null;
}

const decoder = new TextDecoder('utf-8');

/** The report an entry holds. Throws only on an entry whose checksum matched yet is not JSON (never written so). */
export function entryReport(entry: Entry): Report {
  return JSON.parse(decoder.decode(entry.bytes.subarray(entry.body))) as Report;
}
