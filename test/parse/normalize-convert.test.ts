// The fast tw→cn conversion in normalize must give exactly what opencc's own converter gives.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as OpenCCFull from 'opencc-js';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { fastTwToCn } from '../../src/parse/stages/normalize.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const texts = ['seeds', 'variants', 'realistic', 'real']
  .flatMap((d) => readdirSync(path.join(FIXTURES, d)).map((f) => path.join(FIXTURES, d, f)))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(f, 'utf8'));

const library = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCCFull.Converter({ from: 'cn', to: 'tw' });

describe('fastTwToCn', () => {
  const fast = fastTwToCn();

  it('is built from this opencc-js version', () => {
    expect(fast).not.toBeNull();
  });

  it('converts every fixture line as opencc does', () => {
    let lines = 0;
    for (const text of texts) {
      for (const line of text.split('\n')) {
        expect(fast!(line)).toBe(library(line));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('converts runs of dictionary phrases, astral characters and odd surrogates as opencc does', () => {
    // Strings built from the dictionaries' own keys, so phrases overlap and compete as they rarely do in reports.
    const keys = [
      '乾隆', '乾燥', '後臺', '臺灣', '髮型', '頭髮', '瞭解', '一目瞭然', '資訊', '處理費', '覆核', '裏面', '著實', '著作', '於是',
      '𠁾', '𡘙', '\ud842', '\udfb7', '申請', '公開', '隻', '鬆餅', '發現', '麵包', '麪',
    ];
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let j = 0; j < 12; j++) s += keys[next(keys.length)];
      expect(fast!(s)).toBe(library(s));
    }
  });

  it('converts Simplified text turned Traditional back as opencc does', () => {
    const sample = texts.slice(0, 8).map((t) => toTraditional(t));
    for (const t of sample) expect(fast!(t)).toBe(library(t));
  });
});
