// The views' one measuring and cutting module: cached widths must be string-width's, cuts must never split a
// character, and the charts' names for these functions must be the same functions.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fitToWidth, stringWidth as chartWidth, truncateToWidth } from '../../../src/views/charts/textWidth.js';
import { fit, truncate, truncateStart, widthOf } from '../../../src/views/components/text.js';

const SAMPLES = ['', 'abc', '乌鲁木齐市', '表二 主动公开', 'ＡＢＣ１２３', 'e\u0301te\u0301', '👨‍👩‍👧 family', '①②', 'tab\there', 'a…b', '\u001b[31mred\u001b[0m'];

describe('widthOf', () => {
  it('gives string-width on every sample, measured once and again from the cache', () => {
    for (const text of SAMPLES) {
      expect(widthOf(text), text).toBe(stringWidth(text));
      expect(widthOf(text), text).toBe(stringWidth(text));
    }
  });
  it('gives string-width on every CJK Unified Ideograph, alone and among ASCII (measured without a segmenter)', () => {
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const ch = String.fromCharCode(code);
      expect(widthOf(ch), ch).toBe(stringWidth(ch));
      expect(widthOf(`a${ch}1 ${ch}`), ch).toBe(stringWidth(`a${ch}1 ${ch}`));
    }
    // Just outside the block, and ideographs with what the fast path must leave to string-width.
    for (const text of ['\u4dff', '\ua000', '乌\u0301', '乌\ufe0f', '乌\u200d鲁', '乌\u3000鲁', '乌\u001b[31m鲁', '乌\t鲁', '𠀀乌']) {
      expect(widthOf(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
  });
  it('stays right past the cache bound (it is cleared, not trusted stale)', () => {
    for (let i = 0; i < 25_000; i++) widthOf(`报告${i}`);
    expect(widthOf('报告1')).toBe(5);
    expect(widthOf('报告24999')).toBe(9);
  });
  it('is the width the charts use', () => {
    expect(chartWidth).toBe(widthOf);
  });
});

describe('truncate and fit', () => {
  it('cuts Chinese text on a character, never mid-character, and marks the cut', () => {
    expect(truncate('乌鲁木齐市人民政府', 7)).toBe('乌鲁木…');
    expect(truncate('乌鲁木齐市人民政府', 8)).toBe('乌鲁木…');
    expect(truncate('乌鲁木齐', 8)).toBe('乌鲁木齐');
    expect(widthOf(truncate('乌鲁木齐市人民政府', 8))).toBeLessThanOrEqual(8);
  });
  it('keeps a grapheme whole (combining marks, joined emoji)', () => {
    expect(truncate('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
    expect(truncate('👨‍👩‍👧👨‍👩‍👧', 3)).toBe('👨‍👩‍👧…');
  });
  it('cuts from the start, keeping the file name', () => {
    expect(truncateStart('region-0001/沙依巴克区.txt', 12)).toBe('…巴克区.txt');
  });
  it('pads to exactly the width asked, the charts’ fitToWidth included', () => {
    for (const width of [1, 5, 8, 13]) {
      expect(widthOf(fit('表三 依申请公开', width))).toBe(width);
      expect(fitToWidth('表三 依申请公开', width)).toBe(fit('表三 依申请公开', width));
      expect(truncateToWidth('表三 依申请公开', width)).toBe(truncate('表三 依申请公开', width));
    }
  });
});
