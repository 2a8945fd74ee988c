import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, Settings, defaultLang } from '../../src/settings/settings.js';

const fresh = () => new Settings({ cwd: mkdtempSync(path.join(os.tmpdir(), 'xxgk-settings-')) });

describe('settings', () => {
  it('gives defaults until something is set', () => {
    expect(fresh().thresholds()).toEqual(DEFAULT_THRESHOLDS);
  });
  it('validates values typed on the command line', () => {
    const s = fresh();
    expect(s.setFromString('thresholds.correctionRate', '0.3')).toBeNull();
    expect(s.thresholds().correctionRate).toBe(0.3);
    expect(s.setFromString('thresholds.correctionRate', '3')).toMatch(/from 0 to 1/);
    expect(s.setFromString('deadlines.department', '1-31')).toMatch(/MM-DD/);
    expect(s.setFromString('nope', 'x')).toMatch(/unknown setting/);
    expect(s.thresholds().correctionRate).toBe(0.3);
  });
  it('takes the language from the setting, else the locale', () => {
    expect(defaultLang('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(defaultLang(null, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(defaultLang(undefined, { LANG: 'C.UTF-8' })).toBe('en');
  });
});
