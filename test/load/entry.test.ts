import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, entryReport, readEntry } from '../../src/load/entry.js';
import { parseReport } from '../../src/parse/index.js';

const report = parseReport({ file: '000.txt', bytes: readFileSync(new URL('../fixtures/seeds/000_81e12db4ab5ce8f0.txt', import.meta.url)) });
const header = { parser: 'p1', size: 1234, mtimeMs: 1700000000123.5, hash: 'ab'.repeat(20), thresholds: 't1' };

describe('cache entries', () => {
  it('round-trip a report with its header', () => {
    const entry = decodeEntry(encodeEntry(header, report), 'p1', 1234, 1700000000123.5);
    expect(entry).toMatchObject(header);
    expect(JSON.stringify(entryReport(entry!))).toBe(JSON.stringify(report));
  });

  it('are refused for another parser, size or modification time', () => {
    const bytes = encodeEntry(header, report);
    expect(decodeEntry(bytes, 'p2', 1234, 1700000000123.5)).toBeNull();
    expect(decodeEntry(bytes, 'p1', 1235, 1700000000123.5)).toBeNull();
    expect(decodeEntry(bytes, 'p1', 1234, 1700000000124)).toBeNull();
  });

  it('are refused when a byte of the report changed or the entry was cut short', () => {
    const bytes = encodeEntry(header, report);
    const damaged = bytes.slice();
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 1;
    expect(decodeEntry(damaged, 'p1', 1234, 1700000000123.5)).toBeNull();
    expect(decodeEntry(bytes.subarray(0, bytes.length - 1), 'p1', 1234, 1700000000123.5)).toBeNull();
    expect(decodeEntry(bytes.subarray(0, 20), 'p1', 1234, 1700000000123.5)).toBeNull();
    // A worker's own answer is read without the checksum: readEntry trusts what this process just encoded.
    expect(readEntry(damaged)?.hash).toBe(header.hash);
  });
});
