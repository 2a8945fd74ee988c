import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../src/parse/stages/narrative.js';
import { normalize } from '../../src/parse/stages/normalize.js';
import { segment } from '../../src/parse/stages/segment.js';

const SEEDS: Record<string, string> = {
  '000': '000_81e12db4ab5ce8f0.txt',
  '001': '001_3c37fa3851a0a726.txt',
  '002': '002_8d388e7911cc997b.txt',
  '003': '003_9f2672fdddbd3341.txt',
  '004': '004_7155ca732c79b54b.txt',
};

function narrativeOf(text: string) {
  const doc = normalize(text);
  return extractNarrative(doc, segment(doc).sections);
}

function seedNarrative(id: string) {
  return narrativeOf(readFileSync(new URL(`../fixtures/seeds/${SEEDS[id]}`, import.meta.url), 'utf8'));
}

/** id → value of every mention, in reading order. */
function values(text: string): Array<[string, number | boolean]> {
  return narrativeOf(text).mentions.map((m) => [m.id, m.value]);
}

describe('narrative on the seeds', () => {
  it('000: no fee charged', () => {
    const n = seedNarrative('000');
    expect(n.narrative.feesCharged?.value).toBe(false);
    expect(n.narrative.feesCharged?.text).toBe('我市2021年度未向申请人收取政府信息公开信息处理费。');
    expect(n.narrative.feesCharged?.line).toBe(424);
  });
  it('001: Traditional sentence matched on the Simplified form, kept in the original', () => {
    const n = seedNarrative('001');
    const received = n.narrative.applicationsReceived!;
    expect(received.value).toBe(1484);
    expect(received.includesCarriedOver).toBe(true);
    expect(received.year).toBe(2021);
    expect(received.text).toContain('全區共收到政府信息公開申請1484件(含上年結轉件)');
    expect(n.narrative.applicationsConcluded?.value).toBe(1473);
    expect(n.narrative.carriedForward?.value).toBe(11);
    expect(received.line).toBe(9);
  });
  it('002: received with a breakdown, proactive items, no review or litigation, no fee', () => {
    const n = seedNarrative('002');
    expect(n.narrative.applicationsReceived).toMatchObject({ value: 33, includesCarriedOver: true, year: 2023 });
    expect(n.narrative.applicationsNew?.value).toBe(33);
    expect(n.narrative.carriedOver?.value).toBe(0);
    expect(n.narrative.carriedForward?.value).toBe(0);
    expect(n.narrative.proactiveItems?.value).toBe(779);
    expect(n.narrative.reviews?.value).toBe(0);
    expect(n.narrative.litigations?.value).toBe(0);
    expect(n.narrative.reviews?.text).toBe('全年未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。');
    expect(n.narrative.feesCharged?.value).toBe(false);
    expect(n.legacy).toBeNull();
  });
  it('003: legacy prose', () => {
    const n = seedNarrative('003');
    expect(n.narrative.applicationsReceived).toMatchObject({ value: 7, includesCarriedOver: false, year: 2017 });
    expect(n.narrative.allConcluded?.value).toBe(true);
    expect(n.narrative.proactiveItems?.value).toBe(10180);
  });
  it('004: numbers written with spaces', () => {
    const n = seedNarrative('004');
    expect(n.narrative.applicationsReceived?.value).toBe(4);
    expect(n.narrative.applicationsReceived?.text).toBe('2024 年，共收到政府信息公开申请 4 件，均在法定期限内予以办结。');
    expect(n.narrative.allConcluded?.value).toBe(true);
    expect(n.narrative.proactiveItems?.value).toBe(1882);
    expect(n.narrative.feesCharged?.value).toBe(false);
    // The 县长信箱 replies (答复 4 条) are not application counts.
    expect(n.narrative.applicationsConcluded).toBeUndefined();
  });
});

