// The `xxgk` command runs its CLI from the one-file bundle dist/cli/cli.script.js with V8's code cache
// (src/cli/main.ts), and from the compiled modules when that bundle is older than them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEEDS, ensureBuilt, removeTempDirs, tempDir, xxgk } from './run.js';

afterAll(removeTempDirs);

/** The CLI bundle's code cache files (a load's workers keep the parser bundle's beside them). */
const codeFiles = (cacheHome: string) => {
  const dir = path.join(cacheHome, 'xxgk', 'code');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('cli.')).sort() : [];
};

describe('the CLI bundle', () => {
  beforeAll(ensureBuilt);

  it('is what runs, and keeps its compiled code: written by the first run, grown by a run that needs more, left alone after', () => {
    const cacheHome = tempDir('xxgk-cli-code-');
    const env = { XDG_CACHE_HOME: cacheHome };
    expect(xxgk(['--version'], env).code).toBe(0);
    const [file, ...others] = codeFiles(cacheHome);
    expect(others).toEqual([]);
    expect(file).toMatch(/^cli\.script-[0-9a-f]{16}\.v8$/);
    const full = path.join(cacheHome, 'xxgk', 'code', file!);
    const afterVersion = statSync(full).size;

    const json = xxgk([SEEDS, '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveLength(5);
    // A load compiles much more of the CLI than --version: the cache grows to hold it.
    const afterLoad = statSync(full);
    expect(afterLoad.size).toBeGreaterThan(afterVersion * 1.05);
    // The same run again compiles nothing new: the file is not written again.
    expect(xxgk([SEEDS, '--json'], env).stdout).toBe(json.stdout);
    expect(statSync(full).mtimeMs).toBe(afterLoad.mtimeMs);
    expect(codeFiles(cacheHome)).toEqual([file]);
  });

  it('--no-cache keeps no compiled code either', () => {
    const cacheHome = tempDir('xxgk-cli-nocode-');
    expect(xxgk([SEEDS, '--json', '--no-cache'], { XDG_CACHE_HOME: cacheHome }).code).toBe(0);
    expect(existsSync(path.join(cacheHome, 'xxgk'))).toBe(false);
  });

  it('older than the compiled CLI (tsc run without the bundle step), it is not used: the compiled modules run', () => {
    // A private copy of dist/, inside the repository so that it finds node_modules and package.json.
    mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    const copy = mkdtempSync(path.join(ROOT, '.tmp', 'cli-script-'));
    try {
      cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
      symlinkSync(path.join(ROOT, 'corpus'), path.join(copy, 'corpus'));
      const later = new Date(statSync(path.join(copy, 'dist/cli/cli.script.js')).mtime.getTime() + 60_000);
      utimesSync(path.join(copy, 'dist/cli/cli.js'), later, later);
      const cacheHome = tempDir('xxgk-cli-stale-');
      const run = spawnSync(process.execPath, [path.join(copy, 'dist/cli/main.js'), SEEDS, '--json'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(xxgk([SEEDS, '--json'], { XDG_CACHE_HOME: tempDir('xxgk-cli-fresh-') }).stdout);
      expect(codeFiles(cacheHome)).toEqual([]); // the bundle did not run
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
