// Inputs far outside what a report looks like must still parse: a 1 MB single line and 200,000 short lines.
// No timing assertion; a pattern that backtracks catastrophically (quadratic on a long run of digits) would
// take minutes and the test timeout catches it.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const internalErrors = (file: string, text: string) =>
  parseReport({ file, bytes: encode(text) }).diagnostics.filter((d) => d.code === 'internal-error');

describe('huge inputs', () => {
  it('parses a 1 MB single line of prose and figures, reading a sentence after it', () => {
    const line = '政府信息公开'.repeat(60_000) + ' 1 2 3 4 5 '.repeat(20_000);
    const text = `${line}。本年度共收到政府信息公开申请7件。\n`;
    expect(text.length).toBeGreaterThan(500_000);
    const report = parseReport({ file: 'huge-line.txt', bytes: encode(text) });
    expect(report.narrative.applicationsReceived?.value).toBe(7);
    expect(report.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
  });

  it('parses a 1 MB run of digits, of Chinese numerals and of cells', () => {
    expect(internalErrors('digits.txt', '1'.repeat(1_000_000))).toEqual([]);
    expect(internalErrors('numerals.txt', '一'.repeat(400_000) + '件结转下年度')).toEqual([]);
    expect(internalErrors('cells.txt', '1\t'.repeat(300_000))).toEqual([]);
    expect(internalErrors('pipes.txt', '| 1 '.repeat(250_000))).toEqual([]);
  });

  it('parses a table row of 200,000 spaced figures that ends in a word', () => {
    const text = `三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 ${'1 '.repeat(200_000)}件\n`;
    const report = parseReport({ file: 'long-row.txt', bytes: encode(text) });
    expect(report.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
    expect(report.applications).toBeNull();
  });

  it('parses 200,000 short lines', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 2 === 0 ? '' : `共收到政府信息公开申请${i}件`));
    const report = parseReport({ file: 'many-lines.txt', bytes: encode(lines.join('\n')) });
    expect(report.narrative.applicationsReceived?.value).toBe(1);
    expect(report.narrativeMentions.length).toBeGreaterThan(1000);
  });

  it('parses 200,000 one-cell lines', () => {
    const cells = Array.from({ length: 200_000 }, (_, i) => String(i % 10)).join('\n');
    expect(internalErrors('many-cells.txt', cells)).toEqual([]);
  });
});
