import { describe, expect, it } from 'vitest';
import { detectScript, normalize, normalizeLine, toHalfWidth } from '../../src/parse/stages/normalize.js';

describe('normalize', () => {
  it('turns full-width digits and punctuation half-width', () => {
    expect(toHalfWidth('（一）予以公开　１２３，４５６')).toBe('(一)予以公开　123,456');
    expect(normalizeLine('（一）予以公开\t１２')).toBe('(一)予以公开\t12');
  });
  it('removes stray spaces inside labels but keeps spaces between numbers', () => {
    expect(normalizeLine('三、本 年度办 理结果')).toBe('三、本年度办理结果');
    expect(normalizeLine('(一) 予以公开')).toBe('(一)予以公开');
    expect(normalizeLine('规章 0 0 0')).toBe('规章 0 0 0');
  });
  it('folds non-breaking and ideographic spaces', () => {
    expect(normalizeLine('行政许可\u00a0\u00a01539')).toBe('行政许可 1539');
    expect(normalizeLine('总体情况\u3000\u3000')).toBe('总体情况');
  });
  it('keeps one output line per input line across \\r\\n and \\r', () => {
    const doc = normalize('一、总体情况\r\n正文\r二、主动公开政府信息情况\n');
    expect(doc.lines).toEqual(['一、总体情况', '正文', '二、主动公开政府信息情况', '']);
    expect(doc.original.length).toBe(doc.lines.length);
  });
  it('converts Traditional to Simplified for matching and keeps the original', () => {
    const doc = normalize('三、收到和處理政府信息公開申請情況\n行政查詢事務\n規範性檔案');
    expect(doc.script).toBe('traditional');
    expect(doc.lines[0]).toBe('三、收到和处理政府信息公开申请情况');
    expect(doc.lines[1]).toBe('行政查询事务');
    expect(doc.original[0]).toBe('三、收到和處理政府信息公開申請情況');
  });
  it('leaves Simplified text as it is', () => {
    expect(detectScript('乌鲁木齐市人民政府2021年政府信息公开工作年度报告，着力推进。')).toBe('simplified');
  });
  it('strips escape sequences and control characters', () => {
    const doc = normalize('行政许可\u001b[31m1539\u001b[0m\u0007\u202e');
    expect(doc.lines[0]).toBe('行政许可1539');
    expect(doc.original[0]).toBe('行政许可1539');
  });
});
