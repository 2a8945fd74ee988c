// The parse cache: one entry per report file, in LevelDB (classic-level) under the user's cache directory.
//
// Why LevelDB: an embedded, crash-safe key-value store (a write-ahead log replayed on open, checksummed
// blocks) that reports damage as an error instead of crashing. LMDB was tried first and dies with SIGBUS on a
// truncated data file — a cache must never be able to take the program down. classic-level ships prebuilt
// binaries inside its npm package, so installing needs no compiler and no download.
//
// Never stale: an entry is used only when the parser version matches, the entry's own checksum verifies, and the
// file is the one parsed: either its bytes have the entry's content hash (SHA-1), or its stamp — size, mtime, ctime,
// inode — is the entry's and was taken well after the file's last change (entry.ts, isUnchanged; the rule git's
// index uses), so any write since would show.
// Anything else — a changed file, a new parser, a damaged entry, a damaged database — means a re-parse.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { ClassicLevel } from 'classic-level';
import { STORE_PREFIX, codeCacheDir, defaultCacheDir } from './cache-dir.js';
import { decodeEntry, readEntry, type Entry } from './entry.js';
import { parserFingerprint } from './parser-code.js';

export { codeCacheDir, defaultCacheDir } from './cache-dir.js';

/**
 * Values are the entries' bytes (entry.ts). LevelDB reads table files through mmap, and every mapped page a warm load
 * touches counts in RSS; with at most 20 table files open (default file size, ~2 MB each) few stay mapped at once.
 * A load reads keys in about the order they were written, so tables are rarely reopened: at 100,000 reports the
 * warm load was faster than before (17.9 s against 26.8 s, with the other changes of that version) and the peak
 * RSS 763 MB. (Smaller files, maxFileSize 512 KB, made warm loads 40% slower and were not kept.)
 */
const STORE_OPTIONS = { keyEncoding: 'utf8', valueEncoding: 'view', maxOpenFiles: 20 } as const;

/** Bytes of encoded entries that start a batch write. */
const FLUSH_BYTES = 1 << 19;
/** Bytes of encoded entries a loader lets wait behind a running write before it pauses. */
const MAX_PENDING_BYTES = 1 << 21;

export class ParseCache {
  private pending: Array<{ type: 'put'; key: string; value: Uint8Array }> = [];
  private pendingBytes = 0;
  private writing: Promise<void> | null = null;
  private lookups: Array<{ path: string; resolve: (c: Entry | null) => void }> = [];
  /** Whether this handle has written anything: then it lets the compaction its writes started finish (close). */
  private wrote = false;

  private constructor(
    private readonly db: ClassicLevel<string, Uint8Array>,
    readonly dir: string,
    /** Parser version (fingerprint) the entries must carry. */
    readonly version: string,
  ) {}

  /**
   * Opens (or creates) the cache. A database that cannot be opened is moved aside and a fresh one created;
   * when even that fails the caller runs without a cache (null) and says so.
   */
  static async open(
    dir: string = defaultCacheDir(),
    version: string = parserFingerprint(),
  ): Promise<{ cache: ParseCache | null; warning: string | null }> {
    const dbDir = storeDir(dir, version);
    try {
      await fs.mkdir(dir, { recursive: true });
      await removeOtherVersions(dir, path.basename(dbDir));
      const db = new ClassicLevel<string, Uint8Array>(dbDir, STORE_OPTIONS);
      await db.open();
      return { cache: new ParseCache(db, dbDir, version), warning: null };
    } catch (first) {
      const code = (first as { code?: string }).code;
      if (code === 'LEVEL_LOCKED' || (first as { cause?: { code?: string } }).cause?.code === 'LEVEL_LOCKED') {
        return { cache: null, warning: 'parse cache in use by another xxgk; running without it' };
      }
      try {
        await fs.rm(dbDir, { recursive: true, force: true });
        const db = new ClassicLevel<string, Uint8Array>(dbDir, STORE_OPTIONS);
        await db.open();
        return { cache: new ParseCache(db, dbDir, version), warning: 'parse cache was damaged and has been rebuilt' };
      } catch (second) {
        return { cache: null, warning: `parse cache unavailable (${(second as Error).message}); running without it` };
      }
    }
  }

