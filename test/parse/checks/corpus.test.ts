import { describe, expect, it } from 'vitest';
import { applications, makeReport, sections } from './factory.js';
import { run, runCorpus } from './helpers.js';
import { signature } from '../../../src/parse/checks/similarity.js';
import type { Report } from '../../../src/parse/model.js';

const year = (y: number, extra: Partial<Report> = {}) => makeReport({ year: y, file: `county/${y}.txt`, ...extra });

describe('carryover-break', () => {
  it("flags this year's 上年结转 that is not last year's 结转下年度", () => {
    const a = year(2022, { applications: applications({ newReceived: 5, granted: 3, outcomeTotal: 3, carriedForward: 2 }) });
    const b = year(2023, { applications: applications({ newReceived: 4, carriedOver: 1, granted: 5, outcomeTotal: 5 }) });
    const f = runCorpus('carryover-break', [b, a]);
    expect(f).toHaveLength(1);
    expect(f[0]!.report).toBe(b);
    expect(f[0]!.messageZh).toBe('2023 年上年结转（自然人） 1 ≠ 2022 年结转下年度（自然人） 2；2023 年上年结转 1 ≠ 2022 年结转下年度 2（county/2022.txt）');
    expect(f[0]!.related).toEqual(['county/2022.txt']);
  });
  it('is silent when the chain holds or the years are not consecutive', () => {
    const a = year(2022, { applications: applications({ newReceived: 5, granted: 3, outcomeTotal: 3, carriedForward: 2 }) });
    const b = year(2023, { applications: applications({ newReceived: 4, carriedOver: 2, granted: 6, outcomeTotal: 6 }) });
    expect(runCorpus('carryover-break', [a, b])).toEqual([]);
    expect(runCorpus('carryover-break', [a, year(2024)])).toEqual([]);
    // Another body's report does not chain.
    expect(runCorpus('carryover-break', [a, year(2023, { jurisdictionKey: '米东区' })])).toEqual([]);
  });
});

describe('stock-break', () => {
  it('flags a 2021-format stock that does not carry over', () => {
    const a = year(2022, { active: { normativeDocuments: { issued: 3, repealed: 0, current: 10 } } });
    const b = year(2023, { active: { normativeDocuments: { issued: 2, repealed: 1, current: 12 } } });
    const f = runCorpus('stock-break', [a, b]);
    expect(f[0]!.messageZh).toBe('行政规范性文件：2022 年现行有效 10 + 本年制发 2 − 本年废止 1 = 11 ≠ 2023 年现行有效 12');
  });
  it('flags a 2019-format item count that does not carry over', () => {
    const a = year(2019, { format: '2019', active: { licensing: { prevCount: 100, delta: -5, decisions: 9 } } });
    const b = year(2020, { format: '2019', active: { licensing: { prevCount: 90, delta: 0, decisions: 9 } } });
    expect(runCorpus('stock-break', [a, b])[0]!.messageZh).toBe('行政许可：2019 年上一年项目数量 100 + 本年增/减 -5 = 95 ≠ 2020 年上一年项目数量 90');
    expect(runCorpus('stock-break', [a, { ...b, active: { licensing: { prevCount: 95, delta: 0, decisions: 9 } } }])).toEqual([]);
  });
  it('is silent when the stock carries over', () => {
    const a = year(2022, { active: { normativeDocuments: { issued: 3, repealed: 0, current: 10 } } });
    const b = year(2023, { active: { normativeDocuments: { issued: 2, repealed: 1, current: 11 } } });
    expect(runCorpus('stock-break', [a, b])).toEqual([]);
  });
});

describe('stock-below-flow', () => {
  it('flags fewer documents in force than issued', () => {
    const f = run('stock-below-flow', makeReport({ active: { normativeDocuments: { issued: 1, repealed: 0, current: 0 } } }));
    expect(f[0]!.messageZh).toBe('行政规范性文件：现行有效件数 0 < 本年制发件数 1');
    expect(f[0]!.cells).toEqual(['active.normativeDocuments.issued', 'active.normativeDocuments.current']);
  });
  it('is silent when the stock holds the new ones', () => {
    expect(run('stock-below-flow', makeReport())).toEqual([]);
  });
});

