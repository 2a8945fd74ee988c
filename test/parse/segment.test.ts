import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/parse/stages/normalize.js';
import { parseChineseNumeral, segment, stripHeadingMarkup } from '../../src/parse/stages/segment.js';

function seed(id: string): string {
  const names: Record<string, string> = {
    '000': '000_81e12db4ab5ce8f0.txt',
    '001': '001_3c37fa3851a0a726.txt',
    '002': '002_8d388e7911cc997b.txt',
    '003': '003_9f2672fdddbd3341.txt',
    '004': '004_7155ca732c79b54b.txt',
  };
  return readFileSync(new URL(`../fixtures/seeds/${names[id]}`, import.meta.url), 'utf8');
}

function keysOf(text: string): Array<[string, number | null]> {
  return segment(normalize(text)).sections.map((s) => [s.key, s.ordinal]);
}

const STATUTORY: Array<[string, number]> = [
  ['overview', 1],
  ['active', 2],
  ['applications', 3],
  ['reviews', 4],
  ['problems', 5],
  ['other', 6],
];

describe('parseChineseNumeral', () => {
  it('reads ordinals, counts and digit-by-digit years', () => {
    expect(parseChineseNumeral('一')).toBe(1);
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('二十五')).toBe(25);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('三万二千')).toBe(32000);
    expect(parseChineseNumeral('二〇二五')).toBe(2025);
    expect(parseChineseNumeral('二○二一')).toBe(2021);
    expect(parseChineseNumeral('42')).toBe(42);
    expect(parseChineseNumeral('是')).toBeNull();
  });
});

describe('segment on the seeds', () => {
  it('finds the six sections of 000 and skips the numbered table-3 row labels', () => {
    const { sections } = segment(normalize(seed('000')));
    expect(sections.map((s) => [s.key, s.ordinal])).toEqual(STATUTORY);
    expect(sections.map((s) => s.line)).toEqual([8, 32, 79, 365, 411, 422]);
    expect(sections[0]!.firstLine.startsWith('2021年，乌鲁木齐市坚持')).toBe(true);
    expect(sections[5]!.firstLine).toBe('我市2021年度未向申请人收取政府信息公开信息处理费。');
    expect(sections[5]!.length).toBe('我市2021年度未向申请人收取政府信息公开信息处理费。'.length);
    expect(sections[0]!.endLine).toBe(30);
  });
  it('reads the Traditional headings of 001 and sees that section 六 is absent', () => {
    const { sections } = segment(normalize(seed('001')));
    expect(sections.map((s) => [s.key, s.ordinal])).toEqual(STATUTORY.slice(0, 5));
    expect(sections[0]!.firstLine.startsWith('2021年,新疆維吾爾自治區')).toBe(true);
    expect(sections[1]!.length).toBe(0);
  });
  it('finds 002 and 004 headings whatever the table layout (pipes, tabs)', () => {
    expect(keysOf(seed('002'))).toEqual(STATUTORY);
    expect(keysOf(seed('004'))).toEqual(STATUTORY);
    const s004 = segment(normalize(seed('004'))).sections;
    expect(s004.map((s) => s.line)).toEqual([7, 23, 40, 72, 80, 86]);
  });
  it('maps the legacy headings of 003 where they clearly correspond and keeps the rest as legacy', () => {
    const { sections } = segment(normalize(seed('003')));
    expect(sections.map((s) => [s.key, s.ordinal, s.title])).toEqual([
      ['overview', 1, '概述'],
      ['legacy', 2, '工作开展情况'],
      ['legacy', 3, '政府信息公开发布情况'],
      ['applications', 4, '依申请公开工作情况'],
      ['legacy', 5, '人大代表建议和政协委员提案办理情况'],
      ['problems', 6, '存在的问题及下一步重点工作'],
    ]);
  });
});

describe('segment on variants', () => {
  it('accepts reworded statutory titles', () => {
    const text = [
      '一、基本情况',
      '正文',
      '二、主动公开政府信息',
      '三、收到和处理政府信息公开申请',
      '四、因政府信息公开申请提起行政复议、行政诉讼情况',
      '五、存在的问题及改进措施',
      '六、其他事项',
    ].join('\n');
    expect(keysOf(text)).toEqual(STATUTORY);
  });
  it('keeps the ordinal as written when a section is misnumbered or numbering restarts', () => {
    const text = ['一、总体情况', 'a', '三、主动公开政府信息情况', 'b', '一、收到和处理政府信息公开申请情况', 'c'].join('\n');
    expect(keysOf(text)).toEqual([
      ['overview', 1],
      ['active', 3],
      ['applications', 1],
    ]);
  });
  it('reads full-width and Traditional headings, and a heading with text on the same line', () => {
    const text = ['一．總體情況', '正文', '二、主動公開政府信息情況', '五、存在的主要问题及改进情况：一是宣传不够。'].join('\n');
    const { sections } = segment(normalize(text));
    expect(sections.map((s) => [s.key, s.ordinal])).toEqual([
      ['overview', 1],
      ['active', 2],
      ['problems', 5],
    ]);
    expect(sections[2]!.firstLine).toBe('一是宣传不够。');
    expect(sections[2]!.length).toBe(7);
  });
  it('ignores numbered lists inside a section, table headers and prose that starts with a numeral', () => {
    const text = [
      '五、存在的主要问题及改进情况',
      '一、加强培训',
      '二是完善制度。',
      '一年来,我们做了很多工作。',
      '行政复议',
      '(四)行政复议情况',
      '四、结转下年度继续办理',
      '六、其他需要报告的事项',
    ].join('\n');
    expect(keysOf(text)).toEqual([
      ['problems', 5],
      ['other', 6],
    ]);
  });
  it('accepts a bare statutory title without ordinal', () => {
    expect(keysOf('总体情况\n正文\n其他需要报告的事项\n无')).toEqual([
      ['overview', null],
      ['other', null],
    ]);
  });
  it('reports duplicate headings and documents without any', () => {
    const dup = segment(normalize('一、总体情况\n一、总体情况\n'));
    expect(dup.diagnostics.map((d) => [d.code, d.line])).toEqual([['section-duplicate', 2]]);
    expect(segment(normalize('只有正文。')).diagnostics.map((d) => d.code)).toEqual(['no-sections']);
  });
});

describe('segment: Markdown headings', () => {
  it('reads ## and **…** headings like plain ones', () => {
    expect(stripHeadingMarkup('## 一、总体情况')).toBe('一、总体情况');
    expect(stripHeadingMarkup('**二、主动公开政府信息情况**')).toBe('二、主动公开政府信息情况');
    const { sections } = segment(normalize('# 标题\n## 一、总体情况\n正文。\n**五、存在的主要问题及改进情况**\n正文。\n'));
    expect(sections.map((s) => [s.key, s.ordinal, s.line])).toEqual([
      ['overview', 1, 2],
      ['problems', 5, 4],
    ]);
  });
});

describe('segment: titles seen in real reports', () => {
  it('reads a problems title that names its subject first (政府信息公开工作存在的主要问题及改进情况)', () => {
    expect(keysOf('五、政府信息公开工作存在的主要问题及改进情况\n（一）主要问题')).toEqual([['problems', 5]]);
    expect(keysOf('五、政务公开工作存在的问题及改进措施\n一是…')).toEqual([['problems', 5]]);
  });
});
