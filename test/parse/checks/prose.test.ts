import { describe, expect, it } from 'vitest';
import { applications, makeReport, mention, reviews, thresholds } from './factory.js';
import { run } from './helpers.js';

const withCarry = () => applications({ newReceived: 5, carriedOver: 1, granted: 6, outcomeTotal: 6 });

describe('narrative-mismatch', () => {
  it('tries both readings of 共收到 when the sentence does not say, and is silent when one fits', () => {
    const fitsSum = makeReport({ applications: withCarry(), narrativeMentions: [mention({ id: 'applicationsReceived', value: 6 })] });
    expect(run('narrative-mismatch', fitsSum)).toEqual([]);
    const fitsNew = makeReport({ applications: withCarry(), narrativeMentions: [mention({ id: 'applicationsReceived', value: 5 })] });
    expect(run('narrative-mismatch', fitsNew)).toEqual([]);
  });
  it('flags when neither reading fits and says which were tried', () => {
    const r = makeReport({ applications: withCarry(), narrativeMentions: [mention({ id: 'applicationsReceived', value: 7, text: '共收到政府信息公开申请7件', line: 20 })] });
    const f = run('narrative-mismatch', r);
    expect(f).toHaveLength(1);
    expect(f[0]!.messageZh).toBe('“共收到政府信息公开申请7件”称 7 件；按仅新收核对：本年新收 5；按新收 + 上年结转核对：本年新收 5 + 上年结转 1 = 6——均不等于 7');
    expect(f[0]!.cells).toEqual(['narrative.applicationsReceived', 'applications.newReceived.total', 'applications.carriedOver.total']);
    expect(f[0]!.line).toBe(20);
  });
  it('uses only the sum when the sentence says 含上年结转', () => {
    const r = makeReport({ applications: withCarry(), narrativeMentions: [mention({ id: 'applicationsReceived', value: 5, includesCarriedOver: true })] });
    const f = run('narrative-mismatch', r);
    expect(f[0]!.messageZh).toContain('新收 + 上年结转（句中写明含上年结转）核对：本年新收 5 + 上年结转 1 = 6');
  });
  it('checks every mention, not only the first', () => {
    const r = makeReport({
      applications: withCarry(),
      reviews: reviews({ 'review.upheld': 1, 'review.total': 1, 'litigationDirect.pending': 1, 'litigationDirect.total': 1 }),
      narrativeMentions: [
        mention({ id: 'applicationsConcluded', value: 6, text: '办结6件' }),
        mention({ id: 'applicationsConcluded', value: 8, text: '全年办结8件', line: 30 }),
        mention({ id: 'carriedForward', value: 2, text: '结转2件', line: 31 }),
        mention({ id: 'reviews', value: 2, text: '行政复议2件', line: 32 }),
        mention({ id: 'litigations', value: 1, text: '行政诉讼1件', line: 33 }),
      ],
    });
    const f = run('narrative-mismatch', r);
    expect(f.map((x) => x.line)).toEqual([30, 31, 32]);
    expect(f[2]!.message).toBe('"行政复议2件" says 2; tried 行政复议总计: review.total 1 — none equals 2');
  });
});

describe('narrative-internal', () => {
  it('flags 均已办结 with cases carried forward', () => {
    const r = makeReport({
      applications: applications({ newReceived: 5, granted: 4, outcomeTotal: 4, carriedForward: 1 }),
      narrativeMentions: [mention({ id: 'allConcluded', value: true, text: '均已按期办结' })],
    });
    expect(run('narrative-internal', r)[0]!.messageZh).toBe('“均已按期办结”称均已办结，但表中结转下年度 1 件 > 0');
  });
  it('flags received ≠ concluded + carried forward, and a wrong percentage', () => {
    const r = makeReport({
      narrativeMentions: [
        mention({ id: 'applicationsReceived', value: 1484, includesCarriedOver: true }),
        mention({ id: 'applicationsConcluded', value: 1470 }),
        mention({ id: 'carriedForward', value: 11 }),
      ],
      textFlags: { templateLeftovers: [], periodYears: [], noFeeStatement: null, ratios: [{ line: 9, text: '共受理200件，予以公开150件，占80%', count: 150, base: 200, percent: 80 }] },
    });
    const f = run('narrative-internal', r);
    expect(f.map((x) => x.messageZh)).toEqual([
      '共收到（含上年结转）1484 ≠ 办结 1470 + 结转 11 = 1481',
      '150 ÷ 200 = 75.00% ≠ 文中所写 80%：“共受理200件，予以公开150件，占80%”',
    ]);
  });
  it('is silent on consistent prose', () => {
    const r = makeReport({
      narrativeMentions: [
        mention({ id: 'allConcluded', value: true }),
        mention({ id: 'applicationsReceived', value: 1484, includesCarriedOver: true }),
        mention({ id: 'applicationsConcluded', value: 1473 }),
        mention({ id: 'carriedForward', value: 11 }),
      ],
      applications: applications({ newReceived: 1484, granted: 1484, outcomeTotal: 1484 }),
      textFlags: { templateLeftovers: [], periodYears: [], noFeeStatement: null, ratios: [{ line: 9, text: '', count: 1, base: 3, percent: 33.3 }] },
    });
    expect(run('narrative-internal', r)).toEqual([]);
  });
});

