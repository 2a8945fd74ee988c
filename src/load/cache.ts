// The parse cache: one entry per report file, in LevelDB (classic-level) under the user's cache directory.
//
// Why LevelDB: an embedded, crash-safe key-value store (a write-ahead log replayed on open, checksummed
// blocks) that reports damage as an error instead of crashing. LMDB was tried first and dies with SIGBUS on a
// truncated data file — a cache must never be able to take the program down. classic-level ships prebuilt
// binaries inside its npm package, so installing needs no compiler and no download.
//
// Never stale: an entry is used only when the file's path, size, modification time, content hash (SHA-1 of
// the bytes, checked on every load) and the parser version all match, and the entry's own checksum verifies.
// Anything else — a changed file, a new parser, a damaged entry, a damaged database — means a re-parse.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import envPaths from 'env-paths';
import { PARSER_VERSION } from '../parse/index.js';
import type { Report } from '../parse/model.js';

export interface CacheKey {
  /** Absolute path of the report file. */
  path: string;
  size: number;
  mtimeMs: number;
}

interface Entry {
  parser: string;
  size: number;
  mtimeMs: number;
  hash: string;
  /** SHA-1 of `report`, so a damaged entry is never served. */
  sum: string;
  report: string;
}

/** A cached report whose content hash still has to be compared with the file's bytes. */
export interface CacheCandidate {
  hash: string;
  report: Report;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'xxgk');
  return envPaths('xxgk', { suffix: '' }).cache ?? path.join(os.homedir(), '.cache', 'xxgk');
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export class ParseCache {
  private pending: Array<{ type: 'put'; key: string; value: string }> = [];

  private constructor(
    private readonly db: ClassicLevel<string, string>,
    readonly dir: string,
    private readonly version: string,
  ) {}

  /**
   * Opens (or creates) the cache. A database that cannot be opened is moved aside and a fresh one created;
   * when even that fails the caller runs without a cache (null) and says so.
   */
  static async open(
    dir: string = defaultCacheDir(),
    version: string = PARSER_VERSION,
  ): Promise<{ cache: ParseCache | null; warning: string | null }> {
    const dbDir = path.join(dir, `parse-v${version}`);
    try {
      await fs.mkdir(dir, { recursive: true });
      await removeOtherVersions(dir, path.basename(dbDir));
      const db = new ClassicLevel<string, string>(dbDir, { valueEncoding: 'utf8' });
      await db.open();
      return { cache: new ParseCache(db, dbDir, version), warning: null };
    } catch (first) {
      const code = (first as { code?: string }).code;
      if (code === 'LEVEL_LOCKED' || (first as { cause?: { code?: string } }).cause?.code === 'LEVEL_LOCKED') {
        return { cache: null, warning: 'parse cache in use by another xxgk; running without it' };
      }
      try {
        await fs.rm(dbDir, { recursive: true, force: true });
        const db = new ClassicLevel<string, string>(dbDir, { valueEncoding: 'utf8' });
        await db.open();
        return { cache: new ParseCache(db, dbDir, version), warning: 'parse cache was damaged and has been rebuilt' };
      } catch (second) {
        return { cache: null, warning: `parse cache unavailable (${(second as Error).message}); running without it` };
      }
    }
  }

  /** The cached report for this file if size, mtime and parser version match; its hash is checked by the caller. */
  async candidate(key: CacheKey): Promise<CacheCandidate | null> {
    let raw: string | undefined;
    try {
      raw = await this.db.get(key.path);
    } catch {
      return null; // an I/O error inside the store: treat as a miss, the file is re-parsed
    }
    if (raw === undefined) return null;
    try {
      const entry = JSON.parse(raw) as Entry;
      if (entry.parser !== this.version || entry.size !== key.size || entry.mtimeMs !== key.mtimeMs) return null;
      if (contentHash(Buffer.from(entry.report)) !== entry.sum) return null;
      return { hash: entry.hash, report: JSON.parse(entry.report) as Report };
    } catch {
      return null;
    }
  }

  put(key: CacheKey, hash: string, report: Report): void {
    const serialized = JSON.stringify({ ...report, anomalies: [] });
    const entry: Entry = { parser: this.version, size: key.size, mtimeMs: key.mtimeMs, hash, sum: contentHash(Buffer.from(serialized)), report: serialized };
    this.pending.push({ type: 'put', key: key.path, value: JSON.stringify(entry) });
    if (this.pending.length >= 500) void this.flush();
  }

  /** Writes pending entries in one batch: LevelDB applies a batch atomically. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.db.batch(batch);
    } catch {
      // a failed cache write costs only a re-parse next time
    }
  }

  async clear(): Promise<void> {
    this.pending = [];
    await this.db.clear();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.db.close();
  }
}

/** A new parser makes older caches useless: remove them so they do not pile up. */
async function removeOtherVersions(dir: string, keep: string): Promise<void> {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith('parse-v') && name !== keep) await fs.rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** `xxgk cache clear`: removes every cache database under the cache directory. */
export async function clearCacheDir(dir: string = defaultCacheDir()): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of entries) if (name.startsWith('parse-v')) await fs.rm(path.join(dir, name), { recursive: true, force: true });
}
