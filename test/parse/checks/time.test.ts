import { describe, expect, it } from 'vitest';
import { makeReport, mention, thresholds } from './factory.js';
import { run } from './helpers.js';

describe('late-publication', () => {
  it('gives a 本级政府 report until 31 March', () => {
    const county = makeReport({ year: 2024, bodyType: 'government', publishedAt: null, signedAt: '2025-02-25' });
    expect(run('late-publication', county)).toEqual([]);
    const late = run('late-publication', { ...county, signedAt: '2025-04-02' });
    expect(late[0]!.messageZh).toBe('落款日期（无发布日期） 2025-04-02 晚于期限 2025-03-31——条例第四十九条：本级政府 2024 年度报告应于 2025-03-31 前公布');
    expect(late[0]!.cells).toEqual(['signedAt']);
  });
  it('gives a department until 31 January: the same date is late for a department', () => {
    const dept = makeReport({ year: 2024, bodyType: 'department', publishedAt: null, signedAt: '2025-02-25' });
    const f = run('late-publication', dept);
    expect(f[0]!.message).toBe("signed (no publication date) 2025-02-25 > deadline 2025-01-31 — 条例 第四十九条: a department's report for 2024 by 2025-01-31");
  });
  it('applies 31 March to every body before 2019 and prefers publishedAt', () => {
    const old = makeReport({ year: 2017, format: 'legacy', bodyType: 'department', publishedAt: '2018-01-02', signedAt: '2018-05-01' });
    expect(run('late-publication', old)).toEqual([]);
    const f = run('late-publication', { ...old, publishedAt: '2018-04-01' });
    expect(f[0]!.messageZh).toContain('原条例第三十一条');
    expect(f[0]!.cells).toEqual(['publishedAt']);
  });
  it('skips townships and follows the deadline settings', () => {
    expect(run('late-publication', makeReport({ bodyType: 'township', publishedAt: '2024-12-01' }))).toEqual([]);
    const dept = makeReport({ bodyType: 'department', publishedAt: '2024-02-10' });
    expect(run('late-publication', dept)).toHaveLength(1);
    expect(run('late-publication', dept, { ...thresholds, deadlineDepartment: '02-15' })).toEqual([]);
  });
});

describe('no-publication-date', () => {
  it('flags a report with neither date', () => {
    expect(run('no-publication-date', makeReport({ publishedAt: null, signedAt: null }))[0]!.cells).toEqual(['publishedAt', 'signedAt']);
    expect(run('no-publication-date', makeReport())).toEqual([]);
  });
});

describe('year-mismatch', () => {
  it('flags a title, a statistics period and a sentence of another year', () => {
    const r = makeReport({
      year: 2023,
      title: '乌鲁木齐县2022年政府信息公开工作年度报告',
      textFlags: { templateLeftovers: [], periodYears: [{ year: 2022, line: 3, text: '2022年1月1日至2022年12月31日' }], noFeeStatement: null, ratios: [] },
      narrativeMentions: [mention({ id: 'applicationsReceived', value: 4, year: 2022, text: '2022年共收到申请4件' })],
    });
    const f = run('year-mismatch', r);
    expect(f.map((x) => x.messageZh)).toEqual([
      '标题年份 2022 ≠ 报告年度 2023',
      '统计期限为 2022 年 ≠ 报告年度 2023：“2022年1月1日至2022年12月31日”',
      '2023 年度报告把本年数字写在 2022 年名下：“2022年共收到申请4件”',
    ]);
  });
  it('is silent when the years agree', () => {
    const r = makeReport({ narrativeMentions: [mention({ id: 'applicationsReceived', value: 4, year: 2023 })] });
    expect(run('year-mismatch', r)).toEqual([]);
  });
});