  /**
   * The cached entry for this file (absolute path) if it is whole and made by this parser version; whether it still
   * describes the file (stamp or content hash) is for the caller to decide.
   */
  candidate(path: string): Promise<Entry | null> {
    return new Promise((resolve) => {
      this.lookups.push({ path, resolve });
      // Lookups made in the same turn go to the store as one getMany: one native round trip instead of many.
      if (this.lookups.length === 1) setImmediate(() => void this.runLookups());
    });
  }

  private async runLookups(): Promise<void> {
    const batch = this.lookups;
    this.lookups = [];
    let raws: Array<Uint8Array | undefined>;
    try {
      raws = await this.db.getMany(batch.map((l) => l.path));
    } catch {
      raws = batch.map(() => undefined); // an I/O error inside the store: misses, the files are re-parsed
    }
    batch.forEach((lookup, i) => {
      const raw = raws[i];
      lookup.resolve(raw === undefined ? null : decodeEntry(plainView(raw), this.version));
    });
  }

  /** Stores an entry (from `encodeEntry`, for this cache's parser version); written in batches. */
  put(path: string, entry: Uint8Array): void {
    this.queue(path, entry);
  }

  private queue(key: string, value: Uint8Array): void {
    this.pending.push({ type: 'put', key, value });
    this.pendingBytes += value.length;
    if (this.pendingBytes >= FLUSH_BYTES) void this.flush();
  }

  /**
   * Resolves once the entries waiting to be written are few enough. Encoded entries are big strings; left to pile
   * up while the store is busy they live long enough to reach V8's old generation, which then grows by hundreds of
   * megabytes on a big folder. Loaders await this after each put.
   */
  async settle(): Promise<void> {
    while (this.pendingBytes >= MAX_PENDING_BYTES && this.writing) await this.writing;
  }

  /** Writes pending entries in one batch (LevelDB applies a batch atomically), one batch at a time. */
  flush(): Promise<void> {
    if (this.writing) return this.writing.then(() => this.flush());
    if (this.pending.length === 0) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.wrote = true;
    this.writing = this.db
      .batch(batch)
      .catch(() => undefined) // a failed cache write costs only a re-parse next time
      .finally(() => {
        this.writing = null;
        if (this.pendingBytes >= FLUSH_BYTES) void this.flush();
      });
    return this.writing;
  }

  /**
   * A folder's index, chunk by chunk in discovery order: the entries of its files as the last load found them,
   * INDEX_CHUNK files to a value. A warm load reads a few big values instead of one lookup per file. It is only an
   * accelerator: every entry in it is judged like any other (parser, stamp or hash), a file it lacks is looked up on
   * its own, and a chunk that is damaged or half-written is simply not used.
   */
  async readIndexChunk(root: string, chunk: number): Promise<Array<{ path: string; entry: Entry }>> {
    let raw: Uint8Array | undefined;
    try {
      raw = await this.db.get(indexKey(root, chunk));
    } catch {
      return [];
    }
    return raw === undefined ? [] : (decodeIndexChunk(raw, this.version) ?? []);
  }

  /** Stores (or replaces) one chunk of a folder's index; written with the next batch. */
  putIndexChunk(root: string, chunk: number, files: ReadonlyArray<{ path: string; entry: Uint8Array }>): void {
    this.queue(indexKey(root, chunk), encodeIndexChunk(files));
  }

  /** Removes the index chunks from `from` on (the folder has fewer files than last time). */
  trimIndex(root: string, from: number): Promise<void> {
    // a chunk left behind is judged entry by entry; it costs a little reading, never a wrong result
    return this.clearFrom(indexKey, root, from);
  }

  /**
   * One chunk of a folder's stored cross-report findings (stored-findings.ts), as stored; undefined when there is
   * none or the store cannot read it. Whether it belongs to this load is for the caller to decide.
   */
  readFindingsChunk(root: string, chunk: number): Promise<Uint8Array | undefined> {
    return this.readValue(findingsKey(root, chunk));
  }

  /** Stores one chunk of a folder's cross-report findings (from `encodeFindingsChunk`); written in batches. */
  putFindingsChunk(root: string, chunk: number, value: Uint8Array): void {
    this.queue(findingsKey(root, chunk), value);
  }

  /** The table of bodies stored with a folder's findings (reused-findings.ts); undefined when there is none. */
  readBodyTable(root: string): Promise<Uint8Array | undefined> {
    return this.readValue(bodyTableKey(root));
  }

