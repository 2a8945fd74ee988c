// User settings and small local state, stored with conf in the user's config directory (XDG on Linux).
// The registry of keys (registry.ts) has a description and a validator for each: `xxgk config`, the docs and the TUI
// read it. Reading at start does not need this module (see lazy.ts): conf and its validator load only to write.
import Conf from 'conf';
import { SETTINGS, thresholdsFrom, type SettingsStore, type Thresholds } from './registry.js';

export * from './registry.js';

export class Settings implements SettingsStore {
  readonly store: Conf<Record<string, unknown>>;

  constructor(options: { cwd?: string } = {}) {
    // clearInvalidConfig: a corrupt settings file is replaced by defaults instead of stopping the program.
    this.store = new Conf<Record<string, unknown>>({ projectName: 'xxgk', projectSuffix: '', cwd: options.cwd, clearInvalidConfig: true });
  }

  get path(): string {
    return this.store.path;
  }

  get(key: string): unknown {
    const def = SETTINGS.find((s) => s.key === key);
    return this.store.get(key, def?.default);
  }

  /** Sets a key from its command-line form; returns an error message instead of throwing. */
  setFromString(key: string, raw: string): string | null {
    const def = SETTINGS.find((s) => s.key === key);
    if (!def) return `unknown setting "${key}" (see: xxgk config list)`;
    const parsed = def.parse(raw);
    if ('error' in parsed) return `${key}: ${parsed.error}`;
    this.store.set(key, parsed.value);
    return null;
  }

  set(key: string, value: unknown): void {
    this.store.set(key, value);
  }

  thresholds(): Thresholds {
    return thresholdsFrom((key) => this.get(key));
  }
}
