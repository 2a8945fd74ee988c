// Compact similarity signatures (MinHash over character shingles) so copy-of-last-year can compare sections
// without keeping their text: 32 small integers per section, whatever its length.
export const SIGNATURE_SIZE = 32;
const SHINGLE = 3;

/** FNV-1a, 32-bit. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3 finaliser) keyed by a seed: one independent hash function per seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Only what carries content: CJK, letters, digits. Layout, punctuation and spacing differences do not count. */
export function contentChars(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** MinHash signature of a text; [] for text shorter than one shingle (nothing to compare). */
export function signature(text: string): number[] {
  const chars = contentChars(text);
  if (chars.length < SHINGLE) return [];
  const mins = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= chars.length; i++) {
    const h = hashString(chars.slice(i, i + SHINGLE));
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix(h, k + 1);
      if (v < mins[k]!) mins[k] = v;
    }
  }
  return mins;
}

/** Estimated Jaccard similarity of the two texts' shingle sets (0-1); null when either is empty or sizes differ. */
export function similarity(a: readonly number[] | undefined, b: readonly number[] | undefined): number | null {
  if (!a || !b || a.length === 0 || a.length !== b.length) return null;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Sections whose signatures copy-of-last-year compares; the others are left unsigned to keep memory small. */
export const SIGNED_SECTIONS: ReadonlySet<string> = new Set(['overview', 'problems']);

/**
 * Sets `signature` on the compared sections from the normalized lines (1-based section line numbers; the heading
 * line is skipped). For the pipeline: call after segmentation, while the lines are still at hand.
 */
export function signSections(lines: readonly string[], sections: Array<{ key: string; line: number; endLine: number; signature?: number[] }>): void {
  for (const s of sections) {
    if (!SIGNED_SECTIONS.has(s.key)) continue;
    s.signature = signature(lines.slice(s.line, s.endLine).join('\n'));
  }
}
