import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tablesOf } from './helpers.js';

// Pieces real tables are made of, thrown together in any order and layout.
const piece = fc.constantFrom(
  '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '二、主动公开政府信息情况',
  '(三)不予公开', '(六)其他处理', '3.其他', '2.', '(七)总计', '总计', '小计', '规章', '行政许可', '第二十条第(五)项',
  '本年增/减', '1.属于国家秘密', '一、本年新收政府信息公开申请数量', '0', '12', '-3', '/', '—', '', '1O', '- 3 -', '4,567', '3.5',
);
const line = fc.array(piece, { minLength: 1, maxLength: 9 }).chain((cells) =>
  fc.constantFrom('\t', ' | ', ' ').map((sep) => cells.join(sep)),
);

describe('robustness', () => {
  it('never throws and only ever yields numbers or null', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const t = tablesOf(lines.join('\n'));
        const figures = JSON.stringify([t.applications, t.reviews, t.active]).match(/:(?!null|-?\d)[^,{}[\]]+/g) ?? [];
        // The only non-figure values allowed are labels and the procurement unit.
        expect(figures.every((f) => /^:"/.test(f))).toBe(true);
        expect(t.diagnostics.every((d) => typeof d.code === 'string')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a section written as prose is not an emptied table', () => {
  it('gives no table-empty warning when a table heading is followed by sentences', () => {
    const t = tablesOf(
      [
        '二、主动公开政府信息情况',
        '　　2020年，我局主动公开政府信息共计1,286条，本年度制发规范性文件2件，现行有效规范性文件11件。',
        '四、政府信息公开行政复议、行政诉讼情况',
        '　　2020年，我局未发生因政府信息公开引起的行政复议、行政诉讼。',
      ].join('\n'),
    );
    expect(t.active).toBeNull();
    expect(t.reviews).toBeNull();
    expect(t.diagnostics).toEqual([]);
  });
  it('still warns about a heading with nothing under it', () => {
    const t = tablesOf(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '| | |'].join('\n'));
    expect(t.diagnostics.map((d) => [d.code, d.line])).toEqual([['table-empty', 1], ['table-empty', 2]]);
  });
});
