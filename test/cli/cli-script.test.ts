// The `xxgk` command runs its CLI from the one-file bundle dist/cli/cli.script.js with V8's code cache
// (src/cli/cli-bundle.ts): the one the build left beside the bundle, else the user's own; and from the compiled
// modules when that bundle is older than them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCodeCacheFile } from '../../src/load/cached-script.js';
import { MAIN, ROOT, SEEDS, buildWithoutShippedCode, ensureBuilt, removeTempDirs, tempDir, xxgk } from './run.js';

afterAll(removeTempDirs);

/** The CLI bundle's code cache files (a load's workers keep the parser bundle's beside them). */
const codeFiles = (cacheHome: string) => {
  const dir = path.join(cacheHome, 'xxgk', 'code');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('cli.')).sort() : [];
};

describe('the CLI bundle', () => {
  beforeAll(ensureBuilt);

  it('starts from the compiled code the build left beside it: a first run writes none of its own', () => {
    for (const bundle of ['cli/cli.script.js', 'views/explorer.script.js', 'load/parse-file.script.js']) {
      const script = path.join(ROOT, 'dist', bundle);
      expect(existsSync(shippedCodeCacheFile(script, readFileSync(script, 'utf8'))), bundle).toBe(true);
    }
    const cacheHome = tempDir('xxgk-cli-shipped-');
    expect(xxgk(['--version'], { XDG_CACHE_HOME: cacheHome }).code).toBe(0);
    // Without that code, --version writes the cache (below): none here shows the shipped code was used.
    expect(codeFiles(cacheHome)).toEqual([]);
    // A first load parses on workers, which write the parser's code when they have none (test/load/parser-bundle.test.ts).
    expect(JSON.parse(xxgk([SEEDS, '--json'], { XDG_CACHE_HOME: cacheHome }).stdout)).toHaveLength(5);
    expect(readdirSync(path.join(cacheHome, 'xxgk')).some((n) => n.startsWith('parse-v'))).toBe(true);
    expect(existsSync(path.join(cacheHome, 'xxgk', 'code')) ? readdirSync(path.join(cacheHome, 'xxgk', 'code')).filter((n) => n.startsWith('parse-file.')) : []).toEqual([]);
  });

  it('is what runs, and keeps its compiled code: written by the first run, grown by a run that needs more, left alone after (a build without shipped code)', () => {
    const copy = buildWithoutShippedCode('cli-script-');
    try {
      const cacheHome = tempDir('xxgk-cli-code-');
      const run = (args: string[]) => spawnSync(process.execPath, [path.join(copy, 'dist/cli/main.js'), ...args], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
      expect(run(['--version']).status).toBe(0);
      const [file, ...others] = codeFiles(cacheHome);
      expect(others).toEqual([]);
      expect(file).toMatch(/^cli\.script-[0-9a-f]{16}\.v8$/);
      const full = path.join(cacheHome, 'xxgk', 'code', file!);
      const afterVersion = statSync(full).size;

      const json = run([SEEDS, '--json']);
      expect(json.status).toBe(0);
      expect(JSON.parse(json.stdout)).toHaveLength(5);
      // A load compiles much more of the CLI than --version: the cache grows to hold it.
      const afterLoad = statSync(full);
      expect(afterLoad.size).toBeGreaterThan(afterVersion * 1.05);
      // The same run again compiles nothing new: the file is not written again.
      expect(run([SEEDS, '--json']).stdout).toBe(json.stdout);
      expect(statSync(full).mtimeMs).toBe(afterLoad.mtimeMs);
      expect(codeFiles(cacheHome)).toEqual([file]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('holds classic-level\'s JavaScript: of that package only binding.js, which loads the compiled addon, is required from node_modules', () => {
    // A preloaded module lists every CommonJS file the process required, at exit (the bundle's require is Node's own).
    const probe = path.join(tempDir('xxgk-cli-required-'), 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(2, '\\nREQUIRED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));");
    const run = spawnSync(process.execPath, ['--require', probe, MAIN, SEEDS, '--json'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: tempDir('xxgk-cli-required-cache-') } });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(5); // the store was opened and written: the addon works
    const required: string[] = JSON.parse(/REQUIRED (.*)/.exec(run.stderr)![1]!);
    const ofPackage = (name: string) => required.filter((file) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`));
    const fromClassicLevel = ofPackage('classic-level').map((file) => path.basename(file));
    expect(fromClassicLevel.filter((name) => name.endsWith('.js'))).toEqual(['binding.js']);
    expect(fromClassicLevel.some((name) => name.endsWith('.node'))).toBe(true); // the addon, from the package's folder
    expect(ofPackage('abstract-level')).toEqual([]);
  });

  it('--no-cache keeps no compiled code either', () => {
    const cacheHome = tempDir('xxgk-cli-nocode-');
    expect(xxgk([SEEDS, '--json', '--no-cache'], { XDG_CACHE_HOME: cacheHome }).code).toBe(0);
    expect(existsSync(path.join(cacheHome, 'xxgk'))).toBe(false);
  });

  it('older than the compiled CLI (tsc run without the bundle step), it is not used: the compiled modules run', () => {
    const copy = buildWithoutShippedCode('cli-script-');
    try {
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
