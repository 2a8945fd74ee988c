// Real reports: texts of published 政府信息公开工作年度报告 (or their published opening, completed by hand where
// test/fixtures/real/README.md says so), in the layouts they were published in. Each has an expected JSON written
// by reading the report, never from parser output. Only the fields an expected file lists are compared; a failure
// names every differing figure. HTML fixtures go through the same input adapter as `xxgk` does.
//   applications: { rowId: [naturalPerson, commercial, research, social, legal, otherOrg, total] } (omitted rows: not compared)
//   reviews:      [15 figures in table order] — review, litigationDirect, litigationAfterReview × upheld…total
//   anomalies / noAnomalies: rule ids the per-report checks must / must not raise
//   noDiagnostics: diagnostic codes the parse must not produce
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.js';
import { extractText } from '../../src/parse/inputs/index.js';
import type { Report } from '../../src/parse/model.js';
import { expectationProblems, type Json } from './expected-compare.js';

const DIR = join(import.meta.dirname, '../fixtures/real');


async function parseFixture(name: string, path: string): Promise<Report> {
  const bytes = new Uint8Array(readFileSync(path));
  if (!name.endsWith('.html')) return parseReport({ file: name, bytes });
  const extracted = await extractText('html', bytes);
  return parseReport({ file: name, text: extracted.text, sourceFormat: 'html', encoding: extracted.encoding, diagnostics: extracted.diagnostics });
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt') || f.endsWith('.html'))
  .sort()
  .map((f) => [f, join(DIR, f), join(DIR, f.replace(/\.(txt|html)$/, '.json'))] as const);

describe('real reports', () => {
  it('there are fixtures, each with its expected file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(1);
    for (const [, , json] of cases) expect(() => readFileSync(json)).not.toThrow();
  });

  it.each(cases)('%s', async (name, path, json) => {
    const expected = JSON.parse(readFileSync(json, 'utf8')) as Json;
    const report = await parseFixture(name, path);
    const problems = expectationProblems(expected, report);
    expect(problems).toEqual([]);
  });
});
