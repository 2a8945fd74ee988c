// Runs the BUILT CLI as a user's shell would: no TTY on stdin or stdout, private settings and cache folders.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a build script in plain JavaScript, without types
import { buildWithoutShippedCode as copyBuild } from '../../scripts/build-copy.mjs';

/** A copy of the build without the compiled code it ships (scripts/build-copy.mjs); the caller removes it. */
export const buildWithoutShippedCode = copyBuild as (prefix: string) => string;

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MAIN = path.join(ROOT, 'dist/cli/main.js');
export const SEEDS = path.join(ROOT, 'test/fixtures/seeds');

/** The build comes from test/global-setup.ts, once per run; this says so clearly if it is missing. */
export function ensureBuilt(): void {
  if (!existsSync(MAIN)) throw new Error('dist/cli/main.js is missing: test/global-setup.ts builds it before the tests run');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  raw: Buffer;
}

const created: string[] = [];

export function tempDir(prefix = 'xxgk-cli-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir made (call in afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const configHome = tempDir('xxgk-cli-config-');
// A private parse cache: the user's would serve reports parsed by an older build of the parser under test.
const cacheHome = tempDir('xxgk-cli-cache-');

export function xxgk(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    input: '',
    env: { ...process.env, XDG_CONFIG_HOME: configHome, XDG_CACHE_HOME: cacheHome, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '', ...env },
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8'), raw: result.stdout };
}

/** A folder with `copies` copies of every seed, under varied names. */
export function replicatedSeeds(copies: number): string {
  const dir = tempDir('xxgk-cli-many-');
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < copies; i++) {
    const sub = path.join(dir, `batch-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    for (const seed of seeds) copyFileSync(path.join(SEEDS, seed), path.join(sub, `${i}-${seed}`));
  }
  return dir;
}
