// The table of bodies stored beside a folder's findings (src/load/reused-findings.ts): which bodies of a changed
// folder are as they were, and the refusal of any table that is not whole or not made under the same rules.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { groupByBody } from '../../src/parse/checks/index.js';
import type { Anomaly } from '../../src/parse/model.js';
import { ContentHashes, attachReused, bodyRecords, decodeBodyTable, encodeBodyTable, reusePlan, tableBasis } from '../../src/load/reused-findings.js';
import { FINDINGS_CHUNK } from '../../src/load/stored-findings.js';
import { makeReport } from '../parse/checks/factory.js';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const report = (body: string, year: number) => makeReport({ file: `${body}/${year}.txt`, year, jurisdiction: body, jurisdictionKey: body });

/** Reports of two bodies, their content hashes, their body records. */
function folder(contents: Record<string, string> = {}) {
  const reports = [report('甲', 2021), report('乙', 2021), report('甲', 2022), report('乙', 2022)];
  const hashes = new ContentHashes();
  for (const r of reports) hashes.add(sha1(contents[r.file] ?? r.file));
  const bodies = groupByBody(reports);
  return { reports, bodies, records: finish(bodyRecords(bodies, reports, hashes)) };
}

/** A generator run to its end: its return value. */
function finish<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const anomaly = (id: string): Anomaly => ({ id, severity: 'info', message: id, messageZh: id, cells: ['year'], fingerprint: id });

describe('ContentHashes', () => {
  it('keeps each hash as its 20 bytes, in order', () => {
    const hashes = new ContentHashes();
    const hex = Array.from({ length: 2000 }, (_, i) => sha1(String(i)));
    for (const h of hex) hashes.add(h);
    expect(hashes.length).toBe(2000);
    expect(hashes.hexAt(0)).toBe(hex[0]);
    expect(hashes.hexAt(1999)).toBe(hex[1999]);
  });

  it('does not read what is no SHA-1 as one, and a body holding it never matches a stored digest', () => {
    const hashes = new ContentHashes();
    hashes.add('not a hash');
    hashes.add(sha1('b'));
    expect(hashes.hexAt(0)).toBeNull();
    expect(hashes.hexAt(1)).toBe(sha1('b'));
    const reports = [report('甲', 2021), report('甲', 2022)];
    const bodies = groupByBody(reports);
    const digest = () => finish(bodyRecords(bodies, reports, hashes)).get('甲')![0];
    expect(digest()).toMatch(/^[0-9a-f]{40}$/);
    expect(digest()).not.toBe(digest());
  });
});

describe('bodyRecords', () => {
  it('gives each body the positions of its reports and a digest that changes with any of their contents or files', () => {
    const before = folder();
    expect(before.records.get('甲')![1]).toEqual([0, 2]);
    expect(before.records.get('乙')![1]).toEqual([1, 3]);
    const edited = folder({ '甲/2022.txt': 'other bytes' });
    expect(edited.records.get('甲')![0]).not.toBe(before.records.get('甲')![0]);
    expect(edited.records.get('乙')![0]).toBe(before.records.get('乙')![0]);
  });
});

describe('body table', () => {
  const basis = tableBasis('parser-1', 'thresholds-1');
  const { records } = folder();
  const stored = encodeBodyTable('4-abc', basis, records.values());

  it('round-trips, and is refused under other rules, damaged, or cut short', () => {
    const table = decodeBodyTable(stored, basis)!;
    expect(table.folderKey).toBe('4-abc');
    expect(table.reports).toBe(4);
    expect(table.chunks).toBe(1);
    expect([...table.bodies.values()]).toEqual([[0, 2], [1, 3]]);
    expect(decodeBodyTable(stored, tableBasis('parser-2', 'thresholds-1'))).toBeNull();
    expect(decodeBodyTable(stored, tableBasis('parser-1', 'thresholds-2'))).toBeNull();
    const damaged = new Uint8Array(stored); // a copy (a Buffer's slice is a view)
    damaged[damaged.length - 3] = damaged[damaged.length - 3] === 0x30 ? 0x31 : 0x30; // a position's digit
    expect(decodeBodyTable(damaged, basis)).toBeNull();
    expect(decodeBodyTable(stored.subarray(0, stored.length - 5), basis)).toBeNull();
  });

  it('refuses positions outside the pass it names', () => {
    const wrong = encodeBodyTable('3-abc', basis, records.values()); // position 3 in a pass of three reports
    expect(decodeBodyTable(wrong, basis)).toBeNull();
  });

  it('plans to reuse exactly the bodies whose digest it has, mapping the old positions to this load’s reports', () => {
    const table = decodeBodyTable(stored, basis)!;
    const now = folder({ '甲/2022.txt': 'other bytes' });
    const { skip, targets } = reusePlan(table, now.records, now.bodies);
    expect([...skip]).toEqual(['乙']);
    expect([...targets.keys()]).toEqual([1, 3]);
    expect(targets.get(3)).toBe(now.reports[3]);
  });
});

describe('attachReused', () => {
  it('adds only the per-body rules’ findings, only to the planned reports, and nothing from a malformed chunk', () => {
    const { reports } = folder();
    const targets = new Map([[1, reports[1]!]]);
    const keep = new Set(['missing-year']);
    expect(attachReused([[0, [anomaly('missing-year')]], [1, [anomaly('hierarchy-sum'), anomaly('missing-year')]]], 0, 4, targets, keep)).toBe(true);
    expect(reports[0]!.anomalies).toEqual([]);
    expect(reports[1]!.anomalies.map((a) => a.id)).toEqual(['missing-year']);
    expect(attachReused([[1, [{ id: 'missing-year' } as Anomaly]]], 0, 4, targets, keep)).toBe(false);
    expect(attachReused([[FINDINGS_CHUNK, [anomaly('missing-year')]]], 0, FINDINGS_CHUNK + 4, targets, keep)).toBe(false);
    expect(reports[1]!.anomalies).toHaveLength(1);
  });
});
