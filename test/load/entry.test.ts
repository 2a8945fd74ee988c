import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeIndexChunk, encodeIndexChunk } from '../../src/load/cache.js';
import { decodeEntry, encodeEntry, isUnchanged, RACY_MS, readEntry, restamp, type EntryHeader } from '../../src/load/entry.js';
import { entryReport, heldBytes, isDeflated, storedCorpusFacts } from '../../src/load/lazy-report.js';
import { corpusFacts, sectionSignature } from '../../src/parse/checks/corpus-facts.js';
import { runChecks, DEFAULT_THRESHOLDS } from '../../src/parse/checks/index.js';
import { parseReport } from '../../src/parse/index.js';

const report = parseReport({ file: '000.txt', bytes: readFileSync(new URL('../fixtures/seeds/000_81e12db4ab5ce8f0.txt', import.meta.url)) });
runChecks([report], DEFAULT_THRESHOLDS, { crossReport: false });
const header: EntryHeader = {
  parser: 'p1',
  size: 1234,
  mtimeMs: 1700000000123.5,
  ctimeMs: 1700000000200.25,
  ino: 987654,
  readAt: 1700000100000,
  hash: 'ab'.repeat(20),
  thresholds: 't1',
};

describe('cache entries', () => {
  it('round-trip a report with its header', () => {
    const entry = decodeEntry(encodeEntry(header, report), 'p1');
    expect(entry).toMatchObject(header);
    expect(JSON.stringify(entryReport(entry!))).toBe(JSON.stringify(report));
  });

  it('are refused for another parser', () => {
    expect(decodeEntry(encodeEntry(header, report), 'p2')).toBeNull();
  });

  it('are refused when a byte of the summary, the facts or the detail changed, or the entry was cut short', () => {
    const bytes = encodeEntry(header, report);
    const entry = readEntry(bytes)!;
    for (const at of [entry.summary + 5, entry.facts + 5, entry.detail + 5, bytes.length - 1]) {
      const damaged = bytes.slice();
      damaged[at] = damaged[at]! ^ 1;
      expect(decodeEntry(damaged, 'p1')).toBeNull();
    }
    expect(decodeEntry(bytes.subarray(0, bytes.length - 1), 'p1')).toBeNull();
    expect(decodeEntry(bytes.subarray(0, 20), 'p1')).toBeNull();
  });

  it('can be re-stamped without touching the report', () => {
    const entry = readEntry(encodeEntry(header, report))!;
    const moved = { ...header, mtimeMs: 1800000000000, ctimeMs: 1800000000001, ino: 5, readAt: 1800000100000 };
    const again = decodeEntry(restamp(entry, moved), 'p1');
    expect(again).toMatchObject(moved);
    expect(JSON.stringify(entryReport(again!))).toBe(JSON.stringify(report));
  });
});

describe('trusting a file by its stamp', () => {
  const stamp = { size: header.size, mtimeMs: header.mtimeMs, ctimeMs: header.ctimeMs, ino: header.ino };

  it('holds when size, mtime, ctime and inode are the entry’s and the file had not changed for a while when read', () => {
    expect(isUnchanged(header, stamp)).toBe(true);
  });

  it('fails on any difference of the stamp', () => {
    expect(isUnchanged(header, { ...stamp, size: stamp.size + 1 })).toBe(false);
    expect(isUnchanged(header, { ...stamp, mtimeMs: stamp.mtimeMs + 1 })).toBe(false);
    // A write that restores size and mtime (touch -d, a careful copy) still moves ctime.
    expect(isUnchanged(header, { ...stamp, ctimeMs: stamp.ctimeMs + 0.001 })).toBe(false);
    expect(isUnchanged(header, { ...stamp, ino: stamp.ino + 1 })).toBe(false);
  });

  it('fails when the file had changed just before it was read, or claims a change after it', () => {
    // A second write within the clock's granularity would leave the same stamp: such an entry is always re-hashed.
    expect(isUnchanged({ ...header, readAt: header.ctimeMs + RACY_MS - 1 }, stamp)).toBe(false);
    expect(isUnchanged({ ...header, readAt: header.ctimeMs + RACY_MS + 1 }, stamp)).toBe(true);
    expect(isUnchanged({ ...header, readAt: header.ctimeMs - 60_000 }, stamp)).toBe(false);
  });
});

