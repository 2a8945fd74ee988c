// Terminal-column arithmetic for the charts and review panes: the same measuring and cutting as every other view
// (components/text.ts), under the names these modules use.
import { fit, truncate, widthOf } from '../components/text.js';

export const stringWidth = widthOf;
export const truncateToWidth = truncate;
export const fitToWidth = (text: string, width: number): string => fit(text, width);

export function padEndToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - widthOf(text)));
}

export function padStartToWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - widthOf(text))) + text;
}
/** A percentage with one decimal below 10 % (where the decimal matters) and none above. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null) return '—';
  const pct = fraction * 100;
  if (pct > 0 && pct < 10) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}