describe('duplicate-report and republished-different', () => {
  it('tells identical copies from differing ones', () => {
    const a = year(2023, { file: 'a/2023.txt' });
    const same = year(2023, { file: 'b/2023.txt' });
    const dup = runCorpus('duplicate-report', [a, same]);
    expect(dup.map((f) => f.related)).toEqual([['b/2023.txt'], ['a/2023.txt']]);
    expect(runCorpus('republished-different', [a, same])).toEqual([]);
    const differs = year(2023, { file: 'c/2023.txt', applications: applications({ newReceived: 5, granted: 5, outcomeTotal: 5 }) });
    const f = runCorpus('republished-different', [a, differs]);
    expect(f[0]!.messageZh).toBe('乌鲁木齐县人民政府 2023 年度报告与 c/2023.txt 数字不同：applications.newReceived.naturalPerson 4 vs 5；applications.newReceived.total 4 vs 5；applications.granted.naturalPerson 4 vs 5；applications.granted.total 4 vs 5 … (+2)');
    expect(runCorpus('duplicate-report', [a, differs])).toEqual([]);
  });
  it('gives one finding per copy, naming the others, when a folder holds many copies', () => {
    const copies = Array.from({ length: 300 }, (_, i) => year(2023, { file: `copy-${String(i).padStart(3, '0')}.txt` }));
    const found = runCorpus('duplicate-report', copies);
    expect(found).toHaveLength(300);
    expect(found[0]!.related).toHaveLength(299);
    expect(found[0]!.messageZh).toContain('copy-001.txt, copy-002.txt, copy-003.txt (+296)');
  });
  it('is silent on distinct years', () => {
    expect(runCorpus('duplicate-report', [year(2022), year(2023)])).toEqual([]);
    expect(runCorpus('republished-different', [year(2022), year(2023)])).toEqual([]);
  });
});

describe('copy-of-last-year', () => {
  const text2022 = '2022年，我县政务公开工作取得一定成效，但仍存在信息更新不及时、政策解读形式单一、互动交流不足等问题。下一步将加强培训，完善制度，提升质量。';
  const withProblems = (y: number, text: string) => year(y, { sections: sections({ problems: { signature: signature(text) } }) });
  it('flags section 五 copied from last year with only the year changed', () => {
    const f = runCorpus('copy-of-last-year', [withProblems(2022, text2022), withProblems(2023, text2022.replace('2022', '2023'))]);
    expect(f).toHaveLength(1);
    expect(f[0]!.messageZh).toMatch(/^第五部分“存在的主要问题及改进情况”与 2022 年度报告（county\/2022.txt）相似度 \d+%（≥ 90%），疑似内容雷同$/);
  });
  it('is silent on rewritten text', () => {
    const other = '本年度依申请公开办理质量仍需提高，个别部门答复规范性不足。明年将开展专项检查并建立案例库，推动答复文书标准化。';
    expect(runCorpus('copy-of-last-year', [withProblems(2022, text2022), withProblems(2023, other)])).toEqual([]);
  });
});

describe('hierarchy-sum', () => {
  const gov = (name: string, code: string, n: number) =>
    makeReport({ file: `${name}.txt`, jurisdiction: `${name}人民政府`, jurisdictionKey: name, divisionCode: code, applications: applications({ newReceived: n, granted: n, outcomeTotal: n }) });
  const children = [
    ['天山区', '650102'], ['沙依巴克区', '650103'], ['新市区', '650104'], ['水磨沟区', '650105'],
    ['头屯河区', '650106'], ['达坂城区', '650107'], ['米东区', '650109'], ['乌鲁木齐县', '650121'],
  ] as const;
  it('compares a parent with the sum of all its children', () => {
    const kids = children.map(([name, code]) => gov(name, code, 10));
    const f = runCorpus('hierarchy-sum', [gov('乌鲁木齐市', '650100', 70), ...kids]);
    expect(f).toHaveLength(2);
    expect(f[0]!.messageZh).toMatch(/^本年新收总计 70，下级 8 个政府合计 天山区人民政府 10 \+ .* = 80$/);
    expect(f[0]!.related).toHaveLength(8);
  });
  it('says nothing when a child is missing or the sums agree', () => {
    const kids = children.map(([name, code]) => gov(name, code, 10));
    expect(runCorpus('hierarchy-sum', [gov('乌鲁木齐市', '650100', 70), ...kids.slice(1)])).toEqual([]);
    expect(runCorpus('hierarchy-sum', [gov('乌鲁木齐市', '650100', 80), ...kids])).toEqual([]);
  });
});

describe('missing-year', () => {
  it('names the missing years', () => {
    const f = runCorpus('missing-year', [year(2020), year(2023)]);
    expect(f[0]!.messageZh).toBe('乌鲁木齐县人民政府：2020 与 2023 之间缺少 2021、2022 年度报告');
    expect(runCorpus('missing-year', [year(2022), year(2023)])).toEqual([]);
  });
});
