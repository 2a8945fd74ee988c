import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchesQuery, parseQuery, pinyinOf, search } from '../../src/search/index.js';
import { CORPUS, fakeReport } from './reports.js';

const index = buildSearchIndex(CORPUS);
const found = (q: string) => search(index, q).map((r) => r.file);
const names = (q: string) => search(index, q).map((r) => `${r.jurisdiction}/${r.year}`);

describe('search: empty and year-only queries', () => {
  it('returns every report in the original order for an empty or blank query', () => {
    expect(found('')).toEqual(CORPUS.map((r) => r.file));
    expect(found('   ')).toEqual(CORPUS.map((r) => r.file));
    expect(found('\u3000')).toEqual(CORPUS.map((r) => r.file)); // an IME's full-width space
  });

  it('filters by a 4-digit year, keeping the original order', () => {
    expect(found('2021')).toEqual(['a/urumqi-2021.txt', 'd/xinjiang-2021.txt', 'e/beijing-2021.txt', 'i/karamay-2021.txt']);
  });

  it('filters by a year range', () => {
    expect(names('2019..2020')).toEqual(['西安市人民政府/2020', '吕梁市人民政府/2019']);
    expect(names('2020..2019')).toEqual(['西安市人民政府/2020', '吕梁市人民政府/2019']);
  });

  it('accepts several years as alternatives', () => {
    expect(names('2019 2024')).toEqual(['乌鲁木齐县人民政府/2024', '吕梁市人民政府/2019']);
  });

  it('never matches a report without a year when a year is asked for', () => {
    expect(found('2021')).not.toContain('h/unknown.txt');
  });
});

describe('search: Chinese text', () => {
  it('finds a body by part of its name', () => {
    expect(names('乌鲁木齐')).toEqual(['乌鲁木齐市人民政府/2021', '乌鲁木齐市人民政府/2022', '乌鲁木齐县人民政府/2024']);
  });

  it('finds Simplified names from Traditional input', () => {
    expect(names('新疆維吾爾')).toEqual(['新疆维吾尔自治区人民政府/2021']);
    expect(names('烏魯木齊縣')[0]).toBe('乌鲁木齐县人民政府/2024');
  });

  it('treats a multi-character IME commit as a longer query', () => {
    expect(names('克拉玛依')).toEqual(['克拉玛依市生态环境局/2021']);
    expect(names('克拉玛依市生态环境局')).toEqual(['克拉玛依市生态环境局/2021']);
  });

  it('ANDs space-separated terms', () => {
    expect(names('克拉玛依 生态')).toEqual(['克拉玛依市生态环境局/2021']);
    expect(names('乌鲁木齐 沙依巴克')).toEqual([]);
  });

  it('finds nothing for a name that is not there', () => {
    expect(found('上海')).toEqual([]);
  });
});

describe('search: pinyin', () => {
  it('matches initials', () => {
    expect(names('wlmq')).toEqual(['乌鲁木齐市人民政府/2021', '乌鲁木齐市人民政府/2022', '乌鲁木齐县人民政府/2024']);
    expect(names('bj')).toEqual(['北京市人民政府/2021']);
    expect(names('sybk')).toEqual(['沙依巴克区人民政府办公室/2023']);
  });

  it('matches full pinyin, case-insensitively, with a typo tolerated', () => {
    expect(names('wulumuqi')).toHaveLength(3);
    expect(names('WuLuMuQi')).toHaveLength(3);
    expect(names('shayibake')).toEqual(['沙依巴克区人民政府办公室/2023']);
    expect(names('shaybake')).toEqual(['沙依巴克区人民政府办公室/2023']);
  });

  it('writes ü as v', () => {
    expect(names('lvliang')).toEqual(['吕梁市人民政府/2019']);
  });

  it('combines pinyin with a year', () => {
    expect(names('wlmq 2021')).toEqual(['乌鲁木齐市人民政府/2021']);
    expect(names('2022 wulumuqi')).toEqual(['乌鲁木齐市人民政府/2022']);
  });

  it('takes full-width letters from an IME as ASCII', () => {
    expect(names('ｗｌｍｑ　２０２１')).toEqual(['乌鲁木齐市人民政府/2021']);
  });

  it('does not let short terms match loosely', () => {
    expect(found('zzz')).toEqual([]);
    expect(found('lml')).toEqual([]);
  });

  it('ranks the closest match first', () => {
    expect(names('xian')[0]).toBe('西安市人民政府/2020');
    expect(names('wlmqx')[0]).toBe('乌鲁木齐县人民政府/2024');
  });

  it('computes pinyin once per distinct name', () => {
    expect(pinyinOf('乌鲁木齐县')).toEqual({ full: 'wulumuqixian', initials: 'wlmqx' });
    expect(pinyinOf('乌鲁木齐县')).toBe(pinyinOf('乌鲁木齐县'));
    expect(pinyinOf('abc')).toEqual({ full: '', initials: '' });
  });
});

