// The bottom-k signature against the exact Jaccard index of the shingle sets it estimates, on real section texts.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_SIZE, contentChars, shingleHash, signSections, signature, similarity } from '../../../src/parse/checks/similarity.js';
import { normalize } from '../../../src/parse/stages/normalize.js';
import { segment } from '../../../src/parse/stages/segment.js';

const SEEDS = new URL('../../fixtures/seeds/', import.meta.url);

/** Sections 一 and 五 of every seed report, as the pipeline signs them (normalized body lines). */
const sectionTexts: string[] = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => {
    const doc = normalize(readFileSync(new URL(f, SEEDS), 'utf8'));
    return segment(doc)
      .sections.filter((s) => s.key === 'overview' || s.key === 'problems')
      .map((s) => doc.lines.slice(s.line, s.endLine).join('\n'));
  })
  .filter((t) => contentChars(t).length >= 200);

function shingles(text: string): Set<string> {
  const chars = contentChars(text);
  const set = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3));
  return set;
}

function jaccard(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  let both = 0;
  for (const s of sa) if (sb.has(s)) both++;
  return both / (sa.size + sb.size - both);
}

/** Keeps every `keep`-th sentence out of `of` and rewrites a figure: a partly copied section. */
function partlyRewritten(text: string, of: number, drop: number): string {
  return text
    .split('。')
    .filter((_, i) => i % of !== drop)
    .join('。')
    .replace(/\d+/g, (d) => String(Number(d) + 7));
}

describe('signature', () => {
  it('uses real sections long enough to sample', () => {
    expect(sectionTexts.length).toBeGreaterThanOrEqual(5);
  });

  it('estimates the Jaccard index of real sections within 0.1', () => {
    const pairs: Array<[string, string]> = [];
    for (const t of sectionTexts) {
      pairs.push([t, t.replace(/20\d\d/g, (y) => String(Number(y) + 1))]); // copied, years moved on
      pairs.push([t, partlyRewritten(t, 3, 1)]); // a third of the sentences dropped
      pairs.push([t, partlyRewritten(t, 2, 0)]); // half dropped
    }
    for (let i = 0; i + 1 < sectionTexts.length; i++) pairs.push([sectionTexts[i]!, sectionTexts[i + 1]!]); // unrelated
    for (const [a, b] of pairs) {
      const exact = jaccard(a, b);
      const estimate = similarity(signature(a), signature(b))!;
      expect(Math.abs(estimate - exact), `exact ${exact.toFixed(3)}, estimated ${estimate.toFixed(3)}`).toBeLessThanOrEqual(0.1);
    }
  });

  it('is exact for texts with fewer shingles than the signature holds', () => {
    const a = '今年主动公开信息一百条';
    const b = '今年主动公开信息二百条';
    expect(signature(a).length).toBeLessThan(SIGNATURE_SIZE);
    expect(similarity(signature(a), signature(b))).toBeCloseTo(jaccard(a, b), 10);
  });

  it('holds the smallest distinct shingle hashes, ascending, whatever the layout', () => {
    for (const t of sectionTexts) {
      const sig = signature(t);
      expect(sig).toHaveLength(SIGNATURE_SIZE);
      expect([...sig].sort((x, y) => x - y)).toEqual(sig);
      expect(new Set(sig).size).toBe(sig.length);
      expect(signature(t.replace(/\n/g, ' ， '))).toEqual(sig);
    }
    // Astral letters are content; lone surrogates and punctuation are not.
    expect(signature('𠀀𠀁甲乙')).toEqual(signature('𠀀,𠀁\ud800甲。乙'));
  });

  it('equals the definition: the smallest distinct hashes of the shingles of contentChars', () => {
    const reference = (text: string): number[] => {
      const c = contentChars(text);
      const hashes = new Set<number>();
      for (let i = 0; i + 3 <= c.length; i++) hashes.add(shingleHash(c.charCodeAt(i), c.charCodeAt(i + 1), c.charCodeAt(i + 2)));
      return [...hashes].sort((x, y) => x - y).slice(0, SIGNATURE_SIZE);
    };
    for (const t of [...sectionTexts, '𠀀𠀁甲乙丙', 'ab𠀀\ud800c—d', '短', '']) expect(signature(t)).toEqual(reference(t));
  });

  it('signs a section line by line exactly as its joined text', () => {
    const lines = sectionTexts[0]!.split('\n');
    const sections = [{ key: 'overview', line: 0, endLine: lines.length, signature: undefined as number[] | undefined }];
    signSections(lines, sections);
    expect(sections[0]!.signature).toEqual(signature(sectionTexts[0]!));
  });
});
