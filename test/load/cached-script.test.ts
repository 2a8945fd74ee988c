// A bundle built as a script (scripts/bundle.mjs, moduleToScript) and run with V8's code cache (cached-script.ts):
// the conversion is exact or refused, and the cache is used only when it is whole and made for this very text.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { moduleToScript } from '../../scripts/bundle.mjs';
import { codeCacheFile, runCachedScript, shippedCodeCacheFile } from '../../src/load/cached-script.js';
import { ROOT, ensureBuilt, removeTempDirs, tempDir } from '../cli/run.js';

afterAll(removeTempDirs);

type Convert = (code: string) => string;
const toScript = moduleToScript as Convert;

/** A folder with `lib.js` (an ES module a bundle imports lazily) and a bundle script made from `module`. */
function bundleFolder(module: string): { dir: string; script: string } {
  const dir = tempDir('xxgk-script-');
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(path.join(dir, 'lib.js'), 'export const answer = 42; export default "the default";');
  const script = path.join(dir, 'bundle.script.js');
  writeFileSync(script, toScript(module));
  return { dir, script };
}

// What esbuild's output looks like once the loader's parameters stand for imports: `require` for built-ins,
// `__xxgkImportMetaUrl` for import.meta.url, import() for lazy imports, one export statement at the end.
const MODULE = [
  'const lazy = () => import("./lib.js");',
  'const top = await Promise.resolve(1);',
  'async function run() { const lib = await lazy(); return [lib.answer, lib.default, top, new URL("lib.js", __xxgkImportMetaUrl).pathname.endsWith("/lib.js"), typeof require("node:path").join]; }',
  'export{run as run};',
  '/*! licence comment */',
  '//# sourceMappingURL=bundle.script.js.map',
].join('\n');

interface Bundle {
  run(): Promise<unknown[]>;
}

describe('moduleToScript (the explorer bundle as a script)', () => {
  it('gives a script whose exports, require, import.meta.url and import() work, top-level await included', async () => {
    const { script } = bundleFolder(MODULE);
    const loaded = await runCachedScript<Bundle>(script, null);
    expect(await loaded.exports.run()).toEqual([42, 'the default', 1, true, 'function']);
    expect(loaded.codeCache).toBe('off');
  });

  it('keeps every column: import( becomes a name of the same length, the export statement a return padded to its length', () => {
    const converted = toScript(MODULE);
    const body = converted.split('\n').slice(1);
    const lines = MODULE.split('\n');
    expect(lines[0]).toContain('import("./lib.js")');
    expect(body[0]!.indexOf('("./lib.js")')).toBe(lines[0]!.indexOf('("./lib.js")'));
    expect(body[3]).toMatch(/^return\{"run":run\};\s*$/);
    expect(body[3]!.length).toBe(lines[3]!.length);
    expect(body[4]).toBe(lines[4]); // the line after the export statement is where it was
  });

  it('turns a hashbang (the CLI\'s) into a comment of the same length', async () => {
    const { script } = bundleFolder('#!/usr/bin/env node\nconst run = async () => [1];\nexport{run as run};');
    expect(readFileSync(script, 'utf8').split('\n')[1]).toBe('///usr/bin/env node');
    expect(await (await runCachedScript<Bundle>(script, null)).exports.run()).toEqual([1]);
  });

  it('refuses what it cannot convert exactly: a static import, two export statements, code after the export', () => {
    expect(() => toScript('import x from "./lib.js"; export{x as y};')).toThrow(/cannot run as a script/);
    expect(() => toScript('const a = 1; export{a as b}; export{a as c};')).toThrow(/one export statement/);
    expect(() => toScript('const a = 1; export{a as b}; a + 1;')).toThrow(/one export statement/);
    expect(() => toScript('const __xxgI = 1; export{__xxgI as b};')).toThrow(/already uses the name/);
  });
});

/**
 * Loads `script` as the explorer would: in a new Node (V8 keeps what it compiled in a process and would answer a
 * second compile of the same text from memory, cache file or not), through the built loader; `save` writes the
 * cache afterwards. Returns whether the cache was used and what the bundle's run() gave.
 */