describe('narrative on variants', () => {
  it('reads Chinese numerals', () => {
    expect(values('共收到政府信息公开申请十二件,办结十件,两件结转下年度办理。')).toEqual([
      ['applicationsReceived', 12],
      ['applicationsConcluded', 10],
      ['carriedForward', 2],
    ]);
    expect(values('本年度收到政府信息公开申请一件。')).toEqual([['applicationsReceived', 1]]);
  });
  it('reads full-width digits and Traditional text', () => {
    expect(values('本年度共受理政府信息公開申請１２件，辦結１２件。')).toEqual([
      ['applicationsReceived', 12],
      ['applicationsConcluded', 12],
    ]);
  });
  it('records the year a sentence names, even when it is not the report year', () => {
    const n = narrativeOf('一、总体情况\n2022年共收到政府信息公开申请5件。\n本年共收到政府信息公开申请6件。');
    expect(n.mentions.map((m) => [m.value, m.year])).toEqual([
      [5, 2022],
      [6, undefined],
    ]);
    expect(n.narrative.applicationsReceived?.value).toBe(5);
  });
  it('keeps every mention in reading order and the first of each id', () => {
    const n = narrativeOf('共收到政府信息公开申请3件。\n另:收到政府信息公开申请4件。');
    expect(n.mentions.map((m) => m.value)).toEqual([3, 4]);
    expect(n.mentions.map((m) => m.line)).toEqual([1, 2]);
    expect(n.narrative.applicationsReceived?.value).toBe(3);
  });
  it('reads review and litigation counts and fees that were charged', () => {
    expect(values('发生政府信息公开行政复议2件,行政诉讼1件。')).toEqual([
      ['reviews', 2],
      ['litigations', 1],
    ]);
    expect(values('全年收取信息处理费共计300元。')).toEqual([['feesCharged', true]]);
    expect(values('本年度未收取任何费用。')).toEqual([['feesCharged', false]]);
  });
  it('reads carried-forward wordings', () => {
    expect(values('收到申请10件,结转至下年办理3件。')).toEqual([
      ['applicationsReceived', 10],
      ['carriedForward', 3],
    ]);
    expect(values('受理政府信息公开申请8件,剩余2件结转下一年度继续办理。')).toEqual([
      ['applicationsReceived', 8],
      ['carriedForward', 2],
    ]);
  });
  it('does not take counts from unrelated sentences or table rows', () => {
    expect(values('受理群众来信4402件,办结4400件。')).toEqual([]);
    expect(values('一、本年新收政府信息公开申请数量\t4\t0\t0\t0\t0\t0\t4')).toEqual([]);
    expect(values('有效降低行政复议、行政诉讼风险。')).toEqual([]);
    expect(values('公开政务要闻812条。')).toEqual([]);
  });
  it('reads a legacy statistics table, inline and as a header row', () => {
    const n = narrativeOf('申请总数\t12\n当面\t网络\t信函\n3\t8\t1\n同意公开:9件\n行政复议数 | 0');
    expect(n.legacy).toEqual({
      applicationsTotal: { value: 12, label: '申请总数', line: 1 },
      inPerson: { value: 3, label: '当面', line: 3 },
      online: { value: 8, label: '网络', line: 3 },
      letter: { value: 1, label: '信函', line: 3 },
      granted: { value: 9, label: '同意公开', line: 4 },
      reviews: { value: 0, label: '行政复议数', line: 5 },
    });
  });
});

describe('narrative across wrapped lines', () => {
  it('joins a sentence wrapped over lines and reports the line where it starts', () => {
    const n = narrativeOf('(二)依申请公开情况\n2024年,共收到政府信息公开申请\n4件,均已办结。\n\n下一段。');
    expect(n.narrative.applicationsReceived).toMatchObject({ value: 4, line: 2, year: 2024 });
    expect(n.narrative.applicationsReceived?.text).toBe('2024年,共收到政府信息公开申请4件,均已办结。');
    expect(n.narrative.allConcluded?.value).toBe(true);
  });
  it('does not run a sentence into the next numbered item', () => {
    const n = narrativeOf('主动公开政府信息\n(一)收到政府信息公开申请3件。');
    expect(n.mentions.map((m) => [m.id, m.value, m.line])).toEqual([['applicationsReceived', 3, 2]]);
  });
});

describe('narrative: realistic wordings', () => {
  it('reads 办结 / 结转 in a sentence that follows the one about applications', () => {
    expect(values('2019年，本县共收到政府信息公开申请50件，其中本年新收48件，上年结转2件。全年办结47件，结转下年度3件。')).toEqual([
      ['applicationsReceived', 50],
      ['applicationsNew', 48],
      ['carriedOver', 2],
      ['applicationsConcluded', 47],
      ['carriedForward', 3],
    ]);
  });
  it('does not carry the application context into a sentence about something else', () => {
    expect(values('共收到政府信息公开申请5件。12345热线工单办结1000件。')).toEqual([['applicationsReceived', 5]]);
  });
  it('sees 含上年结转 in either order of the breakdown, and not in 不含上年结转', () => {
    const either = narrativeOf('全年共受理政府信息公开申请56件，其中上年结转3件，本年新收53件。').narrative;
    expect(either.applicationsReceived).toMatchObject({ value: 56, includesCarriedOver: true });
    const not = narrativeOf('我局共收到政府信息公开申请十二件（不含上年结转一件），办结十二件。').narrative;
    expect(not.applicationsReceived).toMatchObject({ value: 12, includesCarriedOver: false });
    expect(not.carriedOver).toMatchObject({ value: 1 });
  });
  it('reads 主动公开政府信息总数N条', () => {
    expect(narrativeOf('本年度主动公开政府信息总数2,942条。通过局门户网站公开政府信息52条。').narrative.proactiveItems).toMatchObject({ value: 2942 });
  });
});

