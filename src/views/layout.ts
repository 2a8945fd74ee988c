// Screen arithmetic: how the terminal is shared between the list, the detail pane and the status bar.
import type { Focus } from './state/navigation.js';

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
/** Below this width the list and the detail pane take turns instead of sharing the screen. */
export const SIDE_BY_SIDE_COLUMNS = 100;

export interface ScreenLayout {
  tooSmall: boolean;
  columns: number;
  /** Lines Ink draws: one short of the terminal, so Ink never has to clear the whole screen to redraw. */
  height: number;
  /** 0 when the list is hidden. */
  listWidth: number;
  detailWidth: number;
  /** Height of the panes (status bar excluded). */
  paneHeight: number;
}

export function screenLayout(columns: number, rows: number, focus: Focus): ScreenLayout {
  const height = Math.max(1, rows - 1);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const paneHeight = Math.max(3, height - 1);
  if (columns < SIDE_BY_SIDE_COLUMNS) {
    return focus === 'list'
      ? { tooSmall, columns, height, listWidth: columns, detailWidth: 0, paneHeight }
      : { tooSmall, columns, height, listWidth: 0, detailWidth: columns, paneHeight };
  }
  const listWidth = Math.min(48, Math.max(30, Math.floor(columns * 0.3)));
  return { tooSmall, columns, height, listWidth, detailWidth: columns - listWidth, paneHeight };
}
