// When the command starts a parse worker before loading the CLI (main.ts): only when a folder will be loaded and
// every file of it parsed, as far as the raw arguments and one listing of the cache folder tell.
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wantsEarlyWorker } from '../../src/cli/early-worker.js';

const emptyCache = () => mkdtempSync(path.join(os.tmpdir(), 'xxgk-early-'));
const cacheWithStore = () => {
  const dir = emptyCache();
  mkdirSync(path.join(dir, 'parse-v3-0123456789ab'));
  return dir;
};

describe('an early parse worker', () => {
  it('is started for a load with no parse cache yet (no cache folder, or none holding a store)', () => {
    expect(wantsEarlyWorker([], path.join(emptyCache(), 'not-made-yet'))).toBe(true);
    expect(wantsEarlyWorker(['reports/'], emptyCache())).toBe(true);
    expect(wantsEarlyWorker(['reports/', '--json'], emptyCache())).toBe(true);
  });

  it('is started with --no-cache, even beside a store', () => {
    expect(wantsEarlyWorker(['reports/', '--no-cache'], cacheWithStore())).toBe(true);
  });

  it('is not started when a store exists (its files may all be served from it)', () => {
    expect(wantsEarlyWorker(['reports/'], cacheWithStore())).toBe(false);
  });

  it('is not started when nothing is loaded: help, the version, config and cache commands', () => {
    const cache = emptyCache();
    for (const args of [['--help'], ['-h'], ['reports/', '-V'], ['--version'], ['config', 'list'], ['cache', 'clear'], ['cache', 'path', '--no-cache']]) {
      expect(wantsEarlyWorker(args, cache), args.join(' ')).toBe(false);
    }
  });
});
