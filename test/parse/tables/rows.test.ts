import { describe, expect, it } from 'vitest';
import { classifyCell, isPageDebris, splitLine, toRows } from '../../../src/parse/stages/tables/rows.js';

const texts = (line: string) => splitLine(line, 1)?.cells.map((c) => c.text);

describe('classifyCell', () => {
  it('reads integers, decimals, thousands separators and negatives', () => {
    expect(classifyCell('532')).toEqual({ kind: 'value', value: 532 });
    expect(classifyCell('45028.923')).toEqual({ kind: 'value', value: 45028.923 });
    expect(classifyCell('1,234')).toEqual({ kind: 'value', value: 1234 });
    expect(classifyCell('-3')).toEqual({ kind: 'value', value: -3 });
  });
  it('treats the blank tokens as blanks, not zeros', () => {
    for (const t of ['/', '—', '-', '－', '无', '空', '——']) expect(classifyCell(t).kind).toBe('blank');
  });
  it('flags digit-bearing garbage as unreadable and CJK text as a label', () => {
    expect(classifyCell('1O').kind).toBe('unreadable');
    expect(classifyCell('1.属于国家秘密').kind).toBe('label');
    expect(classifyCell('').kind).toBe('empty');
  });
});

describe('splitLine', () => {
  it('splits tab rows and keeps empty cells as positions', () => {
    const row = splitLine('一、本年新收政府信息公开申请数量\t\t4\t0\t\t0', 7)!;
    expect(row.structured).toBe(true);
    expect(row.cells.map((c) => c.kind)).toEqual(['label', 'empty', 'value', 'value', 'empty', 'value']);
    expect(row.cells.every((c) => c.line === 7)).toBe(true);
  });
  it('reads a tab-indented single cell (seed 000) as one cell', () => {
    expect(texts('\t532')).toEqual(['532']);
    expect(splitLine('\t532', 1)!.structured).toBe(false);
    expect(texts('\t')).toEqual(['']);
  });
  it('keeps a grid row with one filled cell and trailing columns structured', () => {
    expect(splitLine('第二十条第(一)项\t\t\t', 1)!.structured).toBe(true);
  });
  it('splits pipe rows and drops border pipes', () => {
    expect(texts('行政许可 |')).toEqual(['行政许可']);
    expect(texts(' 17 | ')).toEqual(['17']);
    expect(splitLine(' 17 | ', 1)!.structured).toBe(false);
    expect(texts('|')).toEqual(['']);
    expect(texts('| | | |')).toEqual(['', '', '']);
    expect(texts('| 1.申请人 | | |')).toEqual(['1.申请人', '', '']);
  });
  it('splits space-separated figures after a label', () => {
    expect(texts('规章 0 0 0')).toEqual(['规章', '0', '0', '0']);
    expect(texts('行政许可 1539')).toEqual(['行政许可', '1539']);
    expect(texts('1 10 3 0 14')).toEqual(['1', '10', '3', '0', '14']);
    expect(texts('2024年共收到申请4件')).toEqual(['2024年共收到申请4件']);
  });
  it('skips blank lines and page-break debris', () => {
    for (const t of ['- 3 -', '— 3 —', '第 3 页', '第3页 共5页', '3/5', '']) expect(splitLine(t, 1)).toBeNull();
    expect(isPageDebris('\t- 12 -')).toBe(true);
    expect(toRows(['a', '- 2 -', '', 'b'], 1, 4).map((r) => r.line)).toEqual([1, 4]);
  });
});

describe('classifyCell: signed and unit-bearing figures (realistic reports)', () => {
  it('reads a 2019 本年增/减 written with a plus sign', () => {
    expect(classifyCell('+2')).toEqual({ kind: 'value', value: 2 });
    expect(classifyCell('+0')).toEqual({ kind: 'value', value: 0 });
    expect(splitLine('其他对外管理服务事项 2 +2 114', 1)?.cells.map((c) => c.value)).toEqual([null, 2, 2, 114]);
  });
  it('reads a figure with its unit and thousands separators', () => {
    expect(classifyCell('1,204件')).toEqual({ kind: 'value', value: 1204 });
    expect(classifyCell('3次')).toEqual({ kind: 'value', value: 3 });
  });
});

describe('Markdown tables', () => {
  it('skips the alignment row of a Markdown table instead of reading its dashes as blanks', () => {
    expect(splitLine('| --- | :---: | ---: |', 1)).toBeNull();
    expect(splitLine('|---|---|', 1)).toBeNull();
    expect(texts('| 规章 | — | — | — |')).toEqual(['规章', '—', '—', '—']);
  });
});

describe('dates are not misprinted figures', () => {
  it('classifies a date as text', () => {
    expect(classifyCell('2024年1月30日').kind).toBe('label');
    expect(classifyCell('2024-01-30').kind).toBe('label');
    expect(classifyCell('1O').kind).toBe('unreadable');
  });
});

describe('splitLine on space-separated figures, read token by token', () => {
  it('splits a label and its figures, and keeps a line ending in a word whole', () => {
    expect(splitLine('行政规范性文件 5 2 30', 3)!.cells.map((c) => c.text)).toEqual(['行政规范性文件', '5', '2', '30']);
    expect(splitLine('1 10 — 0 14', 3)!.cells.map((c) => c.value)).toEqual([1, 10, null, 0, 14]);
    expect(splitLine('2021年 5', 3)!.cells.map((c) => c.text)).toEqual(['2021年', '5']);
    expect(splitLine('共收到 4 件', 3)!.cells.map((c) => c.text)).toEqual(['共收到 4 件']);
  });
  it('reads a 100,000-figure line that ends in a word as one cell', () => {
    const row = splitLine(`规章 ${'1 '.repeat(100_000)}件`, 1)!;
    expect(row.cells).toHaveLength(1);
    expect(row.structured).toBe(false);
  });
});
