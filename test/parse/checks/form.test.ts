import { describe, expect, it } from 'vitest';
import { makeReport, mention, sections, thresholds } from './factory.js';
import { run } from './helpers.js';

describe('missing-table', () => {
  it('flags each absent or empty table of a 2021-format report', () => {
    const r = makeReport({ applications: null, reviews: null, active: { regulations: { issued: null, repealed: null, current: null } } });
    const f = run('missing-table', r);
    expect(f.map((x) => x.cells[0])).toEqual(['active', 'applications', 'reviews']);
    expect(f[0]!.messageZh).toBe('2021 格式报告：表二 主动公开政府信息情况没有任何数字');
    expect(f[1]!.messageZh).toBe('2021 格式报告：表三 收到和处理政府信息公开申请情况缺失');
  });
  it('is silent on complete reports and on legacy reports', () => {
    expect(run('missing-table', makeReport())).toEqual([]);
    expect(run('missing-table', makeReport({ format: 'legacy', year: 2017, applications: null, reviews: null, active: null }))).toEqual([]);
  });
});

describe('missing-section', () => {
  it('names the absent statutory section', () => {
    const r = makeReport({ sections: sections().filter((s) => s.key !== 'problems') });
    const f = run('missing-section', r);
    expect(f).toHaveLength(1);
    expect(f[0]!.messageZh).toBe('缺少第五部分“存在的主要问题及改进情况”');
    expect(f[0]!.cells).toEqual(['sections.problems']);
  });
  it('checks legacy headings against the old 条例 第三十二条 items', () => {
    const legacy = (titles: string[]) =>
      makeReport({ format: 'legacy', year: 2017, narrativeMentions: [], sections: titles.map((title, i) => ({ key: 'legacy' as const, ordinal: i + 1, title, line: i * 10 + 1, endLine: i * 10 + 9, firstLine: '', length: 50 })) });
    const f = run('missing-section', legacy(['概述', '主动公开政府信息情况', '依申请公开情况', '存在的问题及改进措施']));
    expect(f.map((x) => x.messageZh)).toEqual([
      '旧格式报告：未见“收费及减免情况”（既无标题也无相应数字，原条例第三十二条）',
      '旧格式报告：未见“行政复议和行政诉讼情况”（既无标题也无相应数字，原条例第三十二条）',
    ]);
    expect(run('missing-section', legacy(['主动公开', '依申请公开', '收费及减免', '行政复议和行政诉讼', '存在的主要问题']))).toEqual([]);
    // A figure in the prose reports the item as well as a heading does.
    const byProse = legacy(['概述', '主动公开政府信息情况', '依申请公开情况', '存在的问题及改进措施']);
    byProse.narrativeMentions = [mention({ id: 'feesCharged', value: false }), mention({ id: 'reviews', value: 0 })];
    expect(run('missing-section', byProse)).toEqual([]);
  });
  it('is silent when all six are there', () => {
    expect(run('missing-section', makeReport())).toEqual([]);
  });
});

describe('section-misnumbered', () => {
  it('reports a block shifted by one as one finding', () => {
    const shifted = sections().map((s, i) => (i >= 3 ? { ...s, ordinal: i + 2 } : s));
    const f = run('section-misnumbered', makeReport({ sections: shifted }));
    expect(f).toHaveLength(1);
    expect(f[0]!.messageZh).toContain('3 个法定部分的序号整体错位 +1');
  });
  it('reports a single wrong ordinal and restarted numbering', () => {
    const wrong = sections({ reviews: { ordinal: 2 } });
    const f = run('section-misnumbered', makeReport({ sections: wrong }));
    expect(f.map((x) => x.messageZh)).toEqual(['“政府信息公开行政复议、行政诉讼情况”编为第二部分，应为第四部分', '一级序号在第 40 行重新开始：三 之后是 二']);
  });
  it('is silent on correct numbering and on legacy reports', () => {
    expect(run('section-misnumbered', makeReport())).toEqual([]);
    const shifted = sections().map((s, i) => (i >= 3 ? { ...s, ordinal: i + 2 } : s));
    expect(run('section-misnumbered', makeReport({ format: 'legacy', year: 2017, sections: shifted }))).toEqual([]);
  });
});

describe('section5-empty', () => {
  it('flags "无" and short text', () => {
    const none = run('section5-empty', makeReport({ sections: sections({ problems: { firstLine: '无。', length: 1 } }) }));
    expect(none[0]!.messageZh).toBe('第五部分“存在的主要问题及改进情况”只写“无。”');
    const short = run('section5-empty', makeReport({ sections: sections({ problems: { firstLine: '有待加强。', length: 5 } }) }));
    expect(short[0]!.messageZh).toBe('第五部分“存在的主要问题及改进情况”仅 5 字（少于 10 字）');
  });
  it('follows the threshold', () => {
    const r = makeReport({ sections: sections({ problems: { firstLine: '有待加强。', length: 5 } }) });
    expect(run('section5-empty', r, { ...thresholds, section5MinChars: 5 })).toEqual([]);
    expect(run('section5-empty', makeReport())).toEqual([]);
  });
});

describe('fee-statement-missing', () => {
  it('flags a report that says nothing about 信息处理费', () => {
    const f = run('fee-statement-missing', makeReport({ narrativeMentions: [] }));
    expect(f[0]!.messageZh).toBe('报告未说明是否收取信息处理费');
    expect(f[0]!.line).toBe(60);
  });
  it('is silent when the fee is mentioned', () => {
    expect(run('fee-statement-missing', makeReport())).toEqual([]);
  });
});

describe('outdated-format and legacy-format', () => {
  it('flags a 2022 report in the 2019 format', () => {
    const f = run('outdated-format', makeReport({ year: 2022, format: '2019', formatEvidence: { labels2019: true, labels2021: false, otherHasSubRows: false, cited: '2019' } }));
    expect(f[0]!.messageZh).toBe('2022 年度报告使用 2019 年格式（应使用国办公开办函〔2021〕30号格式），并引用国办公开办函〔2019〕60号');
    expect(run('outdated-format', makeReport({ year: 2020, format: '2019' }))).toEqual([]);
    expect(run('outdated-format', makeReport())).toEqual([]);
  });
  it('marks legacy reports only', () => {
    expect(run('legacy-format', makeReport({ format: 'legacy', year: 2017 }))[0]!.messageZh).toBe('2017 年度旧格式报告：没有统一表格，仅核对文字中的数字');
    expect(run('legacy-format', makeReport())).toEqual([]);
  });
});

describe('mixed-format', () => {
  it('flags 2019 labels next to 2021 sub-rows', () => {
    const f = run('mixed-format', makeReport({ formatEvidence: { labels2019: true, labels2021: false, otherHasSubRows: true, cited: null } }));
    expect(f[0]!.messageZh).toBe('2019 年格式（2019 年格式的表二栏目）与 2021 年格式（（六）其他处理分三项）混用');
  });
  it('is silent on a consistent report', () => {
    expect(run('mixed-format', makeReport())).toEqual([]);
  });
});

describe('template-leftover', () => {
  it('reports each placeholder line', () => {
    const r = makeReport({ textFlags: { templateLeftovers: [{ line: 12, text: '主动公开政府信息  条。（文字描述）' }], periodYears: [], noFeeStatement: null, ratios: [] } });
    const f = run('template-leftover', r);
    expect(f[0]!.messageZh).toBe('第 12 行残留模板内容：“主动公开政府信息  条。（文字描述）”');
    expect(f[0]!.line).toBe(12);
  });
  it('is silent without placeholders', () => {
    expect(run('template-leftover', makeReport())).toEqual([]);
  });
});
