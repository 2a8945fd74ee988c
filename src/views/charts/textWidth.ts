// Terminal-column arithmetic. A Chinese character takes two columns, so every pad and cut goes through
// string-width; `.length` would misalign every label that is not ASCII.
import stringWidth from 'string-width';

export { stringWidth };

/** Cuts text to at most `max` columns, ending with … when something was cut. */
export function truncateToWidth(text: string, max: number): string {
  if (max <= 0) return '';
  if (stringWidth(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (used + w > max - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

export function padEndToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function padStartToWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}

/** Cuts, then pads: exactly `width` columns (unless a wide character would straddle the edge). */
export function fitToWidth(text: string, width: number): string {
  return padEndToWidth(truncateToWidth(text, width), width);
}

/** A percentage with one decimal below 10 % (where the decimal matters) and none above. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null) return '—';
  const pct = fraction * 100;
  if (pct > 0 && pct < 10) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}
