// Realistic reports: hand-written texts modelled on real 政府信息公开工作年度报告 in layouts the five seeds do not
// show (2019 trial format, prose-only 2020, departments, townships, provinces, HTML copy-paste tables, subtotal
// columns, table 4 split into rows…). Each fixture has an expected JSON whose figures were put into the text by
// construction. Only the fields an expected file lists are compared; a failure names every differing figure.
//   applications: { rowId: [naturalPerson, commercial, research, social, legal, otherOrg, total] } (omitted rows: not compared)
//   reviews:      [15 figures in table order] — review, litigationDirect, litigationAfterReview × upheld…total
//   anomalies:    rule ids the per-report checks must raise;  noAnomalies: rule ids they must not raise
//   noDiagnostics: diagnostic codes the parse must not produce
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.js';
import { expectationProblems, type Json } from './expected-compare.js';

const DIR = join(import.meta.dirname, '../fixtures/realistic');


const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f, join(DIR, f), join(DIR, f.replace(/\.txt$/, '.json'))] as const);

describe('realistic reports', () => {
  it('there are fixtures, each with its expected file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('%s', (name, txt, json) => {
    const expected = JSON.parse(readFileSync(json, 'utf8')) as Json;
    const report = parseReport({ file: name, bytes: new Uint8Array(readFileSync(txt)) });
    const problems = expectationProblems(expected, report);
    expect(problems).toEqual([]);
  });
});
