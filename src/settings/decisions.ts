// A reviewer's decisions on anomalies (confirmed / dismissed, with an optional note), keyed by the anomaly's
// fingerprint so they survive re-parsing and restarts. One JSON file beside the conf settings file.
//
// Durability: every decision is written at once (not on exit), through a temp file that is fsynced and then
// renamed over the old file, so a crash or Ctrl-C leaves either the old file or the new one, never half of one.
// Each write re-reads the file and applies only its own change, so two explorers open at once do not undo
// each other's decisions. A file that cannot be read is renamed aside (.corrupt-<time>) and reported, never
// silently overwritten.
import * as nodeFs from 'node:fs';
import { dirname, join } from 'node:path';
import { settingsPath } from './registry.js';

export type DecisionStatus = 'confirmed' | 'dismissed';

export interface Decision {
  status: DecisionStatus;
  note?: string;
  /** ISO 8601 time of the decision. */
  at: string;
}

export interface DecisionStoreProblem {
  code: 'decisions-corrupt' | 'decisions-unreadable';
  message: string;
  messageZh: string;
  /** Where the unreadable file was moved, when it could be. */
  keptAs: string | null;
}

/** The file-system calls the store makes, injectable so tests can make a write fail half-way. */
export type DecisionFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'readFileSync' | 'mkdirSync'
>;

export interface DecisionStoreOptions {
  /** Directory of the file; default: the directory of the conf settings file. */
  dir?: string;
  fileName?: string;
  fs?: DecisionFs;
  /** Clock for the .corrupt-<time> name. */
  now?: () => Date;
}

export const DECISIONS_FILE = 'decisions.json';
const FILE_VERSION = 1;

interface DecisionFile {
  version: number;
  decisions: Record<string, Decision>;
}

export function isDecision(value: unknown): value is Decision {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.status === 'confirmed' || v.status === 'dismissed') &&
    typeof v.at === 'string' &&
    (v.note === undefined || typeof v.note === 'string')
  );
}

type ParseResult = { ok: true; decisions: Map<string, Decision> } | { ok: false; salvaged: Map<string, Decision>; reason: string };

/** Reads the file's text; invalid entries make the file corrupt but the valid ones are salvaged. */
export function parseDecisionFile(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, salvaged: new Map(), reason: `not JSON (${(err as Error).message})` };
  }
  const decisions = (data as Partial<DecisionFile> | null)?.decisions;
  if (typeof data !== 'object' || data === null || typeof decisions !== 'object' || decisions === null || Array.isArray(decisions)) {
    return { ok: false, salvaged: new Map(), reason: 'no "decisions" object' };
  }
  const valid = new Map<string, Decision>();
  let invalid = 0;
  for (const [fingerprint, decision] of Object.entries(decisions)) {
    if (isDecision(decision)) valid.set(fingerprint, cleanDecision(decision));
    else invalid++;
  }
  return invalid === 0 ? { ok: true, decisions: valid } : { ok: false, salvaged: valid, reason: `${invalid} invalid entries` };
}

function cleanDecision(d: Decision): Decision {
  return d.note === undefined ? { status: d.status, at: d.at } : { status: d.status, note: d.note, at: d.at };
}

