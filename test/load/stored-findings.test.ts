import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FINDINGS_CHUNK, FolderKey, attachFindings, decodeFindingsChunk, encodeFindingsChunk, findingsOf, type FindingsChunk } from '../../src/load/stored-findings.js';
import type { Anomaly, Report } from '../../src/parse/model.js';

const anomaly = (id: string, message = 'm'): Anomaly => ({ id, severity: 'warning', message, messageZh: '提示', cells: ['a.b'], fingerprint: 'f', related: ['x/2022.txt'] });
const reports = (n: number) => Array.from({ length: n }, () => ({ anomalies: [anomaly('own')] }) as unknown as Report);

describe('folder key', () => {
  const key = (parts: Array<[string, string]>, parser = 'p1', thresholds = 't1') => {
    const k = new FolderKey(parser, thresholds);
    for (const [file, hash] of parts) k.add(file, hash);
    return k.digest();
  };
  it('changes with the parser, the thresholds, any file name or content hash, and their order', () => {
    const base = key([['a.txt', 'h1'], ['b.txt', 'h2']]);
    expect(key([['a.txt', 'h1'], ['b.txt', 'h2']])).toBe(base);
    const others = [
      key([['a.txt', 'h1'], ['b.txt', 'h2']], 'p2'),
      key([['a.txt', 'h1'], ['b.txt', 'h2']], 'p1', 't2'),
      key([['a.txt', 'h1'], ['c.txt', 'h2']]),
      key([['a.txt', 'h1'], ['b.txt', 'h3']]),
      key([['b.txt', 'h2'], ['a.txt', 'h1']]),
      key([['a.txt', 'h1']]),
      // No way to make two lists one by moving a separator.
      key([['a.txt', 'h1b.txt'], ['', 'h2']]),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });

  it('is the SHA-1 of every report in order however it is fed, so the findings stored by a load before are still found', () => {
    // Enough reports that the key is fed to the hash in several pieces.
    const parts = Array.from({ length: 5000 }, (_, i): [string, string] => [`region-${i % 7}/报告-${i}.txt`, (i * 2654435761).toString(16).padStart(40, '0')]);
    const whole = createHash('sha1').update('p1\0t1\0');
    for (const [file, hash] of parts) whole.update(`${file}\0${hash}\n`);
    expect(key(parts)).toBe(`5000-${whole.digest('hex')}`);
  });
});

describe('findings chunks', () => {
  const findings: FindingsChunk = [
    [3, [anomaly('copy-of-last-year', '与 2022 年度报告相似度 95%')]],
    [7, [anomaly('stock-break'), anomaly('missing-year')]],
  ];
  const encoded = encodeFindingsChunk('k1', 0, 2, findings);

  it('decode to what was stored, under the same key and chunk number only', () => {
    expect(decodeFindingsChunk(encoded, 'k1', 0)).toEqual({ chunks: 2, findings });
    expect(decodeFindingsChunk(encoded, 'k2', 0)).toBeNull();
    expect(decodeFindingsChunk(encoded, 'k1', 1)).toBeNull();
    expect(decodeFindingsChunk(encodeFindingsChunk('k1', 2, 2, findings), 'k1', 2)).toBeNull(); // past the count
  });

  it('are refused when damaged, even into other valid JSON', () => {
    const text = Buffer.from(encoded).toString('utf8');
    const digit = Buffer.from(text.replace('[7,', '[8,'), 'utf8'); // still JSON, another report
    expect(digit.length).toBe(encoded.length);
    expect(decodeFindingsChunk(digit, 'k1', 0)).toBeNull();
    expect(decodeFindingsChunk(encoded.subarray(0, encoded.length - 5), 'k1', 0)).toBeNull();
    expect(decodeFindingsChunk(new Uint8Array(0), 'k1', 0)).toBeNull();
    expect(decodeFindingsChunk(Buffer.from('xxgkfind1\tk1\t0\t1\t1\n'), 'k1', 0)).toBeNull(); // CRC not the empty body's
    expect(decodeFindingsChunk(Buffer.from('xxgkfind1\tk1\t0\t1\t0\n'), 'k1', 0)).toEqual({ chunks: 1, findings: [] });
  });

  it('take what the cross-report pass added beyond each report’s own anomalies, and add it back', () => {
    const checked = reports(FINDINGS_CHUNK + 5);
    const own = Uint32Array.from(checked, (r) => r.anomalies.length);
    checked[2]!.anomalies.push(anomaly('stock-break'));
    checked[FINDINGS_CHUNK + 1]!.anomalies.push(anomaly('copy-of-last-year'), anomaly('stock-break'));
    expect(findingsOf(checked, own, 0)).toEqual([[2, [anomaly('stock-break')]]]);
    const second = findingsOf(checked, own, 1);
    expect(second).toEqual([[FINDINGS_CHUNK + 1, [anomaly('copy-of-last-year'), anomaly('stock-break')]]]);

    const fresh = reports(FINDINGS_CHUNK + 5);
    expect(attachFindings(fresh, 1, second)).toBe(true);
    expect(fresh[FINDINGS_CHUNK + 1]!.anomalies.map((a) => a.id)).toEqual(['own', 'copy-of-last-year', 'stock-break']);
    // Read back from the store each has its own cell list; attached, equal lists are one shared array.
    const [, copied, stock] = fresh[FINDINGS_CHUNK + 1]!.anomalies;
    expect(copied!.cells).toBe(stock!.cells);
    // A position outside the chunk is never attached to anyone.
    expect(attachFindings(fresh, 0, second)).toBe(false);
    expect(attachFindings(fresh, 1, [[FINDINGS_CHUNK + 5, []]])).toBe(false);
    // Nor is anything that is not an anomaly, and nothing of its chunk is added.
    const malformed = [[FINDINGS_CHUNK, [anomaly('stock-break')]], [FINDINGS_CHUNK + 2, [{ ...anomaly('x'), cells: 'a.b' }]]] as unknown as FindingsChunk;
    expect(attachFindings(fresh, 1, malformed)).toBe(false);
    expect(attachFindings(fresh, 1, [[FINDINGS_CHUNK, [null]]] as unknown as FindingsChunk)).toBe(false);
    expect(fresh.reduce((n, r) => n + r.anomalies.length, 0)).toBe(FINDINGS_CHUNK + 5 + 2);
  });
});
