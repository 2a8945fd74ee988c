import { describe, expect, it } from 'vitest';
import { consecutiveYears, groupByBody } from '../../../src/parse/checks/format.js';
import { makeReport } from './factory.js';

describe('consecutiveYears', () => {
  it('pairs each report with every report of its body a year earlier, in folder order, across gaps and other bodies', () => {
    const r = (file: string, jurisdictionKey: string, year: number) => makeReport({ file, jurisdictionKey, year });
    const reports = [
      r('c.txt', 'A', 2021),
      r('a.txt', 'A', 2020),
      r('x.txt', 'B', 2021),
      r('b.txt', 'A', 2020),
      r('d.txt', 'A', 2023),
      r('e.txt', 'A', 2024),
      r('f.txt', 'A', 2024),
      r('y.txt', 'B', 2022),
    ];
    const pairs = consecutiveYears(groupByBody(reports)).map(([prev, cur]) => `${prev.file}→${cur.file}`);
    expect(pairs).toEqual(['a.txt→c.txt', 'b.txt→c.txt', 'd.txt→e.txt', 'd.txt→f.txt', 'x.txt→y.txt']);
  });
});
