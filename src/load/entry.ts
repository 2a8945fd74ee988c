// A parsed, checked report file in the form the parse cache stores it. Workers produce entries (parse, per-report
// checks, hashing and encoding all happen off the main thread, in parse-file.ts); the main thread stores them as
// they are. This module stays free of the parser, so a load served from the cache never imports it.
//
// An entry is one ASCII header line, then three parts:
// - the *summary*: the report's JSON with each detail field (tables, sections, narrative, diagnostics… see
//   DETAIL_KEYS) replaced by 0 — what the list, the search and the review queue need, small and quick to parse;
// - the *facts*: what the cross-report checks read of the detail (parse/checks/corpus-facts.ts), one line of JSON
//   ending in a newline, so that checking a folder of many years leaves the details deflated;
// - the *detail*: those fields' JSON, deflated. It is inflated only when something reads one of them (a pane showing
//   the report, JSON output), so a warm load of a big folder parses a tenth of the bytes.
//
// Header: `xxgk3.<dictionary> parser size mtimeMs ctimeMs ino readAt hash thresholds summaryLength factsLength crc` (tab-separated).
// `size` … `ino` are the file's stat when it was read and `readAt` the clock just before: together they let a load
// trust an unchanged file without reading it (see `isUnchanged`). `hash` is the SHA-1 of the file's bytes,
// `thresholds` the key of the thresholds the stored anomalies were computed with, `crc` the CRC-32 of the parts,
// so a damaged entry is never served.
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { corpusFacts, decodeCorpusFacts, encodeCorpusFacts, type CorpusFacts } from '../parse/checks/corpus-facts.js';
import type { Report } from '../parse/model.js';
import { DETAIL_DICTIONARY, DICTIONARY_ID } from './detail-dictionary.js';
import type { LoadProblem } from './types.js';

// The format, and the dictionary details are deflated with: an entry made with another is never read.
const MAGIC = `xxgk3.${DICTIONARY_ID}`;
const NEWLINE = 0x0a;
const FIELDS = 12;

/** The report fields kept deflated until read: everything but what the list and the review queue show. */
export const DETAIL_KEYS = [
  'formatEvidence',
  'sections',
  'active',
  'applications',
  'reviews',
  'narrative',
  'narrativeMentions',
  'legacy',
  'blankCells',
  'diagnostics',
  'textFlags',
] as const satisfies ReadonlyArray<keyof Report>;
export type DetailKey = (typeof DETAIL_KEYS)[number];
const IS_DETAIL: ReadonlySet<string> = new Set(DETAIL_KEYS);

/** What a load knows of a file before reading it (from discovery's stat). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface EntryHeader extends FileStamp {
  parser: string;
  /** Date.now() just before the file was read (after its stamp was taken). */
  readAt: number;
  hash: string;
  thresholds: string;
}

/** An entry whose header has been read; `entryReport` gives its report. */
export interface Entry extends EntryHeader {
  bytes: Uint8Array;
  /** Offsets of the summary, the facts (their line, newline included) and the detail in `bytes`. */
  summary: number;
  facts: number;
  detail: number;
  /** CRC-32 of the summary, facts and detail, as the header says (checked by decodeEntry). */
  crc: number;
}

