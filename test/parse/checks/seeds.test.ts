// The rules on the five real reports, through the real parser.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, runChecks } from '../../../src/parse/checks/index.js';
import { computeTextFlags } from '../../../src/parse/checks/text-signals.js';
import { parseReport } from '../../../src/parse/index.js';
import type { Report } from '../../../src/parse/model.js';
import { normalize } from '../../../src/parse/stages/normalize.js';
import { thresholds } from './factory.js';

const SEEDS = ['000_81e12db4ab5ce8f0', '001_3c37fa3851a0a726', '002_8d388e7911cc997b', '003_9f2672fdddbd3341', '004_7155ca732c79b54b'];
const bytes = (name: string) => readFileSync(new URL(`../../fixtures/seeds/${name}.txt`, import.meta.url));

function load(): Record<string, Report> {
  const reports = SEEDS.map((name) => {
    const r = parseReport({ file: `${name}.txt`, bytes: bytes(name) });
    const doc = normalize(new TextDecoder().decode(bytes(name)));
    r.textFlags = computeTextFlags({ lines: doc.lines, original: doc.original });
    return r;
  });
  runChecks(reports, thresholds, { crossReport: true });
  return Object.fromEntries(SEEDS.map((name, i) => [name.slice(0, 3), reports[i]!]));
}

const ids = (r: Report) => r.anomalies.map((a) => a.id);
const ARITHMETIC = new Set(RULES.filter((r) => r.group === 'arithmetic').map((r) => r.id));
const TABLE_RULES = new Set([...ARITHMETIC, 'missing-table', 'stock-below-flow', 'stock-break', 'carryover-break', 'narrative-mismatch', 'all-zero', 'high-correction-rate']);

describe('checks on the seed reports', () => {
  const reports = load();

  it('001 (Traditional, 2021, emptied tables) is flagged for its missing tables', () => {
    const missing = reports['001']!.anomalies.filter((a) => a.id === 'missing-table');
    expect(missing.map((a) => a.cells[0])).toEqual(['active', 'applications', 'reviews']);
    expect(missing.every((a) => a.severity === 'error')).toBe(true);
  });

  it('003 (2017) is legacy-format and nothing table-related', () => {
    const r = reports['003']!;
    expect(ids(r)).toContain('legacy-format');
    expect(ids(r).filter((id) => TABLE_RULES.has(id))).toEqual([]);
    expect(ids(r)).not.toContain('late-publication'); // published 2018-01-02
  });

  it('004 (county 本级政府, signed 2025-02-25) is not late; the same text from a department would be', () => {
    const r = reports['004']!;
    expect(r.bodyType).toBe('government');
    expect(r.signedAt).toBe('2025-02-25');
    expect(ids(r)).not.toContain('late-publication');
    const asDepartment: Report = { ...r, bodyType: 'department', anomalies: [] };
    runChecks([asDepartment], thresholds, { crossReport: false });
    const late = asDepartment.anomalies.find((a) => a.id === 'late-publication');
    expect(late?.messageZh).toBe('落款日期（无发布日期） 2025-02-25 晚于期限 2025-01-31——条例第四十九条：部门 2024 年度报告应于 2025-01-31 前公布');
  });

  it('000 (city, 2021) shows no arithmetic errors', () => {
    const r = reports['000']!;
    expect(r.applications?.newReceived.total).toBe(703);
    expect(ids(r).filter((id) => ARITHMETIC.has(id))).toEqual([]);
  });

  it('002 (district, 2023) has 行政规范性文件 issued 1, current 0: stock-below-flow', () => {
    const a = reports['002']!.anomalies.find((x) => x.id === 'stock-below-flow');
    expect(a?.cells).toEqual(['active.normativeDocuments.issued', 'active.normativeDocuments.current']);
    expect(a?.messageZh).toMatch(/^行政规范性文件：现行有效件数 0 < 本年制发件数 1/);
  });

  it('sets division codes from the body names', () => {
    expect(Object.fromEntries(Object.entries(reports).map(([k, r]) => [k, r.divisionCode]))).toEqual({
      '000': '650100',
      '001': '650000',
      '002': '650103',
      '003': '650100',
      '004': '650121',
    });
  });

  it('gives every anomaly a message in both languages and a fingerprint', () => {
    for (const r of Object.values(reports)) {
      for (const a of r.anomalies) {
        expect(a.message.length).toBeGreaterThan(0);
        expect(a.messageZh).toMatch(/[\u4e00-\u9fff]/);
        expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      }
    }
  });
});
