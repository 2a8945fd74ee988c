import { describe, expect, it } from 'vitest';
import { applications, makeReport, reviews, set } from './factory.js';
import { run } from './helpers.js';

describe('balance', () => {
  it('shows the arithmetic of a broken 勾稽关系', () => {
    const r = makeReport({ applications: applications({ newReceived: 703, carriedOver: 2, granted: 703, outcomeTotal: 703, carriedForward: 1 }) });
    const f = run('balance', r);
    expect(f).toHaveLength(2); // naturalPerson and total columns carry the figures
    const total = f.find((x) => x.cells.includes('applications.newReceived.total'))!;
    expect(total.messageZh).toBe('本年新收 703 + 上年结转 2 = 705 ≠ 办理结果总计 703 + 结转下年度 1 = 704');
    expect(total.message).toBe('newReceived 703 + carriedOver 2 = 705 ≠ outcomeTotal 703 + carriedForward 1 = 704');
    expect(total.cells).toEqual([
      'applications.newReceived.total',
      'applications.carriedOver.total',
      'applications.outcomeTotal.total',
      'applications.carriedForward.total',
    ]);
  });
  it('is silent on a balanced table and on blank cells', () => {
    expect(run('balance', makeReport())).toEqual([]);
    const r = set(makeReport(), 'applications.carriedOver.total', null);
    expect(run('balance', r)).toEqual([]);
  });
});

describe('row-sum', () => {
  it('flags a row whose total is not the sum of its parts', () => {
    const r = set(makeReport(), 'applications.granted.commercial', 2);
    const f = run('row-sum', r);
    expect(f).toHaveLength(1);
    expect(f[0]!.messageZh).toContain('予以公开：予以公开（自然人） 4 + 予以公开（商业企业） 2');
    expect(f[0]!.messageZh).toContain('= 6 ≠ 总计 4');
    expect(f[0]!.cells).toContain('applications.granted.total');
  });
  it('counts blanks as 0 and says so', () => {
    const r = set(set(makeReport(), 'applications.granted.commercial', null), 'applications.granted.total', 5);
    const f = run('row-sum', r);
    expect(f[0]!.messageZh).toContain('1 个空白按 0 计');
  });
  it('is silent when rows add up', () => {
    expect(run('row-sum', makeReport())).toEqual([]);
  });
});

describe('outcome-sum', () => {
  it('names the non-zero outcome rows and the total', () => {
    const r = makeReport({ applications: applications({ newReceived: 10, granted: 6, partial: 2, 'denied.thirdParty': 1, outcomeTotal: 10 }) });
    const f = run('outcome-sum', r);
    const total = f.find((x) => x.cells.includes('applications.outcomeTotal.total'))!;
    expect(total.messageZh).toBe('办理结果各项：予以公开 6 + 部分公开 2 + 保护第三方权益 1 = 9 ≠ 办理结果总计 10');
  });
  it('is silent when outcomes add up', () => {
    expect(run('outcome-sum', makeReport())).toEqual([]);
  });
});

describe('review-sum', () => {
  it('flags a group that does not add up', () => {
    const r = makeReport({ reviews: reviews({ 'review.upheld': 1, 'review.corrected': 1, 'review.total': 3 }) });
    const f = run('review-sum', r);
    expect(f).toHaveLength(1);
    expect(f[0]!.messageZh).toContain('行政复议结果维持 1 + 行政复议结果纠正 1 + 行政复议其他结果 0 + 行政复议尚未审结 0 = 2 ≠ 行政复议总计 3');
    expect(f[0]!.cells).toContain('reviews.review.total');
  });
  it('is silent when groups add up', () => {
    expect(run('review-sum', makeReport({ reviews: reviews({ 'review.upheld': 1, 'review.total': 1 }) }))).toEqual([]);
  });
});

describe('bad-cell', () => {
  it('flags negative, fractional and non-numeric counts', () => {
    const r = makeReport();
    set(r, 'applications.granted.legal', -1);
    set(r, 'reviews.review.pending', 1.5);
    set(r, 'active.licensing.decisions', Number.NaN);
    const f = run('bad-cell', r);
    expect(f.map((x) => x.cells[0])).toEqual(['applications.granted.legal', 'reviews.review.pending', 'active.licensing.decisions']);
    expect(f[0]!.messageZh).toBe('applications.granted.legal = -1：件数为负数');
  });
  it('accepts a negative 2019 delta and a decimal fee amount', () => {
    const r = makeReport({ format: '2019', active: { licensing: { prevCount: 10, delta: -3, decisions: 4 }, fees: { prevCount: 2, delta: 0 }, procurement: { items: 1, amount: 3.25, unit: '万元' } } });
    expect(run('bad-cell', r)).toEqual([]);
    expect(run('bad-cell', makeReport())).toEqual([]);
  });
});

describe('blank-cells', () => {
  it('counts blanks per table with their tokens', () => {
    const r = makeReport({
      blankCells: [
        { cell: 'applications.granted.legal', token: '/', line: 40 },
        { cell: 'applications.granted.research', token: '—', line: 40 },
        { cell: 'reviews.review.total', token: '', line: 80 },
      ],
    });
    const f = run('blank-cells', r);
    expect(f).toHaveLength(2);
    expect(f[0]!.messageZh).toBe('表三：2 个空白单元格，填写为 “/”、“—”');
    expect(f[0]!.line).toBe(40);
    expect(f[1]!.message).toBe('table 4: 1 blank cell(s), written (empty)');
  });
  it('is silent without blanks', () => {
    expect(run('blank-cells', makeReport())).toEqual([]);
  });
});