describe('search: fzf extended syntax', () => {
  it("'exact matches a substring only", () => {
    expect(names("'xian")).toEqual(['西安市人民政府/2020', '乌鲁木齐县人民政府/2024']);
  });

  it('^prefix anchors at the start of a field', () => {
    expect(names('^乌')).toHaveLength(3);
    expect(names('^人民')).toEqual([]);
    expect(names('^wlmq')).toHaveLength(3);
  });

  it('suffix$ anchors at the end of a field', () => {
    expect(names('办公室$')).toEqual(['沙依巴克区人民政府办公室/2023']);
    expect(names('环境局$')).toEqual(['克拉玛依市生态环境局/2021']);
  });

  it('=whole matches a whole field', () => {
    expect(names('=乌鲁木齐县')).toEqual(['乌鲁木齐县人民政府/2024']);
  });

  it('!not excludes reports with the term in any field, Chinese or pinyin', () => {
    expect(names('乌鲁木齐 !县')).toEqual(['乌鲁木齐市人民政府/2021', '乌鲁木齐市人民政府/2022']);
    expect(names('wlmq !县')).toEqual(['乌鲁木齐市人民政府/2021', '乌鲁木齐市人民政府/2022']);
    expect(names('wlmq !xian')).toEqual(['乌鲁木齐市人民政府/2021', '乌鲁木齐市人民政府/2022']);
    expect(names('wlmq !^乌鲁木齐县')).toEqual(['乌鲁木齐市人民政府/2021', '乌鲁木齐市人民政府/2022']);
  });

  it('a query of only negations keeps the original order', () => {
    expect(found('!政府')).toEqual(['h/unknown.txt', 'i/karamay-2021.txt']);
  });

  it('| gives alternatives', () => {
    expect(names('sybk | bj').sort()).toEqual(['北京市人民政府/2021', '沙依巴克区人民政府办公室/2023']);
  });

  it('ignores a lone operator typed half-way', () => {
    expect(found('!')).toEqual(CORPUS.map((r) => r.file));
    expect(found("'")).toEqual(CORPUS.map((r) => r.file));
    expect(names('bj ^')).toEqual(['北京市人民政府/2021']);
    // `$` is typed last, so it is most often alone for a moment: it must not match nothing.
    expect(found('$')).toEqual(CORPUS.map((r) => r.file));
    expect(found('!$')).toEqual(CORPUS.map((r) => r.file));
    expect(names('bj $')).toEqual(['北京市人民政府/2021']);
  });
});

describe('search: other fields and purity', () => {
  it('finds reports without a recognised name by their file name', () => {
    expect(found('unknown')).toEqual(['h/unknown.txt']);
  });

  it('does not change the reports or the index', () => {
    const before = JSON.stringify(CORPUS);
    search(index, 'wlmq 2021');
    search(index, '!县');
    expect(JSON.stringify(CORPUS)).toBe(before);
    expect(found('wlmq 2021')).toEqual(found('wlmq 2021'));
  });

  it('matchesQuery agrees with search on one report', () => {
    for (const q of ['wlmq', '新疆維吾爾', 'wlmq !县', '2021', 'sybk | bj', '']) {
      const parsed = parseQuery(q);
      const one = CORPUS.filter((r) => matchesQuery(r, parsed)).map((r) => r.file).sort();
      expect(one).toEqual(found(q).sort());
    }
  });

  it('handles an empty corpus', () => {
    expect(search(buildSearchIndex([]), 'wlmq')).toEqual([]);
    expect(search(buildSearchIndex([]), '')).toEqual([]);
  });

  it('searches ten thousand reports', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => fakeReport(`r${i}.txt`, CORPUS[i % 8]!.jurisdiction, 2015 + (i % 10)));
    const big = buildSearchIndex(many);
    const hits = search(big, 'wlmq 2021');
    expect(hits.length).toBe(many.filter((r) => r.jurisdiction?.startsWith('乌鲁木齐') && r.year === 2021).length);
  });
});

describe('parseQuery', () => {
  it('separates years, positive groups and exclusions', () => {
    const q = parseQuery("wlmq 2021 'abc | ^x !y z$");
    expect(q.years).toEqual([{ from: 2021, to: 2021 }]);
    expect(q.groups.map((g) => g.map((t) => `${t.kind}:${t.text}`))).toEqual([['fuzzy:wlmq'], ['include:abc', 'prefix:x'], ['suffix:z']]);
    expect(q.exclude.map((t) => `${t.kind}:${t.text}`)).toEqual(['include:y']);
  });

  it('does not take 5-digit numbers or implausible years as years', () => {
    expect(parseQuery('12345').years).toEqual([]);
    expect(parseQuery('1234').years).toEqual([]);
  });
});
