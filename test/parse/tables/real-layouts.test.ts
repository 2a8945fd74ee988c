// Table layouts met in real reports (test/fixtures/real), each reduced to the few lines that show it.
import { describe, expect, it } from 'vitest';
import { review15, row7, tablesOf } from './helpers.js';

const T = '\t';
const grid = (...cells: string[]): string => cells.join(T);

// An HTML table 3 as the adapter hands it over: ten columns, labels spanning two or three of them, and no row
// with all seven figures (the report leaves zeros empty).
const SPARSE_GRID = [
  '三、收到和处理政府信息公开申请情况',
  grid('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''),
  grid('', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'),
  grid('', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''),
  grid('一、本年新收政府信息公开申请数量', '', '', '821', '35', '', '', '2', '1', '859'),
  grid('三、本年度办理结果', '（一）予以公开', '', '258', '12', '', '', '1', '1', ''),
  grid('', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '', '3', '', '', '', '', '', ''),
  grid('', '（三）不予公开', '1.属于国家秘密', '14', '', '', '', '', '', ''),
  grid('', '（六）其他处理', '', '', '', '', '', '', '', ''),
  grid('', '（七）总计', '', '767', '35', '', '', '2', '1', '805'),
  grid('四、结转下年度继续办理', '', '', '72', '', '', '', '', '', '72'),
];

describe('a grid where every row leaves some cells empty', () => {
  const t = tablesOf(SPARSE_GRID.join('\n'));
  it('places figures by the column they sit in, not by guessing which empties are blanks', () => {
    expect(row7(t, 'newReceived')).toEqual([821, 35, null, null, 2, 1, 859]);
    expect(row7(t, 'granted')).toEqual([258, 12, null, null, 1, 1, null]);
    expect(row7(t, 'partial')).toEqual([3, null, null, null, null, null, null]);
    expect(row7(t, 'denied.stateSecret')).toEqual([14, null, null, null, null, null, null]);
    expect(row7(t, 'carriedForward')).toEqual([72, null, null, null, null, null, 72]);
  });
  it('reads an empty 2019-style (六)其他处理 row as that single row, left blank', () => {
    expect(row7(t, 'other.other')).toEqual([null, null, null, null, null, null, null]);
    expect(t.evidence.otherHasSubRows).toBe(false);
    const missing = t.diagnostics.filter((d) => d.code === 'row-missing').map((d) => d.message);
    expect(missing.some((m) => m.includes('other.'))).toBe(false);
  });
  it('still expects the 2021 sub-rows when they follow (六)其他处理', () => {
    const with2021 = tablesOf(
      [...SPARSE_GRID.slice(0, 8), grid('', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '4', '', '', '', '', '', '4'), ...SPARSE_GRID.slice(9)].join('\n'),
    );
    expect(row7(with2021, 'other.noCorrection')).toEqual([4, null, null, null, null, null, 4]);
    expect(with2021.evidence.otherHasSubRows).toBe(true);
  });
});

describe('table 4 as one grid row with empty cells', () => {
  it('reads the empties as blanks and does not report a short table', () => {
    const t = tablesOf(
      [
        '四、政府信息公开行政复议、行政诉讼情况',
        grid('行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''),
        grid('5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', ''),
      ].join('\n'),
    );
    expect(review15(t)).toEqual([
      [5, null, null, 2, 7],
      [8, null, null, 1, 9],
      [null, null, null, null, null],
    ]);
    expect(t.diagnostics.filter((d) => d.code === 'table-count')).toEqual([]);
    expect(t.blankCells.filter((b) => b.cell.startsWith('reviews.')).length).toBe(9);
  });
});

describe('table 2 (2019) with the procurement unit in the cell', () => {
  it('takes the unit from the amount cell when the header names none', () => {
    const t = tablesOf(
      [
        '二、主动公开政府信息情况',
        grid('第二十条第（九）项', '', '', '', ''),
        grid('信息内容', '采购项目数量', '', '采购总金额', ''),
        grid('政府集中采购', '6', '', '251000元', ''),
      ].join('\n'),
    );
    expect(t.active?.procurement).toEqual({ items: 6, amount: 251000, unit: '元' });
  });
});

describe('table 2 (2019) header cells wrapped or cut short, one cell per line', () => {
  it('reads 本年新 / 制作数量 and 本年增/ as their columns', () => {
    const t = tablesOf(
      ['二、主动公开政府信息情况', '第二十条第(五)项', '信息内容', '上一年项目数量', '本年增/', '处理决定数量', '行政许可', '148', '3', '12', '第二十条第(一)项', '信息内容', '本年新', '制作数量', '本年新', '公开数量', '对外公开总数量', '规章', '1', '1', '4'].join('\n'),
    );
    expect(t.active?.licensing).toEqual({ prevCount: 148, delta: 3, decisions: 12 });
    expect(t.active?.regulations).toEqual({ newlyMade: 1, newlyPublished: 1, totalPublic: 4 });
  });
});

describe('a summary sentence between the table-3 heading and the table', () => {
  it('does not end the table before its first row', () => {
    const t = tablesOf(
      [
        '三、收到和处理政府信息公开申请情况',
        '2022年,区政府办公室共收到8份政府信息公开申请,均为自然人申请。其中,予以公开2件,部分公开2件,属于四类过程性性信息1件,本办不掌握相关政府信息2件,其他1件(申请人自主撤销)。无下年度结转。',
        '|',
        '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |',
        '申请人情况 | |||||||||||||||',
        '|',
        '一、本年新收政府信息公开申请数量 |', '8 |', '0 |', '0 |', '0 |', '0 |', '0 |', '8 | |||||||||',
      ].join('\n'),
    );
    expect(row7(t, 'newReceived')).toEqual([8, 0, 0, 0, 0, 0, 8]);
  });
});
