// Width arithmetic for the terminal. Every width in the views is measured with string-width, because a CJK
// character takes two columns and `string.length` would misalign every table and truncate mid-character.
import stringWidth from 'string-width';
import { sanitizeInline } from '../../parse/sanitize.js';

export const ELLIPSIS = '…';

/**
 * Printable ASCII and CJK Unified Ideographs only: one column per ASCII character, two per ideograph (the whole
 * block U+4E00-U+9FFF is East Asian Wide; text.test.ts checks every one against string-width). Labels, figures,
 * file names and most names of bodies and titles are such text, counted without a segmenter: 10,000 distinct names
 * in a summary table take milliseconds instead of 200.
 */
const ASCII_AND_IDEOGRAPHS = /^[\x20-\x7e\u4e00-\u9fff]*$/;
/** Widths already measured. string-width segments graphemes and tests each against an emoji pattern, and a frame
 *  measures the same labels, titles and single characters again and again: while a big folder loads, measuring
 *  was the largest part of drawing. Bounded: cleared when full. */
const measured = new Map<string, number>();
const MEASURED_MAX = 20_000;

/** Columns `text` takes in a terminal. */
export function widthOf(text: string): number {
  if (ASCII_AND_IDEOGRAPHS.test(text)) {
    let width = text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) width++;
    return width;
  }
  let width = measured.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (measured.size >= MEASURED_MAX) measured.clear();
    measured.set(text, width);
  }
  return width;
}

/** Cuts `text` to at most `max` columns, ending with `…` when cut; never splits a wide character. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (widthOf(text) <= max) return text;
  const room = max - widthOf(ELLIPSIS);
  let out = '';
  let used = 0;
  for (const ch of graphemes(text)) {
    const w = widthOf(ch);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return room >= 0 ? out + ELLIPSIS : '';
}

/** Cuts `text` to at most `max` columns from the left, starting with `…` when cut: keeps a path's file name. */
export function truncateStart(text: string, max: number): string {
  if (max <= 0) return '';
  if (widthOf(text) <= max) return text;
  const room = max - widthOf(ELLIPSIS);
  if (room < 0) return '';
  const chars = [...graphemes(text)];
  let out = '';
  let used = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = widthOf(chars[i]!);
    if (used + w > room) break;
    out = chars[i]! + out;
    used += w;
  }
  return ELLIPSIS + out;
}

/** Pads (after truncating) to exactly `width` columns. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const gap = ' '.repeat(Math.max(0, width - widthOf(cut)));
  return align === 'right' ? gap + cut : cut + gap;
}

/** Report text made safe for one terminal line. */
export const clean = (text: string | null | undefined): string => (text ? sanitizeInline(text) : '');

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
function* graphemes(text: string): Generator<string> {
  for (const s of segmenter.segment(text)) yield s.segment;
}
