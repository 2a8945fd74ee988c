import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractMetadata, findCitedFormat, jurisdictionFromTitle, parseDate, parseDateOnly } from '../../src/parse/stages/metadata.js';
import { normalize } from '../../src/parse/stages/normalize.js';
import { segment } from '../../src/parse/stages/segment.js';

const SEEDS: Record<string, string> = {
  '000': '000_81e12db4ab5ce8f0.txt',
  '001': '001_3c37fa3851a0a726.txt',
  '002': '002_8d388e7911cc997b.txt',
  '003': '003_9f2672fdddbd3341.txt',
  '004': '004_7155ca732c79b54b.txt',
};

function metaOf(text: string, file = 'report.txt') {
  const doc = normalize(text);
  return extractMetadata(doc, segment(doc).sections, file);
}

function seedMeta(id: string) {
  const file = SEEDS[id]!;
  return metaOf(readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8'), file);
}

describe('metadata of the seeds', () => {
  it('000: a title split over two lines', () => {
    const m = seedMeta('000');
    expect(m.title).toBe('乌鲁木齐市人民政府2021年政府信息公开工作年度报告');
    expect([m.jurisdiction, m.jurisdictionKey, m.level, m.bodyType, m.year]).toEqual([
      '乌鲁木齐市人民政府',
      '乌鲁木齐市',
      'prefecture',
      'government',
      2021,
    ]);
    expect(m.citedFormat).toBe('2021');
    expect(m.publishedAt).toBeNull();
  });
  it('001: Traditional, no title — the body from the overview sentence', () => {
    const m = seedMeta('001');
    expect(m.title).toBeNull();
    expect([m.jurisdiction, m.jurisdictionKey, m.level, m.bodyType, m.year]).toEqual([
      '新疆维吾尔自治区',
      '新疆维吾尔自治区',
      'province',
      'government',
      2021,
    ]);
    expect(m.jurisdictionSource).toBe('overview');
  });
  it('002: no title, a department', () => {
    const m = seedMeta('002');
    expect([m.jurisdiction, m.jurisdictionKey, m.level, m.bodyType, m.year]).toEqual([
      '沙依巴克区人民政府办公室',
      '沙依巴克区人民政府办公室',
      'department',
      'department',
      2023,
    ]);
  });
  it('003: portal header, repeated title, publication date', () => {
    const m = seedMeta('003');
    expect(m.title).toBe('乌鲁木齐市人民政府机关2017年政府信息公开年度报告');
    expect([m.jurisdiction, m.jurisdictionKey, m.level, m.bodyType, m.year]).toEqual([
      '乌鲁木齐市人民政府机关',
      '乌鲁木齐市',
      'prefecture',
      'government',
      2017,
    ]);
    expect(m.publishedAt).toBe('2018-01-02');
    expect(m.citedFormat).toBeNull();
  });
  it('004: the title names the county even though its office signs', () => {
    const m = seedMeta('004');
    expect(m.title).toBe('乌鲁木齐县2024年政府信息公开年度报告');
    expect([m.jurisdiction, m.jurisdictionKey, m.level, m.bodyType, m.year]).toEqual([
      '乌鲁木齐县',
      '乌鲁木齐县',
      'county',
      'government',
      2024,
    ]);
    expect(m.signedAt).toBe('2025-02-25');
    expect(m.signedBy).toBe('乌鲁木齐县人民政府办公室');
    expect(m.yearSources).toEqual({ title: 2024, period: 2024, overview: 2024 });
  });
});

describe('metadata on variants', () => {
  it('reads a full-width Traditional title with the year first', () => {
    const m = metaOf('２０２２年烏魯木齊市人民政府政府信息公開工作年度報告\n一、總體情況\n正文');
    expect(m.title).toBe('2022年乌鲁木齐市人民政府政府信息公开工作年度报告');
    expect(m.jurisdiction).toBe('乌鲁木齐市人民政府');
    expect(m.year).toBe(2022);
  });
  it('skips portal breadcrumbs and takes the title after them', () => {
    const m = metaOf('首页 > 政务公开 > 年度报告\n某某市交通运输局2020年政府信息公开工作年度报告\n发布日期：2021年1月28日');
    expect(m.jurisdiction).toBe('某某市交通运输局');
    expect([m.level, m.bodyType]).toEqual(['department', 'department']);
    expect(m.publishedAt).toBe('2021-01-28');
  });
  it('falls back to the signature block and reads Chinese-numeral dates', () => {
    const m = metaOf('一、总体情况\n我局坚持公开。\n六、其他需要报告的事项\n无。\n\n某某市生态环境局\n二〇二五年一月二十日\n');
    expect(m.jurisdiction).toBe('某某市生态环境局');
    expect(m.jurisdictionSource).toBe('signature');
    expect(m.signedAt).toBe('2025-01-20');
    expect(m.year).toBeNull();
    expect(m.diagnostics.map((d) => d.code)).toEqual(['no-year']);
  });
  it('falls back to the file name', () => {
    const m = metaOf('正文没有主体。', 'reports/某某镇2019年政府信息公开工作年度报告.txt');
    expect(m.jurisdiction).toBe('某某镇');
    expect(m.bodyType).toBe('township');
    expect(m.year).toBeNull();
  });
  it('takes the year from the statistics period before the overview, never from the publication date', () => {
    const m = metaOf('发布时间:2024-03-01\n各项数据统计期限为2023年1月1日至2023年12月31日。\n一、总体情况\n2022年以来,我县…');
    expect(m.year).toBe(2023);
    expect(m.yearSources).toEqual({ title: null, period: 2023, overview: 2022 });
    expect(m.publishedAt).toBe('2024-03-01');
  });
  it('reports a missing jurisdiction', () => {
    const m = metaOf('', '000_81e12db4ab5ce8f0.txt');
    expect(m.jurisdiction).toBeNull();
    expect(m.jurisdictionKey).toBeNull();
    expect(m.level).toBe('unknown');
    expect(m.diagnostics.map((d) => d.code)).toContain('no-jurisdiction');
  });
});

describe('metadata helpers', () => {
  it('reads the body from a title', () => {
    expect(jurisdictionFromTitle('乌鲁木齐市人民政府2021年政府信息公开工作年度报告')).toBe('乌鲁木齐市人民政府');
    expect(jurisdictionFromTitle('某某县人民政府信息公开工作年度报告')).toBe('某某县人民政府');
    expect(jurisdictionFromTitle('某某市财政局关于2021年度政府信息公开工作的年度报告')).toBe('某某市财政局');
    expect(jurisdictionFromTitle('2021年政府信息公开工作年度报告')).toBeNull();
  });
  it('parses dates in several forms', () => {
    expect(parseDate('2018-01-02 浏览次数')?.iso).toBe('2018-01-02');
    expect(parseDate('2018年1月2日')?.iso).toBe('2018-01-02');
    expect(parseDate('2018/1/2')?.iso).toBe('2018-01-02');
    expect(parseDateOnly('二〇二五年二月二十五日')).toBe('2025-02-25');
    expect(parseDateOnly('二○二一年十二月三十一日')).toBe('2021-12-31');
    expect(parseDateOnly('2025年2月25日发布')).toBeNull();
    expect(parseDate('2025年13月1日')).toBeNull();
  });
  it('recognises the cited format whatever the brackets', () => {
    for (const cite of ['〔2019〕60号', '[2019]60号', '(2019)60号', '﹝2019﹞60号', '【2019】60号']) {
      expect(findCitedFormat([`国办公开办函${cite}`])).toBe('2019');
    }
    expect(findCitedFormat(['国办公开办函〔2021〕30号'])).toBe('2021');
    expect(findCitedFormat(['国办函〔2020〕109号'])).toBeNull();
  });
});

describe('metadata: realistic titles and signatures', () => {
  it('reads a title a portal wraps in 《》', () => {
    const m = metaOf('首页 > 政务公开\n\n《河南省2022年政府信息公开工作年度报告》\n\n发布时间：2023年3月28日\n');
    expect(m.title).toBe('河南省2022年政府信息公开工作年度报告');
    expect(m.jurisdiction).toBe('河南省');
    expect(m.year).toBe(2022);
    expect(m.publishedAt).toBe('2023-03-28');
  });
  it('reads a 关于…工作情况的报告 title', () => {
    const m = metaOf('北京市海淀区人民政府关于2022年度政府信息公开工作情况的报告\n正文。\n');
    expect(m.title).toBe('北京市海淀区人民政府关于2022年度政府信息公开工作情况的报告');
    expect(m.jurisdiction).toBe('北京市海淀区人民政府');
    expect(m.level).toBe('district');
  });
  it('takes the body from a signature with the date on the same line when the title names none', () => {
    const m = metaOf('2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局坚持公开为常态。\n平阳县水利局　2023年1月18日\n');
    expect(m.jurisdiction).toBe('平阳县水利局');
    expect(m.bodyType).toBe('department');
    expect(m.signedAt).toBe('2023-01-18');
    expect(m.jurisdictionSource).toBe('signature');
  });
});

describe('metadata: a report saved as Markdown', () => {
  it('reads a # title without its marker', () => {
    const m = metaOf('# 宜良县人民政府2023年政府信息公开工作年度报告\n\n发布日期：2024-01-30\n');
    expect(m.title).toBe('宜良县人民政府2023年政府信息公开工作年度报告');
    expect(m.jurisdiction).toBe('宜良县人民政府');
    expect(m.publishedAt).toBe('2024-01-30');
  });
});

describe('metadata: portal info lines', () => {
  it('reads 日期：… 来源：… and 发布时间：… 10:30 as the publication date', () => {
    expect(metaOf('标题\n日期：2023-01-10 14:31:37 来源：市场监管局 浏览量：\n').publishedAt).toBe('2023-01-10');
    expect(metaOf('标题\n来源：XX市人民政府　发布时间：2023-01-20 10:30\n').publishedAt).toBe('2023-01-20');
    expect(metaOf('标题\n成文日期：2023-01-05\n').publishedAt).toBeNull();
  });

  it('takes 更新时间 only when 发布时间 is absent or left empty', () => {
    expect(metaOf('标题\n更新时间:2026-01-15 发布时间: |  来源:城乡工作办事处\n').publishedAt).toBe('2026-01-15');
    expect(metaOf('标题\n更新日期：2023-02-01\n').publishedAt).toBe('2023-02-01');
    expect(metaOf('标题\n更新时间:2023-03-09 发布时间:2023-01-20\n').publishedAt).toBe('2023-01-20');
    expect(metaOf('标题\n发布时间:2023-01-20\n页面更新时间:2023-03-09\n').publishedAt).toBe('2023-01-20');
  });
});

describe('metadata: a page without a title line names the report in its opening sentence', () => {
  it('takes the body from 现公布…年度报告 / 编制了《…》, but not the year quoted there', () => {
    const xingren = metaOf('根据《条例》要求,现公布兴仁市人民政府2022年政府信息公开工作年度报告。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n(一)主动公开情况。2022年,共公开各类政府信息12888条。');
    expect(xingren.jurisdiction).toBe('兴仁市人民政府');
    expect(xingren.bodyType).toBe('government');
    const tianhuang = metaOf('我镇认真编制了《田黄镇2020年政府信息公开工作年度报告》。所列数据的统计期限自2021年1月1日起至12月31日止。\n一、总体情况\n2021年度,我镇认真贯彻落实上级要求。');
    expect(tianhuang.jurisdiction).toBe('田黄镇');
    expect(tianhuang.year).toBe(2021);
  });
  it('does not take 我办 / 我局 from 现将我办…报告如下', () => {
    expect(metaOf('现将我办2022年度政府信息公开情况报告如下:\n一、总体情况\n正文').jurisdiction).toBeNull();
  });
});

describe('metadata: a report published as the notice that issues it', () => {
  it('takes the quoted report title and its body', () => {
    const m = metaOf('关于印发《平江区2022年政府信息公开工作年度报告》的通知\n各街道办事处：\n现将《平江区2022年政府信息公开工作年度报告》印发给你们。\n');
    expect(m.title).toBe('平江区2022年政府信息公开工作年度报告');
    expect(m.jurisdiction).toBe('平江区');
    expect(m.year).toBe(2022);
    expect(m.level).toBe('district');
  });
  it('reads a notice by the office, with the government named in the quoted title, and one split over two lines', () => {
    const office = metaOf('平江区人民政府办公室关于印发《平江区人民政府2022年政府信息公开工作年度报告》的通知\n');
    expect(office.title).toBe('平江区人民政府2022年政府信息公开工作年度报告');
    expect(office.jurisdiction).toBe('平江区人民政府');
    expect(office.bodyType).toBe('government');
    const split = metaOf('关于印发《平江区2023年政府信息公开\n工作年度报告》的通知\n');
    expect(split.title).toBe('平江区2023年政府信息公开工作年度报告');
    expect(split.year).toBe(2023);
  });
  it('does not take a notice about something else', () => {
    expect(metaOf('关于印发《平江区政务公开工作要点》的通知\n').title).toBeNull();
  });
});
