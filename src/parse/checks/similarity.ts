// Compact similarity signatures so copy-of-last-year can compare sections without keeping their text: a bottom-k
// sketch (the 32 smallest distinct hashes of a section's character shingles), whatever its length.
// One hash per shingle: the earlier MinHash mixed each shingle 32 times and was a sixth of the parse.
export const SIGNATURE_SIZE = 32;
const SHINGLE = 3;

/** A 3-character shingle's 32-bit hash: FNV-1a over the three UTF-16 code units, then the murmur3 finaliser. */
export function shingleHash(a: number, b: number, c: number): number {
  let h = 0x811c9dc5;
  h = Math.imul(h ^ a, 0x01000193);
  h = Math.imul(h ^ b, 0x01000193);
  h = Math.imul(h ^ c, 0x01000193);
  // FNV's low bits mix poorly; the finaliser spreads every input bit over the whole word.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const NOT_CONTENT = /[^\p{L}\p{N}]+/gu;
const CONTENT = /^[\p{L}\p{N}]$/u;

/** Only what carries content: CJK, letters, digits. Layout, punctuation and spacing differences do not count. */
export function contentChars(text: string): string {
  return text.replace(NOT_CONTENT, '');
}

// Per BMP code unit: 0 not yet known, 1 content (\p{L} or \p{N}), 2 not. Filled as characters are met, so the
// Unicode tables are asked once per character rather than once per character of every section.
const IS_CONTENT = new Uint8Array(0x10000);

function isContentUnit(code: number): boolean {
  let known = IS_CONTENT[code]!;
  if (known === 0) IS_CONTENT[code] = known = CONTENT.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** Bottom-k state over the content code units of one or more texts, read as if joined (what contentChars keeps). */
class Sketch {
  readonly kept: number[] = [];
  private seen = 0;
  private a = 0;
  private b = 0;

  add(text: string): void {
    // The last two content code units and the count so far in locals: this loop runs over every character.
    let seen = this.seen;
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      let second = -1; // the low surrogate of a content surrogate pair
      if (code >= 0xd800 && code <= 0xdfff) {
        // A surrogate pair is one character: content when the code point is (lone surrogates never are).
        const next = text.charCodeAt(i + 1);
        if (!(code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)) continue;
        i++;
        if (!CONTENT.test(String.fromCharCode(code, next))) continue;
        second = next;
      } else if (!isContentUnit(code)) continue;
      for (;;) {
        if (++seen >= SHINGLE) this.keep(shingleHash(a, b, code));
        a = b;
        b = code;
        if (second === -1) break;
        code = second;
        second = -1;
      }
    }
    this.seen = seen;
    this.a = a;
    this.b = b;
  }

  private keep(h: number): void {
    const kept = this.kept;
    // Once full, almost every hash is above the largest kept one: one comparison per shingle.
    if (kept.length === SIGNATURE_SIZE && h >= kept[SIGNATURE_SIZE - 1]!) return;
    let at = kept.length;
    while (at > 0 && kept[at - 1]! > h) at--;
    if (at > 0 && kept[at - 1] === h) return; // a repeated shingle
    kept.splice(at, 0, h);
    if (kept.length > SIGNATURE_SIZE) kept.pop();
  }
}

/**
 * The text's signature: the SIGNATURE_SIZE smallest distinct hashes of the shingles of its content characters
 * (contentChars), ascending; all of them when it has fewer; [] for text shorter than one shingle.
 */
export function signature(text: string): number[] {
  const sketch = new Sketch();
  sketch.add(text);
  return sketch.kept;
}

/**
 * Estimated Jaccard similarity of the two texts' shingle sets (0-1); null when either is empty. The smallest
 * SIGNATURE_SIZE hashes of the union are a random sample of it, and each sampled hash is in a text's signature
 * exactly when it is in that text: the share found in both estimates the Jaccard index (exact for short texts).
 */
export function similarity(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): number | null {
  if (!a || !b || a.length === 0 || b.length === 0) return null;
  let i = 0;
  let j = 0;
  let sampled = 0;
  let both = 0;
  while (sampled < SIGNATURE_SIZE && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    sampled++;
  }
  return both / sampled;
}

/** Sections whose signatures copy-of-last-year compares; the others are left unsigned to keep memory small. */
export const SIGNED_SECTION_KEYS = ['overview', 'problems'] as const;
const SIGNED_SECTIONS: ReadonlySet<string> = new Set(SIGNED_SECTION_KEYS);

/**
 * Sets `signature` on the compared sections from the normalized lines (1-based section line numbers; the heading
 * line is skipped). For the pipeline: call after segmentation, while the lines are still at hand.
 */
export function signSections(lines: readonly string[], sections: Array<{ key: string; line: number; endLine: number; signature?: number[] }>): void {
  for (const s of sections) {
    if (!SIGNED_SECTIONS.has(s.key)) continue;
    // Line by line, as signature(lines joined by newlines) reads them: a newline is not content.
    const sketch = new Sketch();
    for (let i = s.line; i < s.endLine && i < lines.length; i++) sketch.add(lines[i]!);
    s.signature = sketch.kept;
  }
}