  /** A stored value; undefined when there is none or it cannot be read (then it is as good as missing). */
  private async readValue(key: string): Promise<Uint8Array | undefined> {
    try {
      const raw = await this.db.get(key);
      return raw === undefined ? undefined : plainView(raw);
    } catch {
      return undefined;
    }
  }

  putBodyTable(root: string, value: Uint8Array): void {
    this.queue(bodyTableKey(root), value);
  }

  /** Removes the findings chunks from `from` on (left by a bigger folder: never used, as their key differs). */
  trimFindings(root: string, from: number): Promise<void> {
    return this.clearFrom(findingsKey, root, from);
  }

  private async clearFrom(key: (root: string, chunk: number) => string, root: string, from: number): Promise<void> {
    await this.flush();
    try {
      await this.db.clear({ gte: key(root, from), lt: key(root, Number.MAX_SAFE_INTEGER) });
    } catch {
      // left behind, it is judged like any other value read: never a wrong result
    }
  }

  async clear(): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await this.writing;
    await this.db.clear();
  }

  /**
   * Closes the store. A handle that wrote first waits (at most `COMPACTION_WAIT_MS`) for the compaction its writes
   * made due: LevelDB compacts on a thread of its own, and closing abandons a compaction midway, its work lost. The
   * next open then does it all again while that load reads, on the core the load needs. After a cold load of 10,000
   * reports (~100 MB written, a compaction of ~35 MB due at the end) the next warm load took 529–631 ms instead of
   * 459–489 (5 runs each); waiting for it here took ~150 ms at the end of a ~9 s load.
   */
  async close(): Promise<void> {
    await this.flush();
    if (this.wrote) await this.compactionDone(COMPACTION_WAIT_MS);
    await this.db.close();
  }

  private async compactionDone(maxMs: number): Promise<void> {
    const deadline = performance.now() + maxMs;
    while (performance.now() < deadline) {
      let tables: string;
      try {
        tables = this.db.getProperty('leveldb.sstables');
      } catch {
        return;
      }
      if (!compactionDue(tables)) return;
      await new Promise((resolve) => setTimeout(resolve, COMPACTION_POLL_MS));
    }
  }
}

/** The longest a closing handle waits for its compaction: past it, the rest is left to the next open, as before. */
const COMPACTION_WAIT_MS = 2000;
const COMPACTION_POLL_MS = 10;

/**
 * LevelDB compacts level 0 from this many files on (kL0_CompactionTrigger), and level n from 1 to 5 past 10ⁿ MB;
 * the last level (6) has no limit.
 */
const LEVEL0_FILES_DUE = 4;
const LEVEL1_BYTES = 10 * 1048576;
const LAST_LEVEL = 6;

/**
 * Whether LevelDB has a compaction due, judged from its `leveldb.sstables` property (each level's table files with
 * their sizes in bytes) by the rule LevelDB schedules compactions with (VersionSet::Finalize: a level whose score
 * reaches 1). LevelDB has no property that says so itself. (Not `leveldb.stats`: it rounds sizes to whole megabytes,
 * and a level 1 of 9.9 MB read as 10 kept a close waiting for a compaction that never came.)
 */
