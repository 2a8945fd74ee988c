// Table 2 with neither its heading nor the 第二十条 labels: found by its column labels (本年制发件数,
// 现行有效件数, 本年处理决定数量), whether it sits under a 二、主动公开政府信息情况 written as prose or
// directly before table 3.
import { describe, expect, it } from 'vitest';
import { locateTables } from '../../../src/parse/stages/tables/locate.js';
import { tablesOf } from './helpers.js';

const GRID = [
  '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
  '规章\t0\t0\t0',
  '行政规范性文件\t5\t2\t30',
  '信息内容\t本年处理决定数量',
  '行政许可\t1200',
  '行政处罚\t300',
  '行政强制\t20',
  '信息内容\t本年收费金额（单位：万元）',
  '行政事业性收费\t12.5',
];
const TABLE3 = ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5'];
const EXPECTED = {
  regulations: { issued: 0, repealed: 0, current: 0 },
  normativeDocuments: { issued: 5, repealed: 2, current: 30 },
  licensing: { decisions: 1200 },
  punishment: { decisions: 300 },
  enforcement: { decisions: 20 },
  fees: { amount: 12.5 },
};

describe('table 2 without heading or 第二十条 labels', () => {
  it('is found under a section heading followed by two paragraphs of prose', () => {
    const text = [
      '二、主动公开政府信息情况',
      '2022年，我区通过政府门户网站主动公开政府信息1234条，其中规范性文件5件，行政许可决定1200件，行政处罚决定300件。',
      '（一）坚持规范发布。严格落实公文公开属性源头认定制度，做到应公开尽公开，全年未发生泄密事件。',
      ...GRID,
      ...TABLE3,
    ].join('\n');
    const t = tablesOf(text);
    expect(t.active).toEqual(EXPECTED);
    expect(t.evidence.labels2021).toBe(true);
    expect(t.diagnostics.filter((d) => d.code === 'table-empty' || d.code === 'row-duplicate')).toEqual([]);
  });

  it('is found directly before table 3, with no heading at all', () => {
    const text = ['一、总体情况', '2022年，我区扎实推进政务公开工作，取得明显成效，群众满意度持续提升。', ...GRID, ...TABLE3].join('\n');
    expect(tablesOf(text).active).toEqual(EXPECTED);
    const regions = locateTables(text.split('\n'));
    expect([regions.active?.from, regions.active?.to, regions.active?.byHeading]).toEqual([3, 11, false]);
  });

  it('is found by 现行有效件数 or 本年处理决定数量 when 本年制发件数 is cut short', () => {
    const cut = ['信息内容 本年制发件 本年废止件数 现行有效件数', '规章 0 0 0', '行政规范性文件 5 2 30', '信息内容 本年处理决定数量', '行政许可 1200'];
    const t = tablesOf([...cut, ...TABLE3].join('\n'));
    expect(t.active?.normativeDocuments).toEqual({ issued: 5, repealed: 2, current: 30 });
    expect(t.active?.licensing).toEqual({ decisions: 1200 });
  });
});
