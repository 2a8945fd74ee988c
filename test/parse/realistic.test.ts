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
import { checkReport, DEFAULT_THRESHOLDS } from '../../src/parse/checks/index.js';
import { parseReport } from '../../src/parse/index.js';
import type { Report } from '../../src/parse/model.js';
import { FIELDS, comparable, diff, isObject, type Json } from './expected-compare.js';

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
    const listed = Object.fromEntries(FIELDS.filter((f) => f in expected).map((f) => [f, expected[f]]));
    const problems = diff(listed, comparable(expected, report), '');
    const codes = new Set(report.diagnostics.map((d) => d.code));
    for (const code of (expected.noDiagnostics as string[] | undefined) ?? []) {
      if (codes.has(code)) problems.push(`diagnostic ${code}: ${report.diagnostics.filter((d) => d.code === code).map((d) => d.message).join(' | ')}`);
    }
    const anomalies = new Set(checkReport(report, DEFAULT_THRESHOLDS).map((a) => a.id));
    for (const id of (expected.anomalies as string[] | undefined) ?? []) if (!anomalies.has(id)) problems.push(`anomaly ${id} not raised`);
    for (const id of (expected.noAnomalies as string[] | undefined) ?? []) if (anomalies.has(id)) problems.push(`anomaly ${id} raised`);
    expect(problems).toEqual([]);
  });
});
