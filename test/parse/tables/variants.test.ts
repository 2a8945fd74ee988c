// Layouts the seeds do not show but real files do, written by hand or derived from the seeds.
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { review15, row7, seedText, tablesOf } from './helpers.js';

// Table 3 rows as in the 2021 format: [parent label or '', row label, seven figures]. Figures differ per row so
// that a figure landing in the wrong cell shows.
const T3: Array<[string, string, number[]]> = [
  ['', '一、本年新收政府信息公开申请数量', [30, 2, 1, 0, 3, 1, 37]],
  ['', '二、上年结转政府信息公开申请数量', [2, 0, 0, 0, 0, 1, 3]],
  ['三、本年度办理结果', '(一)予以公开', [10, 1, 0, 0, 1, 0, 12]],
  ['', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', [3, 0, 0, 0, 0, 0, 3]],
  ['(三)不予公开', '1.属于国家秘密', [1, 0, 0, 0, 0, 0, 1]],
  ['', '2.其他法律行政法规禁止公开', [0, 1, 0, 0, 0, 0, 1]],
  ['', '3.危及“三安全一稳定”', [0, 0, 1, 0, 0, 0, 1]],
  ['', '4.保护第三方合法权益', [0, 0, 0, 1, 0, 0, 1]],
  ['', '5.属于三类内部事务信息', [0, 0, 0, 0, 1, 0, 1]],
  ['', '6.属于四类过程性信息', [0, 0, 0, 0, 0, 1, 1]],
  ['', '7.属于行政执法案卷', [2, 0, 0, 0, 0, 0, 2]],
  ['', '8.属于行政查询事项', [3, 0, 0, 0, 0, 0, 3]],
  ['(四)无法提供', '1.本机关不掌握相关政府信息', [4, 0, 0, 0, 0, 0, 4]],
  ['', '2.没有现成信息需要另行制作', [5, 0, 0, 0, 0, 0, 5]],
  ['', '3.补正后申请内容仍不明确', [6, 0, 0, 0, 0, 0, 6]],
  ['(五)不予处理', '1.信访举报投诉类申请', [7, 0, 0, 0, 0, 0, 7]],
  ['', '2.重复申请', [8, 0, 0, 0, 0, 0, 8]],
  ['', '3.要求提供公开出版物', [9, 0, 0, 0, 0, 0, 9]],
  ['', '4.无正当理由大量反复申请', [11, 0, 0, 0, 0, 0, 11]],
  ['', '5.要求行政机关确认或重新出具已获取信息', [12, 0, 0, 0, 0, 0, 12]],
  ['(六)其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [13, 0, 0, 0, 0, 0, 13]],
  ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [14, 0, 0, 0, 0, 0, 14]],
  ['', '3.其他', [15, 0, 0, 0, 0, 0, 15]],
  ['', '(七)总计', [31, 2, 1, 0, 3, 0, 37]],
  ['', '四、结转下年度继续办理', [1, 0, 0, 0, 0, 2, 3]],
];
const T3_IDS = [
  'newReceived', 'carriedOver', 'granted', 'partial',
  'denied.stateSecret', 'denied.lawForbidden', 'denied.securityStability', 'denied.thirdParty',
  'denied.internalAffairs', 'denied.processInfo', 'denied.enforcementFile', 'denied.adminQuery',
  'unavailable.notHeld', 'unavailable.needsCreation', 'unavailable.unclear',
  'notProcessed.complaint', 'notProcessed.duplicate', 'notProcessed.publication', 'notProcessed.massRepeat',
  'notProcessed.confirmation', 'other.noCorrection', 'other.noFee', 'other.other', 'outcomeTotal', 'carriedForward',
];
const T4 = [1, 10, 3, 0, 14, 11, 4, 6, 0, 21, 3, 0, 0, 0, 3];
const T4_GROUPS = [T4.slice(0, 5), T4.slice(5, 10), T4.slice(10, 15)];
const HEADER_LINES = ['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

function report(table3: string[], table4: string[] = []): string {
  return ['一、总体情况', '正文。', '三、收到和处理政府信息公开申请情况', ...table3, '四、政府信息公开行政复议、行政诉讼情况', ...table4, '五、存在的主要问题及改进情况', '无。'].join('\n');
}

function expectAllRows(text: string): void {
  const t = tablesOf(text);
  T3_IDS.forEach((id, k) => expect([id, row7(t, id)]).toEqual([id, T3[k]![2]]));
  expect(t.evidence.otherHasSubRows).toBe(true);
}

describe('one cell per line, no blank lines (HTML/Word/PDF flattened)', () => {
  const lines = [...HEADER_LINES, ...T3.flatMap(([parent, label, v]) => [...(parent ? [parent] : []), label, ...v.map(String)])];
  it('reads table 3 and table 4', () => {
    const text = report(lines, ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', ...T4.map(String)]);
    expectAllRows(text);
    expect(review15(tablesOf(text))).toEqual(T4_GROUPS);
    expect(tablesOf(text).diagnostics).toEqual([]);
  });
  it('reads a row label wrapped over two lines', () => {
    const wrapped = lines.flatMap((l) =>
      l === '(二)部分公开(区分处理的,只计这一情形,不计其他情形)' ? ['(二)部分公开(区分处理的,只计这一情形,', '不计其他情形)'] : [l],
    );
    expectAllRows(report(wrapped));
  });
  it('skips page-break debris and a repeated header inside the table', () => {
    const at = lines.indexOf('(四)无法提供');
    const broken = [...lines.slice(0, at), '- 3 -', '第3页 共5页', ...HEADER_LINES, '— 4 —', ...lines.slice(at)];
    const t = tablesOf(report(broken));
    T3_IDS.forEach((id, k) => expect([id, row7(t, id)]).toEqual([id, T3[k]![2]]));
    // Only table 4 (left out of this report) is reported: no row of table 3 went missing or doubled.
    expect(t.diagnostics.map((d) => [d.code, d.message])).toEqual([['table-empty', 'table 4 (reviews and litigation) has no figures']]);
  });
});

describe('HTML/DOCX grid: one table row per line, rowspan/colspan cells only in their first row/column', () => {
  const grid = [
    '申请人情况\t\t\t\t\t\t\t\t',
    '\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    ...T3.map(([parent, label, v]) =>
      label.startsWith('一、') || label.startsWith('二、') || label.startsWith('四、') || label === '(七)总计'
        ? [label, '', ...v].join('\t')
        : [parent, label, ...v].join('\t'),
    ),
  ];
  it('reads every row', () => expectAllRows(report(grid)));
  it('keeps blank tokens and empty cells as null with their token', () => {
    const withBlanks = grid.map((l) =>
      l.startsWith('\t(二)部分公开') ? '\t(二)部分公开(区分处理的,只计这一情形,不计其他情形)\t/\t0\t\t0\t0\t0\t—' : l,
    );
    const t = tablesOf(report(withBlanks));
    expect(row7(t, 'partial')).toEqual([null, 0, null, 0, 0, 0, null]);
    expect(t.blankCells.map((b) => [b.cell, b.token])).toEqual([
      ['applications.partial.naturalPerson', '/'],
      ['applications.partial.research', ''],
      ['applications.partial.total', '—'],
    ]);
    expect(row7(t, 'granted')).toEqual(T3[2]![2]);
  });
  it('places a trailing blank by column, not by shifting the row', () => {
    const trailing = grid.map((l) => (l.startsWith('(七)总计') ? '(七)总计\t\t31\t2\t1\t0\t3\t0\t' : l));
    const t = tablesOf(report(trailing));
    expect(row7(t, 'outcomeTotal')).toEqual([31, 2, 1, 0, 3, 0, null]);
    expect(t.blankCells).toEqual([{ cell: 'applications.outcomeTotal.total', token: '', line: expect.any(Number) }]);
  });
  it('reads a table-4 grid with a blank', () => {
    const t = tablesOf(report(grid, ['行政复议\t\t\t\t\t行政诉讼', '1\t10\t/\t0\t14\t11\t4\t6\t0\t21\t3\t0\t0\t0\t3']));
    expect(t.reviews?.review).toEqual({ upheld: 1, corrected: 10, other: null, pending: 0, total: 14 });
    expect(t.blankCells).toContainEqual({ cell: 'reviews.review.other', token: '/', line: expect.any(Number) });
  });
});

describe('space-separated rows (PDF text)', () => {
  it('reads label + figures on one line, and table 4 as one line of 15', () => {
    const lines = [...HEADER_LINES, ...T3.flatMap(([parent, label, v]) => [...(parent ? [parent] : []), `${label} ${v.join(' ')}`])];
    const text = report(lines, ['结果维持 结果纠正 其他结果 尚未审结 总计', T4.join(' ')]);
    expectAllRows(text);
    expect(review15(tablesOf(text))).toEqual(T4_GROUPS);
  });
});

describe('the 25 × 8 variant with a 小计 column', () => {
  it('drops the subtotal announced by the header', () => {
    const header = ['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '小计'];
    const lines = T3.map(([parent, label, v]) => {
      const sub = v.slice(1, 6).reduce((a, b) => a + b, 0);
      return [parent, label, ...v.slice(0, 6), sub, v[6]].join('\t');
    });
    expectAllRows(report([header.join('\t'), ...lines]));
  });
  it('drops an unannounced subtotal when the arithmetic shows it', () => {
    const lines = T3.map(([parent, label, v]) => {
      const sub = v.slice(1, 6).reduce((a, b) => a + b, 0);
      return [parent, label, ...v.slice(0, 6), sub, v[0]! + sub].join('\t');
    });
    const t = tablesOf(report(lines));
    expect(row7(t, 'newReceived')).toEqual([30, 2, 1, 0, 3, 1, 37]);
  });
});

describe('a Traditional report converted to Simplified', () => {
  it('reads seed 004 written in Traditional characters', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const t = tablesOf(toTraditional(seedText('004')));
    expect(t.active?.licensing).toEqual({ decisions: 1539 });
    expect(t.active?.normativeDocuments).toEqual({ issued: 2, repealed: 0, current: 2 });
    expect(row7(t, 'newReceived')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(review15(t)[0]).toEqual([1, 0, 0, 0, 1]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe('seeds reshaped', () => {
  it('reads seed 002 with its pipes removed', () => {
    const t = tablesOf(seedText('002').replace(/ \|$/gm, ''));
    expect(row7(t, 'partial')).toEqual([2, 0, 0, 0, 8, 0, 10]);
    expect(t.active?.fees).toEqual({ amount: 1312 });
  });
  it('reads seed 000 with its tabs and blank lines removed and a page break in table 3', () => {
    const flat = seedText('000')
      .split('\n')
      .map((l) => l.replace(/^\t/, ''))
      .filter((l) => l.trim() !== '');
    const at = flat.indexOf('（四）无法提供');
    flat.splice(at, 0, '- 5 -', '第 5 页');
    const t = tablesOf(flat.join('\n'));
    expect(row7(t, 'unavailable.notHeld')).toEqual([224, 5, 0, 0, 5, 15, 249]);
    expect(row7(t, 'carriedForward')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(review15(t)[1]).toEqual([11, 4, 6, 0, 21]);
    expect(t.diagnostics).toEqual([]);
  });
});

describe('problems become diagnostics', () => {
  it('reports table 4 without 15 figures', () => {
    const t = tablesOf(report([], ['结果维持', ...T4.slice(0, 14).map(String)]));
    expect(t.diagnostics.map((d) => d.code)).toContain('table-count');
    expect(t.reviews?.litigationAfterReview.total).toBeNull();
  });
  it('reports an unreadable cell and a missing row', () => {
    const lines = T3.filter(([, label]) => label !== '2.重复申请').map(([p, l, v]) =>
      [p, l, ...(l === '(一)予以公开' ? ['1O', ...v.slice(1)] : v)].join('\t'),
    );
    const t = tablesOf(report(lines));
    expect(row7(t, 'granted')).toEqual([null, 1, 0, 0, 1, 0, 12]);
    const codes = t.diagnostics.map((d) => [d.code, d.message.includes('notProcessed.duplicate') || d.message.includes('granted')]);
    expect(codes).toContainEqual(['cell-unreadable', true]);
    expect(codes).toContainEqual(['row-missing', true]);
  });
});