describe('fee-notice-mismatch', () => {
  it('flags 逾期未缴费 > 0 with a statement that no fee arose', () => {
    const r = makeReport({
      applications: applications({ newReceived: 2, 'other.noFee': 1, granted: 1, outcomeTotal: 2 }),
      textFlags: { templateLeftovers: [], periodYears: [], noFeeStatement: { line: 70, text: '本年度未产生信息公开处理费。' }, ratios: [] },
    });
    const f = run('fee-notice-mismatch', r);
    expect(f[0]!.messageZh).toBe('表三“逾期未按收费通知要求缴纳费用”为 1 件（说明发出过收费通知），但正文称未收费：“本年度未产生信息公开处理费。”');
    expect(f[0]!.line).toBe(70);
  });
  it('is silent when no fee notice lapsed, or when the text only says no fee was collected', () => {
    expect(run('fee-notice-mismatch', makeReport({ textFlags: { templateLeftovers: [], periodYears: [], noFeeStatement: { line: 70, text: '未产生信息处理费' }, ratios: [] } }))).toEqual([]);
    // 未收取 is consistent with an applicant who never paid: not a contradiction.
    const r = makeReport({ applications: applications({ newReceived: 2, 'other.noFee': 1, granted: 1, outcomeTotal: 2 }) });
    expect(run('fee-notice-mismatch', r)).toEqual([]);
  });
});

describe('all-zero', () => {
  it('flags an all-zero table 3 against prose that speaks of applications, and the reverse', () => {
    const zero = makeReport({ applications: applications(), narrativeMentions: [mention({ id: 'applicationsReceived', value: 3, text: '共收到申请3件' })] });
    expect(run('all-zero', zero)[0]!.messageZh).toBe('表三全部为 0，但正文称 3 件：“共收到申请3件”');
    const reverse = makeReport({ narrativeMentions: [mention({ id: 'applicationsNew', value: 0, text: '未收到政府信息公开申请' })] });
    expect(run('all-zero', reverse)[0]!.messageZh).toBe('正文称未收到申请（“未收到政府信息公开申请”），但表三本年新收 4 件');
  });
  it('is silent when both agree', () => {
    expect(run('all-zero', makeReport({ applications: applications(), narrativeMentions: [mention({ id: 'applicationsNew', value: 0 })] }))).toEqual([]);
    expect(run('all-zero', makeReport({ narrativeMentions: [mention({ id: 'applicationsReceived', value: 4 })] }))).toEqual([]);
  });
});

describe('high-correction-rate', () => {
  it('flags a review correction rate above the threshold with enough cases', () => {
    const r = makeReport({ reviews: reviews({ 'review.upheld': 1, 'review.corrected': 3, 'review.total': 4 }) });
    const f = run('high-correction-rate', r);
    expect(f[0]!.messageZh).toBe('复议纠错率 = 纠正 3 ÷（维持 1 + 纠正 3 + 其他 0）= 75.0% > 50%');
  });
  it('combines both litigation groups and respects the minimum of decided cases', () => {
    const r = makeReport({ reviews: reviews({ 'litigationDirect.corrected': 1, 'litigationDirect.total': 1, 'litigationAfterReview.corrected': 1, 'litigationAfterReview.total': 1 }) });
    expect(run('high-correction-rate', r)).toEqual([]); // 2 decided < 3
    expect(run('high-correction-rate', r, { ...thresholds, minDecidedCases: 2 })[0]!.message).toContain('litigation correction rate = corrected 2 / (upheld 0 + corrected 2 + other 0) = 100.0% > 50%');
    expect(run('high-correction-rate', makeReport({ reviews: reviews({ 'review.upheld': 3, 'review.corrected': 1, 'review.total': 4 }) }))).toEqual([]);
  });
});