function loadInNewProcess(script: string, cacheDir: string | null, save = true): { codeCache: string; out: unknown[] } {
  const loader = path.join(ROOT, 'dist/load/cached-script.js');
  const body = `const { runCachedScript } = await import(${JSON.stringify(loader)}); const r = await runCachedScript(${JSON.stringify(script)}, ${JSON.stringify(cacheDir)}); const out = await r.exports.run(); ${save ? 'r.saveCodeCache();' : ''} process.stdout.write(JSON.stringify({ codeCache: r.codeCache, out }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', body], { encoding: 'utf8' })) as { codeCache: string; out: unknown[] };
}

describe('runCachedScript (V8 code cache)', () => {
  ensureBuilt();
  const module = 'function f(n) { return n * 2; } const run = async () => [f(21)]; export{run as run};';

  it('has no cache the first time, writes one when asked, and uses it the next time without writing it again', () => {
    const { dir, script } = bundleFolder(module);
    const cacheDir = path.join(dir, 'cache');
    expect(loadInNewProcess(script, cacheDir, false)).toEqual({ codeCache: 'none', out: [42] });
    expect(readdirSync(path.dirname(cacheDir))).not.toContain('cache'); // nothing written unless asked
    expect(loadInNewProcess(script, cacheDir)).toEqual({ codeCache: 'none', out: [42] });
    const file = codeCacheFile(cacheDir, script, readFileSync(script, 'utf8'));
    expect(readdirSync(cacheDir)).toEqual([path.basename(file)]);
    const written = statSync(file).mtimeMs;
    expect(loadInNewProcess(script, cacheDir)).toEqual({ codeCache: 'used', out: [42] });
    expect(statSync(file).mtimeMs).toBe(written);
    expect(loadInNewProcess(script, null)).toEqual({ codeCache: 'off', out: [42] });
  });

  it('a damaged, cut short or foreign cache file is not used, and is replaced', () => {
    const { dir, script } = bundleFolder(module);
    const cacheDir = path.join(dir, 'cache');
    loadInNewProcess(script, cacheDir);
    const file = codeCacheFile(cacheDir, script, readFileSync(script, 'utf8'));
    const good = readFileSync(file);

    const flipped = Buffer.from(good);
    flipped[flipped.length - 10]! ^= 0xff;
    // Another script's code, with a valid checksum, under this script's name: V8 must refuse it (its text is
    // another length; one of the same length V8 would run, which is why the file's name holds a hash of the text).
    const other = bundleFolder('const run = async () => ["another script"]; export{run as run};');
    loadInNewProcess(other.script, path.join(other.dir, 'cache'));
    const foreign = readFileSync(codeCacheFile(path.join(other.dir, 'cache'), other.script, readFileSync(other.script, 'utf8')));

    for (const [what, bytes] of [['a flipped byte', flipped], ['cut short', good.subarray(0, good.length >> 1)], ['empty', Buffer.alloc(0)], ['another script', foreign]] as const) {
      writeFileSync(file, bytes);
      expect(loadInNewProcess(script, cacheDir), what).toEqual({ codeCache: 'none', out: [42] });
      expect(loadInNewProcess(script, cacheDir), `${what}, then rewritten`).toEqual({ codeCache: 'used', out: [42] });
    }
  });

  it('a changed script gets its own cache; the old one and a killed run\'s temporary file are removed when it is written', () => {
    const { dir, script } = bundleFolder(module);
    const cacheDir = path.join(dir, 'cache');
    loadInNewProcess(script, cacheDir);
    writeFileSync(path.join(cacheDir, 'bundle.script-0123456789abcdef.v8.999.deadbeef.tmp'), 'half');
    writeFileSync(path.join(cacheDir, 'unrelated.v8'), 'kept');
    writeFileSync(script, toScript(module.replace('n * 2', 'n + n')));
    expect(loadInNewProcess(script, cacheDir)).toEqual({ codeCache: 'none', out: [42] });
    expect(readdirSync(cacheDir).sort()).toEqual([path.basename(codeCacheFile(cacheDir, script, readFileSync(script, 'utf8'))), 'unrelated.v8'].sort());
  });

  it('uses the cache the build left beside the script when the user\'s has none, and writes none of its own then', () => {
    const { dir, script } = bundleFolder(module);
    const made = path.join(dir, 'made');
    loadInNewProcess(script, made);
    const text = readFileSync(script, 'utf8');
    const shipped = shippedCodeCacheFile(script, text);
    expect(path.dirname(shipped)).toBe(dir);
    copyFileSync(codeCacheFile(made, script, text), shipped);

    const cacheDir = path.join(dir, 'cache');
    expect(loadInNewProcess(script, cacheDir)).toEqual({ codeCache: 'shipped', out: [42] });
    expect(existsSync(cacheDir)).toBe(false); // asked to save, it had nothing to add
    expect(loadInNewProcess(script, null)).toEqual({ codeCache: 'off', out: [42] }); // no cache of any kind

    // The user's own, when whole, comes first; a damaged one is passed over for the shipped one.
    mkdirSync(cacheDir);
    copyFileSync(shipped, codeCacheFile(cacheDir, script, text));
    expect(loadInNewProcess(script, cacheDir)).toEqual({ codeCache: 'used', out: [42] });
    writeFileSync(codeCacheFile(cacheDir, script, text), 'damaged');
    expect(loadInNewProcess(script, cacheDir)).toEqual({ codeCache: 'shipped', out: [42] });
  });

  it('a damaged shipped cache, or one V8 refuses, is not used: the user\'s own is written and used after', () => {
    const { dir, script } = bundleFolder(module);
    const made = path.join(dir, 'made');
    loadInNewProcess(script, made);
    const text = readFileSync(script, 'utf8');
    const good = readFileSync(codeCacheFile(made, script, text));
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10]! ^= 0xff;
    const other = bundleFolder('const run = async () => ["another script"]; export{run as run};');
    loadInNewProcess(other.script, path.join(other.dir, 'made'));
    const foreign = readFileSync(codeCacheFile(path.join(other.dir, 'made'), other.script, readFileSync(other.script, 'utf8')));
    for (const [what, bytes] of [['a flipped byte', flipped], ['another script\'s code', foreign]] as const) {
      writeFileSync(shippedCodeCacheFile(script, text), bytes);
      const cacheDir = tempDir('xxgk-shipped-');
      expect(loadInNewProcess(script, cacheDir), what).toEqual({ codeCache: 'none', out: [42] });
      expect(loadInNewProcess(script, cacheDir), `${what}, then the user's own`).toEqual({ codeCache: 'used', out: [42] });
    }
  });

  it('a cache directory that cannot be written costs nothing but the cache', async () => {
    const { dir, script } = bundleFolder(module);
    // A file where the directory should be: unwritable even for root, who ignores permissions.
    const cacheDir = path.join(dir, 'cache');
    writeFileSync(cacheDir, 'not a directory');
    const run = await runCachedScript<Bundle>(script, cacheDir);
    expect(run.codeCache).toBe('none');
    expect(() => run.saveCodeCache()).not.toThrow();
    expect(await run.exports.run()).toEqual([42]);
    expect(readFileSync(cacheDir, 'utf8')).toBe('not a directory');
  });
});
