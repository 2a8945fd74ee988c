import { describe, expect, it } from 'vitest';
import { row7, tablesOf } from './helpers.js';

const TABLE2_2019 = [
  '二、主动公开政府信息情况',
  '第二十条第(一)项',
  '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
  '规章(设区的市、自治州人民政府应提供相关数据)\t2\t2\t40',
  '规范性文件\t5\t5\t120',
  '第二十条第(五)项',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '行政许可\t300\t-12\t1,204',
  '其他对外管理服务事项\t20\t0\t88',
  '第二十条第(六)项',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '行政处罚\t150\t3\t77',
  '行政强制\t10\t/\t4',
  '第二十条第(八)项',
  '信息内容\t上一年项目数量\t本年增/减',
  '行政事业性收费\t6\t-1',
  '第二十条第(九)项',
  '信息内容\t采购项目数量\t采购总金额(万元)',
  '政府集中采购\t12\t356.5',
  '重大建设项目\t3\t1',
];

describe('2019 format', () => {
  it('reads table 2 with its own columns, negative deltas, the procurement unit and extra rows', () => {
    const t = tablesOf(TABLE2_2019.join('\n'));
    expect(t.active).toEqual({
      regulations: { newlyMade: 2, newlyPublished: 2, totalPublic: 40 },
      normativeDocuments: { newlyMade: 5, newlyPublished: 5, totalPublic: 120 },
      licensing: { prevCount: 300, delta: -12, decisions: 1204 },
      otherServices: { prevCount: 20, delta: 0, decisions: 88 },
      punishment: { prevCount: 150, delta: 3, decisions: 77 },
      enforcement: { prevCount: 10, delta: null, decisions: 4 },
      fees: { prevCount: 6, delta: -1 },
      procurement: { items: 12, amount: 356.5, unit: '万元' },
      extra: [{ label: '重大建设项目', values: [3, 1], line: 20 }],
    });
    expect(t.evidence).toMatchObject({ labels2019: true, labels2021: false });
    expect(t.blankCells).toEqual([{ cell: 'active.enforcement.delta', token: '/', line: 13 }]);
  });
  it('reads (六)其他处理 as one data row into other.other', () => {
    const t3 = [
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5',
      '(五)不予处理',
      '1.信访举报投诉类申请 1 0 0 0 0 0 1',
      '(六)其他处理 2 0 0 0 0 0 2',
      '(七)总计 5 0 0 0 0 0 5',
    ];
    const t = tablesOf(t3.join('\n'));
    expect(row7(t, 'other.other')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(row7(t, 'other.noCorrection')).toEqual(Array(7).fill(null));
    expect(row7(t, 'outcomeTotal')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(t.evidence.otherHasSubRows).toBe(false);
    const missing = t.diagnostics.filter((d) => d.code === 'row-missing').map((d) => d.message);
    expect(missing.some((m) => m.includes('other.noCorrection'))).toBe(false);
    expect(missing.some((m) => m.includes('carriedOver'))).toBe(true);
  });
});

describe('a table-2 header flattened to one line', () => {
  it('reads every column label glued into one cell, in order', () => {
    const t = tablesOf(['二、主动公开政府信息情况', '第二十条第(一)项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章 1 2 3', '行政规范性文件 4 5 6'].join('\n'));
    expect(t.active).toEqual({ regulations: { issued: 1, repealed: 2, current: 3 }, normativeDocuments: { issued: 4, repealed: 5, current: 6 } });
    expect(t.evidence.labels2021).toBe(true);
  });
});

describe('2019 format: a table-2 header cut short', () => {
  it('reads a block with the format’s own columns when the header names only some of them (本年新 | 本年新 | 对外公开总数量)', () => {
    const t = tablesOf(
      [
        '二、主动公开政府信息情况',
        '第二十条第(一)项 | ||||',
        '信息内容 | 本年新 | 本年新 | 对外公开总数量 | |',
        '规章 | 0 | 0 | 0 | |',
        '规范性文件 | 1 | 1 | 9 | |',
        '第二十条第(五)项 | ||||',
        '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |',
        '其他对外管理服务事项 | 2 | +2 | 114 | |',
      ].join('\n'),
    );
    expect(t.active?.regulations).toEqual({ newlyMade: 0, newlyPublished: 0, totalPublic: 0 });
    expect(t.active?.normativeDocuments).toEqual({ newlyMade: 1, newlyPublished: 1, totalPublic: 9 });
    expect(t.active?.otherServices).toEqual({ prevCount: 2, delta: 2, decisions: 114 });
  });
  it('keeps a header that names fewer columns when the row has only that many figures', () => {
    const t = tablesOf(
      ['二、主动公开政府信息情况', '第二十条第(五)项', '信息内容\t处理决定数量', '行政许可\t88', '第二十条第(八)项', '信息内容\t上一年项目数量\t本年增/减', '行政事业性收费\t6\t-1'].join('\n'),
    );
    expect(t.active?.licensing).toEqual({ decisions: 88 });
    expect(t.active?.fees).toEqual({ prevCount: 6, delta: -1 });
  });
});
