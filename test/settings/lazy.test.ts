// LazySettings reads conf's file without conf: it must read exactly what conf would, and write through conf.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LazySettings } from '../../src/settings/lazy.js';
import { DEFAULT_THRESHOLDS, Settings } from '../../src/settings/settings.js';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'xxgk-lazy-'));

describe('LazySettings', () => {
  it('reads the same file at the same path as conf', () => {
    const cwd = dir();
    const conf = new Settings({ cwd });
    expect(conf.setFromString('thresholds.correctionRate', '0.25')).toBeNull();
    conf.set('lang', 'zh');
    const lazy = new LazySettings({ cwd });
    expect(lazy.path).toBe(conf.path);
    expect(lazy.get('lang')).toBe('zh');
    expect(lazy.thresholds()).toEqual(conf.thresholds());
    expect(lazy.thresholds().correctionRate).toBe(0.25);
  });

  it('gives the registry defaults with no file, and for a file that is not JSON (as conf does)', () => {
    expect(new LazySettings({ cwd: dir() }).thresholds()).toEqual(DEFAULT_THRESHOLDS);
    const cwd = dir();
    writeFileSync(path.join(cwd, 'config.json'), '{"thresholds": {"correctionRate": 0.');
    const lazy = new LazySettings({ cwd });
    expect(lazy.thresholds()).toEqual(DEFAULT_THRESHOLDS);
    expect(lazy.get('lang')).toBeNull();
  });

  it('falls back per key when a stored value has the wrong type', () => {
    const cwd = dir();
    writeFileSync(path.join(cwd, 'config.json'), JSON.stringify({ thresholds: { correctionRate: 'high', minDecidedCases: 7 } }));
    const t = new LazySettings({ cwd }).thresholds();
    expect(t.correctionRate).toBe(DEFAULT_THRESHOLDS.correctionRate);
    expect(t.minDecidedCases).toBe(7);
  });

  it('writes through conf, in order, and reads its own writes at once', async () => {
    const cwd = dir();
    const lazy = new LazySettings({ cwd });
    const first = lazy.set('lastFolder', '/a');
    const second = lazy.set('lastFolder', '/b');
    expect(lazy.get('lastFolder')).toBe('/b');
    await Promise.all([first, second]);
    await lazy.settled();
    expect(new Settings({ cwd }).get('lastFolder')).toBe('/b');
  });

  it('reports a failed write to the caller, and later writes still run', async () => {
    const cwd = dir();
    const lazy = new LazySettings({ cwd });
    // The config directory turns into a file after start: conf cannot write there, whoever runs the test (even root).
    rmSync(cwd, { recursive: true });
    writeFileSync(cwd, 'not a directory');
    await expect(lazy.set('lastFolder', '/a')).rejects.toBeDefined();
    await expect(lazy.settled()).resolves.toBeUndefined();
    rmSync(cwd);
    mkdirSync(cwd);
    await lazy.set('lastFolder', '/b');
    expect(new Settings({ cwd }).get('lastFolder')).toBe('/b');
  });
});
