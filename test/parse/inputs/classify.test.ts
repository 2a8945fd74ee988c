import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse/index.js';
import { looksLikeReport } from '../../../src/parse/inputs/classify.js';

const SEEDS = path.resolve(import.meta.dirname, '../../fixtures/seeds');
const classify = (text: string) => looksLikeReport(parseReport({ file: 'x.txt', text }), text);

describe('looksLikeReport', () => {
  it.each(readdirSync(SEEDS))('accepts seed %s', (f) => {
    expect(classify(readFileSync(path.join(SEEDS, f), 'utf8'))).toBe(true);
  });

  it('rejects a notice and a spreadsheet export', () => {
    expect(classify('关于做好2024年政府信息公开工作的通知\n各单位：请按要求报送材料。')).toBe(false);
    expect(classify('地区,人口,面积\n甲,100,20\n乙,200,30')).toBe(false);
  });

  it('accepts a report that has only its section headings', () => {
    expect(classify('一、總體情況\n略\n二、主動公開政府信息情況\n略')).toBe(true);
  });
});