describe('a report read from an entry', () => {
  it('keeps its details deflated until one is read, then is the parsed report', () => {
    const lazy = entryReport(readEntry(encodeEntry(header, report))!);
    expect(isDeflated(lazy)).toBe(true);
    expect(lazy.year).toBe(report.year);
    expect(lazy.anomalies).toEqual(report.anomalies);
    expect(isDeflated(lazy)).toBe(true);
    expect(lazy.applications).toEqual(report.applications);
    expect(isDeflated(lazy)).toBe(false);
    expect(Object.keys(lazy)).toEqual(Object.keys(report));
    expect({ ...lazy }).toEqual({ ...report });
  });

  it('takes a write to a detail field without losing the others', () => {
    const lazy = entryReport(readEntry(encodeEntry(header, report))!);
    lazy.diagnostics = [];
    expect(lazy.diagnostics).toEqual([]);
    expect(lazy.sections).toEqual(report.sections);
    const other = entryReport(readEntry(encodeEntry(header, report))!);
    other.diagnostics.push({ code: 'x', severity: 'info', message: 'm', messageZh: 'm', line: null });
    expect(other.diagnostics).toHaveLength(report.diagnostics.length + 1);
  });

  it("keep the cross-report facts apart, readable without inflating the detail, equal to the report's own", () => {
    const lazy = entryReport(readEntry(encodeEntry(header, report))!);
    const stored = storedCorpusFacts(lazy);
    expect(isDeflated(lazy)).toBe(true);
    expect(stored).toEqual(corpusFacts(report));
    expect(stored!.applications!.newReceivedTotal).toBe(report.applications!.newReceived.total);
    const signature = Array.from(sectionSignature(stored!.sections.overview)!);
    expect(signature).toEqual(report.sections.find((s) => s.key === 'overview')!.signature);
    expect(signature).toHaveLength(32);
    void lazy.sections; // once inflated, the checks read the report itself
    expect(storedCorpusFacts(lazy)).toBeUndefined();
  });

  it("shares V8's hidden classes with other reports: no dictionary-mode objects", () => {
    // A dictionary-mode report costs ~1.6 KB more: 160 MB at 100,000 reports. V8's own predicate, by its natives syntax.
    v8.setFlagsFromString('--allow-natives-syntax');
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const [a, b] = [1, 2].map((ino) => entryReport(readEntry(encodeEntry({ ...header, ino }, report))!));
    expect(isDeflated(a!)).toBe(true);
    expect(hasFastProperties(a!)).toBe(true);
    expect(hasFastProperties(b!)).toBe(true);
  });

  it('shows a diagnostic, not an exception, when its detail cannot be inflated', () => {
    const entry = readEntry(encodeEntry(header, report))!;
    const bytes = entry.bytes.slice();
    bytes.fill(0x5a, entry.detail); // readEntry does not check the CRC: the damage reaches the inflating
    const lazy = entryReport(readEntry(bytes)!);
    expect(lazy.applications).toBeNull();
    expect(lazy.diagnostics.map((d) => d.code)).toEqual(['cache-damaged']);
    expect(lazy.title).toBe(report.title);
  });
});

describe('index chunks', () => {
  const files = [
    { path: '/r/a.txt', entry: encodeEntry(header, report) },
    { path: '/r/子目录/b.txt', entry: encodeEntry({ ...header, parser: 'p0' }, report) },
    { path: '/r/c.txt', entry: encodeEntry({ ...header, ino: 7 }, report) },
  ];

  it('round-trip, skipping entries of another parser', () => {
    const decoded = decodeIndexChunk(encodeIndexChunk(files), 'p1')!;
    expect(decoded.map((f) => f.path)).toEqual(['/r/a.txt', '/r/c.txt']);
    expect(decoded[1]!.entry.ino).toBe(7);
    expect(JSON.stringify(entryReport(decoded[0]!.entry))).toBe(JSON.stringify(report));
  });

  it('give reports that keep only their own detail, not the chunk (a Buffer, as the store returns it)', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ path: `/r/${i}.txt`, entry: encodeEntry(header, report) }));
    const chunk = Buffer.from(encodeIndexChunk(many));
    const entry = decodeIndexChunk(chunk, 'p1')![7]!.entry;
    const lazy = entryReport(entry);
    expect(heldBytes(lazy)).toBe(entry.bytes.length - entry.facts);
    // Plain views: every view or copy of a Buffer is a Buffer, and a Buffer's constructor is the slower.
    expect(Buffer.isBuffer(entry.bytes)).toBe(false);
    expect(heldBytes(lazy)).toBeLessThan(chunk.length / 20);
  });

  it('are refused whole when damaged or cut short', () => {
    const chunk = encodeIndexChunk(files);
    const damaged = chunk.slice();
    damaged[chunk.length - 3] = damaged[chunk.length - 3]! ^ 1;
    expect(decodeIndexChunk(damaged, 'p1')).toBeNull();
    expect(decodeIndexChunk(chunk.subarray(0, chunk.length - 100), 'p1')).toBeNull();
    expect(decodeIndexChunk(chunk.subarray(0, 4), 'p1')).toBeNull();
  });
});
