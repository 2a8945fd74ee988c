// The cross-report findings of a folder, stored after a complete pass so that the next load of the same folder with
// the same reports need not check them against each other again. On a folder of several years per body that pass
// is the largest part of a warm load (a third of it at 10,000 reports) and, at 100,000 reports, the peak of its memory.
//
// Never stale: the findings are a function of the parser (whose fingerprint covers the rules), the thresholds, and
// the reports in discovery order — each one's file (relative path, which messages name) and the content hash of its
// bytes, which fixes everything a rule reads of it. `FolderKey` hashes exactly that; stored findings are used only
// under the same key. Every chunk carries the key, its number, the number of chunks and a CRC of its body, so a
// damaged chunk, a chunk of an older pass, or a pass whose writing was cut short is never used: the checks run.
import { createHash, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Anomaly, Report } from '../parse/model.js';
import { compactFinding } from './compact.js';

/** Reports per stored chunk: ~0.8 MB of findings on a folder of many years, read and parsed one at a time. */
export const FINDINGS_CHUNK = 1000;

const MAGIC = 'xxgkfind1';

/** The identity of a load's input to the cross-report checks (see the top of this file). */
export class FolderKey {
  private readonly hash: Hash = createHash('sha1');
  private count = 0;
  /** What is still to be hashed: fed to the hash some 64 KB at a time, not a call per report (the same digest). */
  private pending = '';

  constructor(parser: string, thresholds: string) {
    this.hash.update(`${parser}\0${thresholds}\0`);
  }

  /** The next report in discovery order: its file relative to the root, and the content hash of its bytes. */
  add(file: string, contentHash: string): void {
    this.pending += `${file}\0${contentHash}\n`;
    if (this.pending.length >= PENDING_KEY_CHARS) this.feed();
    this.count++;
  }

  /** The key; call once, after the last report. */
  digest(): string {
    this.feed();
    return `${this.count}-${this.hash.digest('hex')}`;
  }

  private feed(): void {
    this.hash.update(this.pending);
    this.pending = '';
  }
}

const PENDING_KEY_CHARS = 1 << 15;

/** One chunk: the findings of reports `chunk·N` … `chunk·N+N−1`, as [position, anomalies] for those that have any. */
export type FindingsChunk = Array<[number, Anomaly[]]>;

// A chunk is a header line, then one line of JSON per report, `[position,[anomaly,…]]`. Line by line, because a
// chunk's findings are about a megabyte of mostly Chinese text: as one string (two bytes a character) it would be
// allocated straight into V8's old generation, and a hundred of them, written or read at the end of a big load, would
// stay there as garbage until the next full collection — at the peak of the load's memory. A line is small and dies
// young. (JSON escapes newlines inside strings, so a newline ends a line.)
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
/** Reused for every chunk encoded: only the exact-size result is new. */
let scratch = new Uint8Array(1 << 20);

export function encodeFindingsChunk(key: string, chunk: number, chunks: number, findings: FindingsChunk): Uint8Array {
  let length = 0;
  for (const finding of findings) {
    const line = JSON.stringify(finding);
    // At most 3 bytes a UTF-16 unit, and the newline.
    if (length + line.length * 3 + 1 > scratch.length) {
      const grown = new Uint8Array(Math.max(scratch.length * 2, length + line.length * 3 + 1));
      grown.set(scratch.subarray(0, length));
      scratch = grown;
    }
    length += encoder.encodeInto(line, scratch.subarray(length)).written;
    scratch[length++] = 0x0a;
  }
  const body = scratch.subarray(0, length);
  const head = encoder.encode(`${MAGIC}\t${key}\t${chunk}\t${chunks}\t${crc32(body)}\n`);
  const out = new Uint8Array(head.length + length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** A chunk's findings and the number of chunks, or null unless it is a whole chunk `chunk` stored under `key`. */
export function decodeFindingsChunk(raw: Uint8Array, key: string, chunk: number): { chunks: number; findings: FindingsChunk } | null {
  const newline = raw.indexOf(0x0a);
  if (newline < 0 || newline > 256) return null;
  const f = decoder.decode(raw.subarray(0, newline)).split('\t');
  if (f.length !== 5 || f[0] !== MAGIC || f[1] !== key || Number(f[2]) !== chunk) return null;
  const chunks = Number(f[3]);
  const body = raw.subarray(newline + 1);
  if (!Number.isInteger(chunks) || chunk >= chunks || crc32(body) !== Number(f[4])) return null;
  const findings: FindingsChunk = [];
  try {
    for (let at = 0; at < body.length; ) {
      const end = body.indexOf(0x0a, at);
      if (end < 0) return null;
      findings.push(JSON.parse(decoder.decode(body.subarray(at, end))) as [number, Anomaly[]]);
      at = end + 1;
    }
  } catch {
    return null;
  }
  return { chunks, findings };
}

/**
 * The cross-report findings of chunk `chunk`: what each report gained beyond its first `before[i]` anomalies (its
 * own, per-report ones), in the order the checks added them.
 */
export function findingsOf(reports: readonly Report[], before: Uint32Array, chunk: number): FindingsChunk {
  const findings: FindingsChunk = [];
  const end = Math.min(reports.length, (chunk + 1) * FINDINGS_CHUNK);
  for (let i = chunk * FINDINGS_CHUNK; i < end; i++) {
    const anomalies = reports[i]!.anomalies;
    if (anomalies.length > before[i]!) findings.push([i, anomalies.slice(before[i])]);
  }
  return findings;
}

/**
 * Adds a stored chunk's findings to the reports. False (nothing added) unless every finding is an anomaly of a report
 * inside the chunk: the CRC and the key make anything else impossible short of a bug, but a report must never be
 * given another's findings, and a malformed one must not stop the load.
 */
export function attachFindings(reports: readonly Report[], chunk: number, findings: FindingsChunk): boolean {
  if (!validFindings(findings, chunk, reports.length)) return false;
  for (const [position, anomalies] of findings) {
    for (const a of anomalies) compactFinding(a);
    reports[position]!.anomalies.push(...anomalies);
  }
  return true;
}

/** Whether every finding of chunk `chunk` of a pass over `reports` reports is an anomaly of a report inside the chunk. */
export function validFindings(findings: FindingsChunk, chunk: number, reports: number): boolean {
  const start = chunk * FINDINGS_CHUNK;
  const end = Math.min(reports, start + FINDINGS_CHUNK);
  return findings.every((f) => Array.isArray(f) && Number.isInteger(f[0]) && f[0] >= start && f[0] < end && Array.isArray(f[1]) && f[1].every(isAnomaly));
}

function isAnomaly(a: unknown): a is Anomaly {
  if (a === null || typeof a !== 'object') return false;
  const { id, severity, message, messageZh, cells, fingerprint } = a as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof severity === 'string' &&
    typeof message === 'string' &&
    typeof messageZh === 'string' &&
    typeof fingerprint === 'string' &&
    Array.isArray(cells) &&
    cells.every((c) => typeof c === 'string')
  );
}

export function chunksFor(reports: number): number {
  return Math.ceil(reports / FINDINGS_CHUNK);
}