export function compactionDue(sstables: string): boolean {
  let level = -1;
  const files: number[] = [];
  const bytes: number[] = [];
  for (const line of sstables.split('\n')) {
    const heading = /^--- level (\d+) ---/.exec(line);
    if (heading) {
      level = Number(heading[1]);
      files[level] = 0;
      bytes[level] = 0;
      continue;
    }
    // A table: ` number:size['first key' … 'last key']`; LevelDB escapes the keys, so no key holds a newline.
    const table = /^\s*\d+:(\d+)\[/.exec(line);
    if (!table || level < 0) continue;
    files[level]!++;
    bytes[level]! += Number(table[1]);
  }
  if ((files[0] ?? 0) >= LEVEL0_FILES_DUE) return true;
  for (let n = 1; n < LAST_LEVEL; n++) if ((bytes[n] ?? 0) >= LEVEL1_BYTES * 10 ** (n - 1)) return true;
  return false;
}

function storeDir(dir: string, version: string): string {
  return path.join(dir, `${STORE_PREFIX}${version}`);
}

/**
 * False when no store has been made for this parser version in `dir` yet (a first run, a new parser): then every
 * file will be parsed, which a loader can know before it opens the store. (LevelDB writes CURRENT when it creates a
 * store; a true answer promises nothing about what the store holds.)
 */
export function storeExists(dir: string | undefined, version: string): boolean {
  return existsSync(path.join(storeDir(dir ?? defaultCacheDir(), version), 'CURRENT'));
}

/** Files per index chunk: big enough that a warm load makes few reads, small enough to read the first at once. */
export const INDEX_CHUNK = 1000;

/** Index and findings keys start with \x01, so they never meet a file's key (an absolute path). */
function indexKey(root: string, chunk: number): string {
  return `\x01index\x00${root}\x00${String(chunk).padStart(16, '0')}`;
}

function bodyTableKey(root: string): string {
  return `\x01bodies\x00${root}`;
}

function findingsKey(root: string, chunk: number): string {
  return `\x01findings\x00${root}\x00${String(chunk).padStart(16, '0')}`;
}

const INDEX_MAGIC = Buffer.from('xxgkix1\n', 'latin1');

/** `xxgkix1\n`, the CRC-32 of the rest, then for each file its path and its entry, each after a 32-bit length. */
export function encodeIndexChunk(files: ReadonlyArray<{ path: string; entry: Uint8Array }>): Uint8Array {
  const paths = files.map((f) => Buffer.from(f.path, 'utf8'));
  let size = INDEX_MAGIC.length + 4;
  files.forEach((f, i) => (size += 8 + paths[i]!.length + f.entry.length));
  const out = Buffer.allocUnsafe(size);
  INDEX_MAGIC.copy(out, 0);
  let at = INDEX_MAGIC.length + 4;
  files.forEach((f, i) => {
    out.writeUInt32LE(paths[i]!.length, at);
    paths[i]!.copy(out, at + 4);
    at += 4 + paths[i]!.length;
    out.writeUInt32LE(f.entry.length, at);
    out.set(f.entry, at + 4);
    at += 4 + f.entry.length;
  });
  out.writeUInt32LE(crc32(out.subarray(INDEX_MAGIC.length + 4)), INDEX_MAGIC.length);
  return out;
}

/**
 * The same bytes as a plain Uint8Array. The store gives Buffers, and every view or copy of a Buffer is a Buffer too,
 * whose constructor costs several times a plain typed array's: a warm load makes a few of them per report.
 */
function plainView(bytes: Uint8Array): Uint8Array {
  return Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

/**
 * The entries of an index chunk made by this parser version, or null when the chunk is damaged. The entries are
 * views into the chunk, not copies; the chunk's CRC stands for theirs.
 */
export function decodeIndexChunk(raw: Uint8Array, parser: string): Array<{ path: string; entry: Entry }> | null {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const view = plainView(raw);
  const body = INDEX_MAGIC.length + 4;
  if (bytes.length < body || !bytes.subarray(0, INDEX_MAGIC.length).equals(INDEX_MAGIC)) return null;
  if (crc32(bytes.subarray(body)) !== bytes.readUInt32LE(INDEX_MAGIC.length)) return null;
  const files: Array<{ path: string; entry: Entry }> = [];
  let at = body;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) return null;
    const pathLength = bytes.readUInt32LE(at);
    const path = bytes.toString('utf8', at + 4, at + 4 + pathLength);
    at += 4 + pathLength;
    if (at + 4 > bytes.length) return null;
    const entryLength = bytes.readUInt32LE(at);
    if (at + 4 + entryLength > bytes.length) return null;
    const entry = readEntry(view.subarray(at + 4, at + 4 + entryLength));
    at += 4 + entryLength;
    if (entry && entry.parser === parser) files.push({ path, entry });
  }
  return files;
}

/** A new parser makes older caches useless: remove them so they do not pile up. */
async function removeOtherVersions(dir: string, keep: string): Promise<void> {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(STORE_PREFIX) && name !== keep) await fs.rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** `xxgk cache clear`: removes every cache database under the cache directory, and the code cache. */
export async function clearCacheDir(dir: string = defaultCacheDir()): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of entries) if (name.startsWith(STORE_PREFIX)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  await fs.rm(codeCacheDir(dir), { recursive: true, force: true });
}
