import { describe, expect, it } from 'vitest';
import { locateTables } from '../../../src/parse/stages/tables/locate.js';
import { toRows } from '../../../src/parse/stages/tables/rows.js';
import { commonRightEdge, gatherSlots, pickSlots, toStream } from '../../../src/parse/stages/tables/values.js';
import type { Section } from '../../../src/parse/model.js';

describe('locateTables', () => {
  const lines = [
    '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况等内容，现报告如下：这是一段很长的说明文字。',
    '二、主动公开政府信息情况',
    '规章\t1\t0\t3',
    '三、收到和处理政府信息公开申请情况',
    '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
    '四、政府信息公开行政复议、行政诉讼情况',
    '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0',
    '五、存在的主要问题及改进情况',
    '无。',
  ];
  it('finds each table between its heading and the next heading, ignoring prose mentions', () => {
    const r = locateTables(lines);
    expect([r.active?.heading, r.active?.from, r.active?.to]).toEqual([2, 3, 3]);
    expect([r.applications?.heading, r.applications?.to]).toEqual([4, 5]);
    expect([r.reviews?.heading, r.reviews?.to]).toEqual([6, 7]);
  });
  it('falls back to an anchor label when the heading is missing', () => {
    const r = locateTables(['概述', '申请人情况', '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1', '五、存在的主要问题及改进情况']);
    expect([r.applications?.from, r.applications?.to, r.applications?.byHeading]).toEqual([2, 3, false]);
  });
  it('uses a section of the segment stage when the heading reads differently', () => {
    const section: Section = { key: 'reviews', ordinal: 4, title: '四、行政复议和诉讼', line: 2, endLine: 4, firstLine: '', length: 0 };
    const r = locateTables(['x', '四、行政复议和诉讼', '结果维持', '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0'], [section]);
    expect([r.reviews?.from, r.reviews?.to]).toEqual([3, 4]);
  });
  it('does not take a prose section for a table', () => {
    const section: Section = { key: 'applications', ordinal: 4, title: '四、依申请公开工作情况', line: 1, endLine: 2, firstLine: '', length: 0 };
    expect(locateTables(['四、依申请公开工作情况', '2017年受理政府信息公开申请共7件。'], [section]).applications).toBeUndefined();
  });
});

describe('gatherSlots / pickSlots', () => {
  const never = () => false;
  it('takes a grid row\'s own cells, or following single cells', () => {
    const grid = toStream(toRows(['a\t\t1\t2', 'b', '3', '4'], 1, 4));
    expect(gatherSlots(grid, 0, 2, never).slots.map((c) => c.text)).toEqual(['', '1', '2']);
    expect(gatherSlots(grid, 3, 2, never).slots.map((c) => c.text)).toEqual(['3', '4']);
  });
  it('drops placeholders when there are enough figures, and uses empties as blanks otherwise', () => {
    const full = toStream(toRows(['x\t\t1\t2\t3'], 1, 1)).slice(1);
    expect(pickSlots(full, 3, null).map((c) => c?.text)).toEqual(['1', '2', '3']);
    const gap = toStream(toRows(['x\t1\t\t3'], 1, 1)).slice(1);
    expect(pickSlots(gap, 3, null).map((c) => c?.text)).toEqual(['1', '', '3']);
  });
  it('places figures by the table\'s right edge when a grid row is short of figures', () => {
    const rows = toRows(['a\t\t1\t2\t3', 'b\t\t4\t5\t6', 'c\t\t7\t8\t'], 1, 3);
    expect(commonRightEdge(rows, 3)).toBe(4);
    const c = toStream([rows[2]!]).slice(1);
    expect(pickSlots(c, 3, 4).map((s) => s?.text)).toEqual(['7', '8', '']);
  });
});
