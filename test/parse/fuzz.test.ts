// Property-based: mutated fixtures (lines deleted, cells swapped, control characters and escape sequences
// inserted, truncation, re-encoding) never make parseReport throw, and no string in the resulting Report carries
// a control character or escape sequence. Input sizes are bounded, so a hang would show as the test timeout.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.js';
import { htmlStringToText } from '../../src/parse/inputs/html.js';

const SEEDS = path.resolve(import.meta.dirname, '../fixtures/seeds');
const seeds = readdirSync(SEEDS).map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));

// Anything a terminal could act on: C0 (but tab/newline), DEL, C1, bidi overrides.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const NASTY = ['\u001b[31m', '\u001b]0;title\u0007', '\u001b[2J', '\u009b1m', '\u0000', '\u0007', '\r', '\u202e', '\u001bc', '\u009d8;;x\u009c', '\u001b'];

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'swap'; at: number }
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = lines.length === 0 ? 0 : m.at % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'swap': {
      const cells = (lines[i] ?? '').split('\t');
      if (cells.length > 1) {
        const k = m.at % (cells.length - 1);
        [cells[k], cells[k + 1]] = [cells[k + 1]!, cells[k]!];
      }
      lines[i] = cells.join('\t');
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.what + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

/** Every string anywhere in the object. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

const input = fc.record({
  seed: fc.nat({ max: seeds.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 12 }),
  encoding: fc.constantFrom('utf-8', 'gb18030', 'big5', 'utf-16le'),
  asHtml: fc.boolean(),
});

describe('parseReport under mutated input', () => {
  it('never throws and leaves no control or escape sequence in any string of the Report', () => {
    fc.assert(
      fc.property(input, ({ seed, mutations, encoding, asHtml }) => {
        let text = mutations.reduce(mutate, seeds[seed]!);
        if (asHtml) text = htmlStringToText(`<table><tr><td>${text.split('\n').join('</td></tr><tr><td>')}</td></tr></table>`);
        const bytes = new Uint8Array(iconv.encode(text, encoding));
        const report = parseReport({ file: 'fuzz.txt', bytes });
        for (const s of strings(report)) expect(s).not.toMatch(UNSAFE);
        expect(report.file).toBe('fuzz.txt');
      }),
      { numRuns: 150, seed: 20250101 },
    );
  });

  it('handles arbitrary bytes the same way', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const report = parseReport({ file: 'noise.txt', bytes });
        for (const s of strings(report)) expect(s).not.toMatch(UNSAFE);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
