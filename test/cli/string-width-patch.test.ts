// The explorer bundle's string-width tests a grapheme for RGI emoji without building the full pattern when the
// grapheme is one code point (scripts/bundle.mjs, RGI_EMOJI_TEST): it must answer exactly as the pattern does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { RGI_EMOJI_TEST } from '../../scripts/bundle.mjs';
import { ROOT, ensureBuilt } from './run.js';

const lazy = new Function(`return ${RGI_EMOJI_TEST as string};`)() as { test(segment: string): boolean; full: RegExp | null };
const full = new RegExp('^\\p{RGI_Emoji}$', 'v');

describe('string-width in the explorer bundle: the RGI emoji test', () => {
  it('answers as /^\\p{RGI_Emoji}$/v on every code point, lone surrogates included, without building that pattern', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const segment = String.fromCodePoint(cp);
      if (lazy.test(segment) !== full.test(segment)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(lazy.full).toBeNull();
  });

  it('answers as the pattern on clusters of every kind of emoji sequence, and of none', () => {
    const clusters = [
      '🇨🇳', // flag: two regional indicators
      '🇨', // one regional indicator alone: not RGI
      '#️⃣', '1️⃣', '1⃣', // keycaps, fully and minimally qualified
      '👍🏽', '🏽', // modifier sequence; a modifier alone
      '👨‍👩‍👧‍👦', '🏳️‍🌈', '👩🏾‍💻', // ZWJ sequences
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿', // tag sequence (Scotland)
      '✖️', '✖', '☺️', '☺', '©️', '©', // text-default emoji with and without VS16
      '😀', '😀\uFE0E', // emoji presentation, then text presentation asked for
      'é', '각', '\r\n', 'ก่', '中\u0301', 'a\u200Db', // clusters that are no emoji
    ];
    for (const cluster of clusters) expect(lazy.test(cluster), JSON.stringify(cluster)).toBe(full.test(cluster));
  });

  it('is what the built explorer bundle uses: the full pattern is built only inside the test, on demand', () => {
    ensureBuilt();
    const bundle = readFileSync(path.join(ROOT, 'dist/views/explorer.script.js'), 'utf8');
    expect(bundle).toContain('this.full??=new RegExp("^\\\\p{RGI_Emoji}$","v")');
    expect(bundle.split('p{RGI_Emoji}$"').length - 1).toBe(1);
  });
});
