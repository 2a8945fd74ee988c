// Settings read straight from the file conf keeps, for the CLI and the explorer at start. conf (with ajv, semver
// and the rest it loads) costs tens of milliseconds to import, before the explorer's first frame could be drawn,
// and only writing needs it: it is imported on the first write. Reads give what conf's would (same file, same
// defaults, a corrupt file read as empty, an unreadable one an error); conf itself is settings.ts.
import { readFileSync } from 'node:fs';
import { SETTINGS, settingsPath, thresholdsFrom, type SettingsStore, type Thresholds } from './registry.js';
import type { Settings } from './settings.js';

type Store = Record<string, unknown>;

export class LazySettings implements SettingsStore {
  readonly path: string;
  private readonly cwd: string | undefined;
  private readonly values: Store;
  private writer: Promise<Settings> | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(options: { cwd?: string } = {}) {
    this.cwd = options.cwd;
    this.path = settingsPath(options.cwd);
    this.values = readStore(this.path);
  }

  get(key: string): unknown {
    const value = lookUp(this.values, key);
    return value === undefined ? SETTINGS.find((s) => s.key === key)?.default : value;
  }

  thresholds(): Thresholds {
    return thresholdsFrom((key) => this.get(key));
  }

  /**
   * Writes through conf, imported now if it is not yet; writes are made in the order they were asked for. The
   * promise rejects if the write fails (a read-only config directory): callers that do not care must catch it.
   */
  set(key: string, value: unknown): Promise<void> {
    assign(this.values, key, value);
    const write = this.writes.then(async () => (await this.conf()).set(key, value));
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** Resolves once every write asked for so far has finished or failed (before the process exits). */
  settled(): Promise<void> {
    return this.writes;
  }

  private conf(): Promise<Settings> {
    // A conf that could not open (config directory missing or read-only) is not kept: the next write tries again.
    this.writer ??= import('./settings.js')
      .then((m) => new m.Settings({ cwd: this.cwd }))
      .catch((err: unknown) => {
        this.writer = null;
        throw err;
      });
    return this.writer;
  }
}

/** conf's reading: a missing file is empty settings, so is one that is not JSON (clearInvalidConfig); other errors throw. */
function readStore(file: string): Store {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Object.create(null) as Store;
    throw err;
  }
  try {
    return Object.assign(Object.create(null) as Store, JSON.parse(text));
  } catch {
    return Object.create(null) as Store;
  }
}

/** A dotted key (thresholds.correctionRate) looked up in nested objects, as conf does. */
function lookUp(store: Store, key: string): unknown {
  let value: unknown = store;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Store)[part];
  }
  return value;
}

function assign(store: Store, key: string, value: unknown): void {
  const parts = key.split('.');
  let at = store;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    at = typeof next === 'object' && next !== null ? (next as Store) : (at[part] = {}) as Store;
  }
  at[parts[parts.length - 1]!] = value;
}
