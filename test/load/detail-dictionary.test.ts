import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DETAIL_DICTIONARY } from '../../src/load/detail-dictionary.js';
import { encodeEntry, readEntry, type EntryHeader } from '../../src/load/entry.js';
import { entryReport } from '../../src/load/lazy-report.js';
import { parseReport } from '../../src/parse/index.js';

// Real reports the dictionary was not built from (it is built from the data dictionary alone).
const reports = ['real', 'realistic'].flatMap((dir) => {
  const folder = new URL(`../fixtures/${dir}/`, import.meta.url);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => parseReport({ file: name, bytes: readFileSync(new URL(name, folder)) }));
});
const header: EntryHeader = { parser: 'p', size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1, readAt: 1, hash: 'h', thresholds: 't' };

describe('the details dictionary', () => {
  it('makes the deflated details of real reports at least a quarter smaller than deflating each alone', () => {
    expect(reports.length).toBeGreaterThan(15);
    let alone = 0;
    let withDictionary = 0;
    for (const report of reports) {
      const entry = readEntry(encodeEntry(header, report))!;
      withDictionary += entry.bytes.length - entry.detail;
      const { formatEvidence, sections, active, applications, reviews, narrative, narrativeMentions, legacy, blankCells, diagnostics, textFlags } = report;
      const json = JSON.stringify({ formatEvidence, sections, active, applications, reviews, narrative, narrativeMentions, legacy, blankCells, diagnostics, textFlags });
      alone += deflateRawSync(Buffer.from(json), { level: 6 }).length;
    }
    expect(withDictionary / alone).toBeLessThan(0.75);
  });

  it('inflates every detail back to the report it was made from', () => {
    for (const report of reports) {
      const lazy = entryReport(readEntry(encodeEntry(header, report))!);
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(report));
    }
  });

  it('is named in every entry, so an entry deflated with another dictionary is not read', () => {
    const bytes = encodeEntry(header, reports[0]!);
    const magic = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x09)));
    expect(magic).toMatch(/^xxgk3\.[0-9a-z]+$/);
    const other = Buffer.concat([Buffer.from('xxgk3.0other'), bytes.subarray(magic.length)]);
    expect(readEntry(other)).toBeNull();
    expect(DETAIL_DICTIONARY.length).toBeLessThanOrEqual(32 * 1024); // deflate refers back at most 32 KB
  });
});