/** What parsing one file gives: a problem, or the cache entry of its checked report. */
export type ParsedFile = { kind: 'problem'; problem: LoadProblem } | { kind: 'report'; entry: Uint8Array };

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * A file's timestamps have the clock's coarse granularity (a few milliseconds on Linux, 2 s for FAT's mtime): two
 * writes within one tick leave the same stamp. A stamp is trusted only when the file had last changed well before it
 * was read, so any later write must show a later stamp. (Git's index has the same "racily clean" rule.)
 */
export const RACY_MS = 3000;

/**
 * True when the file still has the stamp it had when the entry was made and that stamp can be trusted: then the
 * bytes are the ones that were parsed, without reading them. A write changes ctime (even one that restores mtime and
 * size, as `touch -d` or a careful copy do), a replaced file changes inode; anything else is read and hashed.
 */
export function isUnchanged(entry: EntryHeader, now: FileStamp): boolean {
  return (
    entry.size === now.size &&
    entry.mtimeMs === now.mtimeMs &&
    entry.ctimeMs === now.ctimeMs &&
    entry.ino === now.ino &&
    Math.max(entry.mtimeMs, entry.ctimeMs) + RACY_MS < entry.readAt
  );
}

const encoder = new TextEncoder();

export function encodeEntry(header: EntryHeader, report: Report): Uint8Array {
  const summary: Record<string, unknown> = {};
  const detail: Record<string, unknown> = {};
  for (const key of Object.keys(report)) {
    const value = (report as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (IS_DETAIL.has(key)) {
      detail[key] = value;
      summary[key] = 0; // holds the field's place, so the report keeps its key order
    } else summary[key] = value;
  }
  const facts = encoder.encode(encodeCorpusFacts(corpusFacts(report)) + '\n');
  // Level 6: with the dictionary, details 11% smaller than at level 1 (without it, 2%), for ~40 µs more per report
  // on a worker against ~1.3 ms to parse it. Memory at 100,000 reports is the scarcer.
  const deflated = deflateRawSync(encoder.encode(JSON.stringify(detail)), { level: 6, dictionary: DETAIL_DICTIONARY });
  return assemble(header, encoder.encode(JSON.stringify(summary)), facts, deflated);
}

/** The same entry with a new header (a file re-stamped after its bytes were found unchanged). */
export function restamp(entry: Entry, header: EntryHeader): Uint8Array {
  const { bytes } = entry;
  return assemble(header, bytes.subarray(entry.summary, entry.facts), bytes.subarray(entry.facts, entry.detail), bytes.subarray(entry.detail));
}

function assemble(header: EntryHeader, summary: Uint8Array, facts: Uint8Array, detail: Uint8Array): Uint8Array {
  const crc = crcOf(summary, facts, detail);
  const line = [MAGIC, header.parser, header.size, header.mtimeMs, header.ctimeMs, header.ino, header.readAt, header.hash, header.thresholds, summary.length, facts.length, crc].join('\t') + '\n';
  // One exact-size allocation that owns its ArrayBuffer, so it can be transferred from a worker without a copy.
  const out = new Uint8Array(line.length + summary.length + facts.length + detail.length);
  out.set(Buffer.from(line, 'latin1'), 0);
  out.set(summary, line.length);
  out.set(facts, line.length + summary.length);
  out.set(detail, line.length + summary.length + facts.length);
  return out;
}

function crcOf(summary: Uint8Array, facts: Uint8Array, detail: Uint8Array): number {
  return crc32(detail, crc32(facts, crc32(summary)));
}

const latin1 = new TextDecoder('latin1');

/** The header of an entry this process encoded (a worker's answer, a verified index chunk): nothing to verify. */
export function readEntry(bytes: Uint8Array): Entry | null {
  const newline = bytes.indexOf(NEWLINE);
  if (newline < 0 || newline > 512) return null;
  const f = latin1.decode(bytes.subarray(0, newline)).split('\t');
  if (f.length !== FIELDS || f[0] !== MAGIC || !f[7] || !f[8]) return null;
  const size = Number(f[2]);
  const mtimeMs = Number(f[3]);
  const ctimeMs = Number(f[4]);
  const ino = Number(f[5]);
  const readAt = Number(f[6]);
  const summaryLength = Number(f[9]);
  const factsLength = Number(f[10]);
  const crc = Number(f[11]);
  // NaN fails every comparison below or in isUnchanged; these must be real numbers to slice the entry.
  if (!Number.isInteger(summaryLength) || !Number.isInteger(factsLength) || factsLength < 1 || !Number.isInteger(crc)) return null;
  if (!Number.isFinite(size + mtimeMs + ctimeMs + ino + readAt)) return null;
  const summary = newline + 1;
  const facts = summary + summaryLength;
  const detail = facts + factsLength;
  if (detail > bytes.length || bytes[detail - 1] !== NEWLINE) return null;
  return { parser: f[1]!, size, mtimeMs, ctimeMs, ino, readAt, hash: f[7], thresholds: f[8], bytes, summary, facts, detail, crc };
}

/** A stored entry, or null when it is not a whole, undamaged entry made by this parser. */
export function decodeEntry(bytes: Uint8Array, parser: string): Entry | null {
  const entry = readEntry(bytes);
  if (!entry || entry.parser !== parser) return null;
  const crc = crcOf(bytes.subarray(entry.summary, entry.facts), bytes.subarray(entry.facts, entry.detail), bytes.subarray(entry.detail));
  return crc === entry.crc ? entry : null;
}

const decoder = new TextDecoder('utf-8');

/** The summary's fields, the detail fields holding 0. Throws only on an entry that was never written so. */
export function entrySummary(entry: Entry): Report {
  return JSON.parse(decoder.decode(entry.bytes.subarray(entry.summary, entry.facts))) as Report;
}

/**
 * What a report made from the entry keeps of it until its detail is read: the facts line and the deflated detail, as
 * a copy. Not a view: the rest of the entry (and, for an entry read from a folder's index, the whole index chunk)
 * need not stay in memory with it; and not `.slice()`, which on a Buffer (what the store returns) is a view too.
 */
export function keptPart(entry: Entry): Uint8Array {
  return Uint8Array.prototype.slice.call(entry.bytes, entry.facts);
}

/** The cross-report facts of a kept part. Throws on a damaged part (never served: the CRC covers it). */
export function keptFacts(kept: Uint8Array): CorpusFacts {
  return decodeCorpusFacts(decoder.decode(kept.subarray(0, kept.indexOf(NEWLINE))));
}

/** The detail fields of a kept part. Throws on a damaged part (never served: the CRC covers it). */
export function keptDetail(kept: Uint8Array): Partial<Pick<Report, DetailKey>> {
  return JSON.parse(decoder.decode(inflateRawSync(kept.subarray(kept.indexOf(NEWLINE) + 1), { dictionary: DETAIL_DICTIONARY }))) as Partial<Pick<Report, DetailKey>>;
}