function serialize(decisions: Map<string, Decision>): string {
  const sorted = Object.fromEntries([...decisions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: FILE_VERSION, decisions: sorted } satisfies DecisionFile, null, 2)}\n`;
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT';
}

export function defaultDecisionsDir(): string {
  return dirname(settingsPath());
}

export class DecisionStore {
  readonly path: string;
  /** Set when the file found at start could not be read; the explorer shows it once. */
  readonly problem: DecisionStoreProblem | null;
  private decisions: Map<string, Decision>;
  private readonly fs: DecisionFs;
  private readonly now: () => Date;

  constructor(options: DecisionStoreOptions = {}) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? (() => new Date());
    this.path = join(options.dir ?? defaultDecisionsDir(), options.fileName ?? DECISIONS_FILE);
    const loaded = this.load();
    this.decisions = loaded.decisions;
    this.problem = loaded.problem;
  }

  get(fingerprint: string): Decision | undefined {
    const d = this.decisions.get(fingerprint);
    return d && { ...d };
  }

  /** Records a decision and writes the file before returning; throws (store unchanged) when the write fails. */
  set(fingerprint: string, decision: Decision): void {
    if (!isDecision(decision)) throw new TypeError('invalid decision');
    this.update((map) => map.set(fingerprint, cleanDecision(decision)));
  }

  clear(fingerprint: string): void {
    this.update((map) => map.delete(fingerprint));
  }

  all(): Record<string, Decision> {
    return Object.fromEntries([...this.decisions.entries()].map(([k, v]) => [k, { ...v }]));
  }

  private load(): { decisions: Map<string, Decision>; problem: DecisionStoreProblem | null } {
    let text: string;
    try {
      text = this.fs.readFileSync(this.path, 'utf8');
    } catch (err) {
      if (isMissing(err)) return { decisions: new Map(), problem: null };
      const message = (err as Error).message;
      return {
        decisions: new Map(),
        problem: {
          code: 'decisions-unreadable',
          message: `Review decisions could not be read (${message}); new decisions will not be saved until it is fixed: ${this.path}`,
          messageZh: `无法读取审阅记录（${message}），修复前新的审阅决定不会保存：${this.path}`,
          keptAs: null,
        },
      };
    }
    const parsed = parseDecisionFile(text);
    if (parsed.ok) return { decisions: parsed.decisions, problem: null };
    const keptAs = this.keepAside();
    const where = keptAs ?? this.path;
    return {
      decisions: parsed.salvaged,
      problem: {
        code: 'decisions-corrupt',
        message: `Review decisions file was damaged (${parsed.reason}); kept as ${where}, ${parsed.salvaged.size} decisions recovered`,
        messageZh: `审阅记录文件已损坏（${parsed.reason}），原文件保留为 ${where}，已恢复 ${parsed.salvaged.size} 条`,
        keptAs,
      },
    };
  }

  private keepAside(): string | null {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const target = `${this.path}.corrupt-${stamp}`;
    try {
      this.fs.renameSync(this.path, target);
      return target;
    } catch {
      return null;
    }
  }

  /** Re-reads the file, applies one change, writes; memory follows the disk only after a successful write. */
  private update(change: (map: Map<string, Decision>) => void): void {
    if (this.problem?.code === 'decisions-unreadable') {
      // Writing now would replace a file we could not read (permissions, I/O error) with only our decisions.
      throw new Error(this.problem.message);
    }
    const next = new Map(this.readCurrent());
    change(next);
    this.writeAtomically(serialize(next));
    this.decisions = next;
  }

  /**
   * The file as it is now, so a decision written by another explorer since we loaded is kept. Falls back to
   * memory when the file is gone (or was just moved aside as corrupt: memory then holds what was salvaged).
   */
  private readCurrent(): Map<string, Decision> {
    let text: string;
    try {
      text = this.fs.readFileSync(this.path, 'utf8');
    } catch {
      return this.decisions;
    }
    const parsed = parseDecisionFile(text);
    if (parsed.ok) return parsed.decisions;
    // Damaged since we loaded it: keep it aside rather than overwrite it, and carry on from memory.
    this.keepAside();
    return new Map([...parsed.salvaged, ...this.decisions]);
  }

  private writeAtomically(text: string): void {
    this.fs.mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    let fd: number | null = null;
    try {
      fd = this.fs.openSync(temp, 'w', 0o600);
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) written += this.fs.writeSync(fd, bytes, written, bytes.length - written);
      this.fs.fsyncSync(fd);
      this.fs.closeSync(fd);
      fd = null;
      this.fs.renameSync(temp, this.path);
    } catch (err) {
      if (fd !== null) {
        try {
          this.fs.closeSync(fd);
        } catch {
          // already failing; the original error is the one to report
        }
      }
      try {
        this.fs.unlinkSync(temp);
      } catch {
        // the temp file may never have been created
      }
      throw err;
    }
    this.syncDirectory();
  }

  /** Makes the rename itself durable; not every platform can fsync a directory, which is fine. */
  private syncDirectory(): void {
    try {
      const fd = this.fs.openSync(dirname(this.path), 'r');
      try {
        this.fs.fsyncSync(fd);
      } finally {
        this.fs.closeSync(fd);
      }
    } catch {
      // best effort
    }
  }
}