describe('narrative: wordings seen on department portals', () => {
  it('reads a count of 依申请…事项 in 例', () => {
    expect(values('2022年我局共受理依申请政府信息公开事项17例，全部按时办结。')).toEqual([
      ['applicationsReceived', 17],
      ['allConcluded', true],
    ]);
  });
  it('reads 申请办结数N件', () => {
    expect(values('受理政府信息依申请公开11件，其中网络申请11件，申请办结数8件，结转下一年办理1件。')).toEqual([
      ['applicationsReceived', 11],
      ['applicationsConcluded', 8],
      ['carriedForward', 1],
    ]);
  });
  it('reads "no application received" as 0, but not 未收到…申请行政复议', () => {
    expect(values('全年未收到政府信息公开申请。')).toEqual([['applicationsReceived', 0]]);
    expect(values('本年度未收到和处理政府信息公开申请事件。')).toEqual([['applicationsReceived', 0]]);
    expect(values('本年度未收到因政府信息公开申请行政复议的情况。')).toEqual([['reviews', 0]]);
  });
  it('reads fee statements: 依申请公开收费0元, 无因…收取费用', () => {
    expect(values('依申请公开收费0元。')).toEqual([['feesCharged', false]]);
    expect(values('本年度无因政府信息公开收取费用情况。')).toEqual([['feesCharged', false]]);
  });
  it('reads 发布各类政府信息N余条 as proactive items', () => {
    expect(values('共发布各类政府信息3600余条。')).toEqual([['proactiveItems', 3600]]);
  });
});

describe('narrative: wordings of a provincial 2019 report (test/fixtures/real)', () => {
  const text = '市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以答复。信息公开类行政复议7件，诉讼9件，均获维持。';
  it('reads 答复…申请N件 as concluded and N件申请…顺延到下年度 as carried forward', () => {
    const n = narrativeOf(text).narrative;
    expect(n.applicationsReceived?.value).toBe(859);
    expect(n.applicationsConcluded?.value).toBe(805);
    expect(n.carriedForward?.value).toBe(72);
    expect(n.carriedOver?.value).toBe(18);
  });
  it('does not read 均…予以答复 as all concluded in a sentence that carries applications into next year', () => {
    expect(narrativeOf(text).narrative.allConcluded).toBeUndefined();
    expect(narrativeOf('共收到申请12件，均已按时办结。').narrative.allConcluded?.value).toBe(true);
  });
  it('reads a bare 诉讼N件 right after a review count as litigations, and no other bare 诉讼', () => {
    expect(narrativeOf(text).narrative.litigations?.value).toBe(9);
    expect(narrativeOf('全年受理民事诉讼5件。').narrative.litigations).toBeUndefined();
  });
});

describe('narrative: wordings of county and township pages (test/fixtures/real)', () => {
  it('reads a count written before its object: 共收到10件依申请公开请求, 收到8份…申请', () => {
    expect(narrativeOf('2022年,共收到10件依申请公开请求。').narrative.applicationsReceived?.value).toBe(10);
    expect(narrativeOf('区政府办公室共收到8份政府信息公开申请,均为自然人申请。').narrative.applicationsReceived?.value).toBe(8);
  });
  it('reads carried-over and carried-forward counts tied to a named year', () => {
    const n = narrativeOf('2022年,共收到10件依申请公开请求,2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件。').narrative;
    expect(n.carriedOver?.value).toBe(2);
    expect(n.carriedForward?.value).toBe(2);
    expect(narrativeOf('共收到申请5件,2022年结转下年度3件。').narrative.carriedOver).toBeUndefined();
  });
  it('reads 新收到依申请公开政府信息0件 as new applications', () => {
    expect(narrativeOf('本年度我街道新收到依申请公开政府信息0件,上年结转申请0件。').narrative.applicationsNew?.value).toBe(0);
  });
});

describe('narrative: nothing carried forward, said in words', () => {
  it('reads 无下年度结转 / 无结转 / 没有结转至下年度的申请 as carriedForward 0', () => {
    expect(values('共收到政府信息公开申请5件，全部办结，无下年度结转。')).toContainEqual(['carriedForward', 0]);
    expect(values('共收到政府信息公开申请5件，均已按期答复，无结转。')).toContainEqual(['carriedForward', 0]);
    expect(values('本年度共收到政府信息公开申请3件，没有结转至下年度的申请。')).toContainEqual(['carriedForward', 0]);
  });
  it('does not take 无上年结转 (carried over) or a count for nothing carried forward', () => {
    const over = values('共收到政府信息公开申请5件，无上年结转。');
    expect(over.some(([id]) => id === 'carriedForward')).toBe(false);
    expect(values('共收到政府信息公开申请5件，结转下年度办理2件。')).toContainEqual(['carriedForward', 2]);
    expect(values('本年度热线工单无结转。').some(([id]) => id === 'carriedForward')).toBe(false);
  });
});
