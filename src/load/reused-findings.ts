// When a folder has changed since its findings were stored (a clerk corrected one report), the cross-report pass runs
// again, but most of it need not: the rules that work body by body (`perBody`: a body's findings depend only on that
// body's reports) would find again, for every body whose reports are the same, what the last pass found. The last
// pass stored, beside its findings (stored-findings.ts), a table of its bodies: for each, a digest of its reports
// (their files and content hashes, in the body's order) and their positions in that pass. A body of this load with
// the same digest takes its per-body findings from the stored chunks, at those positions; the per-body rules run on
// the other bodies only, and the rules that compare across bodies (hierarchy-sum) run on everything, as before.
//
// Never stale, by the same argument as stored-findings.ts: the digest fixes everything a per-body rule reads of the
// body (the parser fingerprint and the thresholds, which fix the rules, are checked in the table's header), and a
// body with another digest, a table or chunk that is missing or damaged, means the checks run.
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Report } from '../parse/model.js';
import { sha1Hex } from '../parse/sha1.js';
import { chunksFor, validFindings, type FindingsChunk } from './stored-findings.js';
import { compactFinding } from './compact.js';

const MAGIC = 'xxgkbody1';

/** The content hashes (SHA-1, hex) of a load's reports in order, 20 bytes each rather than a string each. */
export class ContentHashes {
  private bytes = Buffer.alloc(20 * 1024);
  private count = 0;
  /** Positions where what was added was no SHA-1. */
  private unusable: Set<number> | null = null;

  add(hex: string): void {
    if ((this.count + 1) * 20 > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    const at = this.count++ * 20;
    if (/^[0-9a-f]{40}$/.test(hex)) this.bytes.write(hex, at, 20, 'hex');
    // An entry's CRC makes this impossible short of a bug; should it happen, the report is known by no hash at all.
    else (this.unusable ??= new Set()).add(this.count - 1);
  }

  /** The hash of the report at `position`; null when what was added there was no SHA-1. */
  hexAt(position: number): string | null {
    return this.unusable?.has(position) ? null : this.bytes.toString('hex', position * 20, position * 20 + 20);
  }

  get length(): number {
    return this.count;
  }
}

/** One body of a pass: the digest of its reports, and their positions in the pass, in the body's order. */
export type BodyRecord = [digest: string, positions: number[]];

/** What the table belongs to: the parser fingerprint and the thresholds, which fix the rules and what they find. */
export function tableBasis(parser: string, thresholds: string): string {
  return sha1Hex(`${parser}\0${thresholds}`);
}

/** Bodies, or reports, between the points where bodyRecords may pause. */
const RECORDS_PER_STEP = 512;

/**
 * Each body's record: the digest of its reports' files and content hashes in the body's order (groupByBody's), and
 * their positions in `reports`. A generator whose every `yield` is a point where the caller may pause (~100 ms of
 * work at 100,000 reports, in one piece it would hold the explorer); the records are its return value.
 */
export function* bodyRecords(bodies: ReadonlyMap<string, readonly Report[]>, reports: readonly Report[], hashes: ContentHashes): Generator<void, Map<string, BodyRecord>> {
  const positionOf = new Map<Report, number>();
  for (let i = 0; i < reports.length; i++) {
    positionOf.set(reports[i]!, i);
    if (i % (RECORDS_PER_STEP * 16) === 0) yield;
  }
  const records = new Map<string, BodyRecord>();
  let n = 0;
  for (const [key, list] of bodies) {
    let text = '';
    let usable = true;
    const positions: number[] = [];
    for (const r of list) {
      const position = positionOf.get(r)!;
      positions.push(position);
      const hash = hashes.hexAt(position);
      if (hash === null) usable = false;
      text += `${r.file}\0${hash}\n`;
    }
    // A body whose reports are not all known by their content gets a digest that matches no stored one.
    records.set(key, [usable ? sha1Hex(text) : randomBytes(20).toString('hex'), positions]);
    if (++n % RECORDS_PER_STEP === 0) yield;
  }
  return records;
}

/** The stored table: header (magic, the findings' folder key, basis, CRC of the body), then `digest<TAB>positions` lines. */
export function encodeBodyTable(folderKey: string, basis: string, records: Iterable<BodyRecord>): Uint8Array {
  let body = '';
  for (const [digest, positions] of records) body += `${digest}\t${positions.join(',')}\n`;
  const bodyBytes = Buffer.from(body, 'utf8');
  const head = Buffer.from(`${MAGIC}\t${folderKey}\t${basis}\t${crc32(bodyBytes)}\n`, 'utf8');
  return Buffer.concat([head, bodyBytes]);
}

export interface BodyTable {
  /** The key of the findings chunks stored with the table (stored-findings.ts, FolderKey). */
  folderKey: string;
  /** Number of reports of that pass, and of its chunks. */
  reports: number;
  chunks: number;
  /** Digest → positions in that pass. */
  bodies: Map<string, number[]>;
}

/** The table, or null unless it is whole and made under `basis`. */
export function decodeBodyTable(raw: Uint8Array, basis: string): BodyTable | null {
  const newline = raw.indexOf(0x0a);
  if (newline < 0 || newline > 512) return null;
  const f = Buffer.from(raw.buffer, raw.byteOffset, newline).toString('utf8').split('\t');
  if (f.length !== 4 || f[0] !== MAGIC || f[2] !== basis) return null;
  const body = raw.subarray(newline + 1);
  if (crc32(body) !== Number(f[3])) return null;
  // The folder key starts with the number of reports of its pass (FolderKey.digest).
  const folderKey = f[1]!;
  const reports = Number(folderKey.slice(0, folderKey.indexOf('-')));
  if (!Number.isInteger(reports) || reports <= 0) return null;
  const bodies = new Map<string, number[]>();
  for (const line of Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8').split('\n')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const positions = line.slice(tab + 1).split(',').map(Number);
    if (tab !== 40 || !positions.every((p) => Number.isInteger(p) && p >= 0 && p < reports)) return null;
    bodies.set(line.slice(0, tab), positions);
  }
  return { folderKey, reports, chunks: chunksFor(reports), bodies };
}

/**
 * Which bodies of this load the stored table has (same digest): their keys, for the checks to skip, and for each
 * position of the stored pass, the report of this load it was.
 */
export function reusePlan(table: BodyTable, records: ReadonlyMap<string, BodyRecord>, bodies: ReadonlyMap<string, readonly Report[]>): { skip: Set<string>; targets: Map<number, Report> } {
  const skip = new Set<string>();
  const targets = new Map<number, Report>();
  for (const [key, [digest]] of records) {
    const before = table.bodies.get(digest);
    const list = bodies.get(key)!;
    if (!before || before.length !== list.length) continue;
    skip.add(key);
    before.forEach((position, i) => targets.set(position, list[i]!));
  }
  return { skip, targets };
}

/**
 * Adds to the reports of reused bodies their findings of the per-body rules (`keep`) from one stored chunk. False
 * (nothing added) unless the chunk is well-formed (validFindings).
 */
export function attachReused(findings: FindingsChunk, chunk: number, reports: number, targets: ReadonlyMap<number, Report>, keep: ReadonlySet<string>): boolean {
  if (!validFindings(findings, chunk, reports)) return false;
  for (const [position, anomalies] of findings) {
    const report = targets.get(position);
    if (!report) continue;
    for (const a of anomalies) {
      if (!keep.has(a.id)) continue;
      compactFinding(a);
      report.anomalies.push(a);
    }
  }
  return true;
}
