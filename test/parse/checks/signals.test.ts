import { describe, expect, it } from 'vitest';
import { computeTextFlags } from '../../../src/parse/checks/text-signals.js';
import { SIGNATURE_SIZE, signature, similarity } from '../../../src/parse/checks/similarity.js';
import { normalize } from '../../../src/parse/stages/normalize.js';

describe('similarity', () => {
  const text = '2023年我县政务公开工作平稳运行，但仍存在信息更新不及时、政策解读形式单一等问题，下一步将加强培训、完善制度、提升质量。';
  it('is deterministic and of fixed size', () => {
    expect(signature(text)).toEqual(signature(text));
    expect(signature(text)).toHaveLength(SIGNATURE_SIZE);
    expect(signature('短')).toEqual([]);
  });
  it('scores a copy high, ignores layout, and scores different text low', () => {
    expect(similarity(signature(text), signature(text.replace(/，/g, ', ')))).toBe(1);
    expect(similarity(signature(text), signature(text.replace('2023', '2024')))).toBeGreaterThanOrEqual(0.8);
    expect(similarity(signature(text), signature('本机关严格落实信息发布审核制度，依法依规做好依申请公开答复，未发生行政复议案件。'))).toBeLessThan(0.3);
    expect(similarity(undefined, signature(text))).toBeNull();
  });
});

describe('computeTextFlags', () => {
  const flags = (text: string) => {
    const doc = normalize(text);
    return computeTextFlags({ lines: doc.lines, original: doc.original });
  };
  it('finds template placeholders, including a number left out', () => {
    const f = flags('一、总体情况\n（文字描述）\n本年主动公开政府信息  条。\n主动公开政府信息1882条。\nXX局');
    expect(f.templateLeftovers.map((t) => t.line)).toEqual([2, 3, 5]);
  });
  it('reads the statistics period, a no-fee statement and a stated ratio', () => {
    const f = flags('各项数据统计期限为 2024 年 1 月 1 日至 2024 年 12 月 31 日。\n本年度未产生信息公开处理费。\n全年共受理申请200件，其中予以公开150件，占75%。');
    expect(f.periodYears.map((p) => p.year)).toEqual([2024]);
    expect(f.noFeeStatement).toEqual({ line: 2, text: '本年度未产生信息公开处理费。' });
    expect(f.ratios).toEqual([{ line: 3, text: '全年共受理申请200件,其中予以公开150件,占75%', count: 150, base: 200, percent: 75 }]);
  });
  it('finds nothing in clean text', () => {
    const f = flags('2024年共收到申请4件，均已办结。\n本机关未收取信息处理费。');
    expect(f).toEqual({ templateLeftovers: [], periodYears: [], noFeeStatement: null, ratios: [] });
  });
});

describe('signSections', () => {
  it('signs sections 一 and 五 from their body lines only', async () => {
    const { signSections } = await import('../../../src/parse/checks/similarity.js');
    const lines = ['一、总体情况', '今年我县政务公开工作稳步推进，成效明显。', '二、主动公开', '主动公开信息100条。', '五、存在的主要问题', '问题是信息更新不够及时。'];
    const secs = [
      { key: 'overview', line: 1, endLine: 2 },
      { key: 'active', line: 3, endLine: 4 },
      { key: 'problems', line: 5, endLine: 6 },
    ] as Array<{ key: string; line: number; endLine: number; signature?: number[] }>;
    signSections(lines, secs);
    expect(secs[0]!.signature).toEqual(signature(lines[1]!));
    expect(secs[1]!.signature).toBeUndefined();
    expect(secs[2]!.signature).toEqual(signature(lines[5]!));
  });
});
