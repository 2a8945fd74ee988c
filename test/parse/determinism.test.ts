// The parser's speed-ups must not change what it reads. Each shortcut is checked against the slow definition it
// replaces, and parseReport is checked to give the same Report whatever it parsed before (module-level caches
// and tables filled lazily must never leak one report into another).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import chardet from 'chardet';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.js';
import { analyseCandidates } from '../../src/parse/stages/decode.js';
import { detectScript, normalize, normalizeLine } from '../../src/parse/stages/normalize.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const fixtureFiles = ['seeds', 'variants', 'realistic']
  .flatMap((d) => {
    try {
      return readdirSync(path.join(FIXTURES, d)).map((f) => path.join(FIXTURES, d, f));
    } catch {
      return [];
    }
  })
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seedTexts = readdirSync(path.join(FIXTURES, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(FIXTURES, 'seeds', f), 'utf8'));

// ── decode: four chardet recognisers instead of all of them ─────────────────────

const DECIDING = new Set(['UTF-16LE', 'UTF-16BE', 'Big5', 'GB18030']);

/** What chardet.analyse says about the encodings decode can pick, in its order. */
function fullAnalysis(bytes: Uint8Array): string[] {
  return chardet
    .analyse(bytes)
    .filter((m) => DECIDING.has(m.name))
    .map((m) => `${m.name}:${m.confidence}`);
}
const fastAnalysis = (bytes: Uint8Array): string[] => analyseCandidates(bytes).map((m) => `${m.name}:${m.confidence}`);

describe('decode: the restricted chardet analysis', () => {
  it('ranks the deciding encodings as chardet.analyse does, for the seeds in every legacy encoding', () => {
    let compared = 0;
    for (const text of seedTexts) {
      for (const encoding of ['gb18030', 'gbk', 'big5', 'utf-16le', 'utf-16be']) {
        const bytes = iconv.encode(text, encoding);
        expect(fastAnalysis(bytes)).toEqual(fullAnalysis(bytes));
        compared++;
      }
    }
    expect(compared).toBe(seedTexts.length * 5);
  });

  it('ranks them alike for arbitrary bytes and for truncated or spliced Chinese text', () => {
    const gbk = iconv.encode(seedTexts[0]!, 'gbk');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(), fc.nat(), (noise, a, b) => {
        const from = a % gbk.length;
        const spliced = Uint8Array.from([...gbk.subarray(from, from + (b % 600)), ...noise]);
        expect(fastAnalysis(noise)).toEqual(fullAnalysis(noise));
        expect(fastAnalysis(spliced)).toEqual(fullAnalysis(spliced));
      }),
      { numRuns: 150 },
    );
  });
});

// ── normalize: per-character script detection with an exact fallback ──────────

const converter = OpenCC.Converter({ from: 'tw', to: 'cn' });
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** The definition: convert the first 3000 CJK characters, count the positions that changed. */
function referenceScript(text: string): 'traditional' | 'simplified' {
  const sample = (text.match(CJK) ?? []).slice(0, 3000).join('');
  if (sample.length === 0) return 'simplified';
  const converted = converter(sample);
  let changed = 0;
  for (let i = 0; i < Math.min(sample.length, converted.length); i++) if (sample[i] !== converted[i]) changed++;
  return changed / sample.length > 0.03 ? 'traditional' : 'simplified';
}

describe('normalize: detectScript', () => {
  it('agrees with converting the sample for every fixture', () => {
    const scripts = fixtureFiles.map((f) => {
      const text = new TextDecoder().decode(readFileSync(f));
      expect(detectScript(text), f).toBe(referenceScript(text));
      return detectScript(text);
    });
    expect(scripts).toContain('traditional');
    expect(scripts).toContain('simplified');
  });

  it('agrees with it for Simplified text with any share of Traditional passages, near the threshold too', () => {
    const simplified = seedTexts[0]!;
    const traditional = readFileSync(path.join(FIXTURES, 'seeds', '001_3c37fa3851a0a726.txt'), 'utf8');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 120 })), { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces
          .map(([trad, at, len]) => {
            const source = trad ? traditional : simplified;
            const from = at % source.length;
            return source.slice(from, from + len);
          })
          .join('');
        expect(detectScript(text)).toBe(referenceScript(text));
      }),
      { numRuns: 300 },
    );
  });
});

// ── normalize: lines without a CJK character skip the converter ────────────────

/** Every character any dictionary of opencc's tw→cn conversion has in a key (what the converter can change). */
function dictionaryKeyCharacters(): Set<string> {
  const config = (OpenCC as unknown as { Locale: { configs: Record<string, Record<string, unknown>> } }).Locale.configs.tw2s!;
  const chars = new Set<string>();
  const visit = (d: unknown): void => {
    if (typeof d === 'string') {
      for (const entry of d.split('|')) for (const ch of entry.split(' ')[0]!) chars.add(ch);
    } else if (Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && typeof d[1] === 'string' && !d[0].includes('|')) {
      for (const ch of d[0]) chars.add(ch);
    } else if (Array.isArray(d)) {
      d.forEach(visit);
    }
  };
  visit([config.normalizationChain, config.segmentation, config.conversionChain]);
  return chars;
}

describe('normalize: Traditional text', () => {
  it('converts only what the dictionaries can change: every key character is a CJK ideograph', () => {
    const keys = dictionaryKeyCharacters();
    expect(keys.size).toBeGreaterThan(1000);
    const outside = [...keys].filter((ch) => !/^(?:[\u3400-\u9fff\uf900-\ufaff]|[\ud800-\udbff][\udc00-\udfff])$/.test(ch));
    expect(outside).toEqual([]);
  });

  it('gives every line of a Traditional report as converting each line would', () => {
    let compared = 0;
    for (const file of fixtureFiles) {
      const text = new TextDecoder().decode(readFileSync(file));
      const doc = normalize(text);
      if (doc.script !== 'traditional') continue;
      const reference = doc.original.map((line) => normalizeLine(converter(line)));
      expect(doc.lines, file).toEqual(reference);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(2); // seed 001 and variant 000-traditional
  });
});

// ── parseReport: no state carried between reports ────────────────────────────

describe('parseReport: independent of what was parsed before', () => {
  it('gives the same Report for every fixture whether parsed first, last or twice', () => {
    const inputs = fixtureFiles.map((f) => ({ file: path.relative(FIXTURES, f), bytes: readFileSync(f) }));
    const forward = inputs.map((input) => JSON.stringify(parseReport(input)));
    const backward = [...inputs].reverse().map((input) => JSON.stringify(parseReport(input))).reverse();
    const again = inputs.map((input) => JSON.stringify(parseReport(input)));
    expect(backward).toEqual(forward);
    expect(again).toEqual(forward);
    expect(forward.length).toBeGreaterThanOrEqual(18);
  });
});
