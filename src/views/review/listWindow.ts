// The selection and visible window of a list, as one pure reducer (the ink-ui select pattern): the cursor
// moves, the window follows it, and a resize or a shorter list never leaves either out of range.

export interface ListWindow {
  /** Number of items in the list. */
  count: number;
  /** Selected index; 0 when the list is empty. */
  cursor: number;
  /** First visible index. */
  from: number;
  /** Rows the list may show. */
  size: number;
}

export type ListWindowAction =
  | { type: 'next'; wrap?: boolean }
  | { type: 'prev'; wrap?: boolean }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'pageDown' }
  | { type: 'pageUp' }
  | { type: 'select'; index: number }
  | { type: 'resize'; size: number }
  | { type: 'setCount'; count: number };

export function initialListWindow(count: number, size: number): ListWindow {
  return follow({ count, cursor: 0, from: 0, size: Math.max(1, size) });
}

/** Clamps the cursor to the list and scrolls the window just enough to show it. */
function follow(state: ListWindow): ListWindow {
  const size = Math.max(1, Math.floor(state.size));
  const count = Math.max(0, state.count);
  const cursor = count === 0 ? 0 : Math.min(Math.max(0, state.cursor), count - 1);
  let from = Math.min(state.from, Math.max(0, count - size));
  if (cursor < from) from = cursor;
  if (cursor >= from + size) from = cursor - size + 1;
  return { count, cursor, from: Math.max(0, from), size };
}

export function listWindowReducer(state: ListWindow, action: ListWindowAction): ListWindow {
  const { count, cursor, size } = state;
  switch (action.type) {
    case 'next':
      if (count === 0) return state;
      return follow({ ...state, cursor: cursor + 1 < count ? cursor + 1 : action.wrap ? 0 : cursor });
    case 'prev':
      if (count === 0) return state;
      return follow({ ...state, cursor: cursor > 0 ? cursor - 1 : action.wrap ? count - 1 : 0 });
    case 'first':
      return follow({ ...state, cursor: 0 });
    case 'last':
      return follow({ ...state, cursor: count - 1 });
    case 'pageDown':
      return follow({ ...state, cursor: cursor + size, from: state.from + size });
    case 'pageUp':
      return follow({ ...state, cursor: cursor - size, from: Math.max(0, state.from - size) });
    case 'select':
      return follow({ ...state, cursor: action.index });
    case 'resize':
      return follow({ ...state, size: action.size });
    case 'setCount':
      return follow({ ...state, count: action.count });
  }
}

/** Indices [from, to) of the visible rows. */
export function visibleRange(state: ListWindow): { from: number; to: number } {
  return { from: state.from, to: Math.min(state.count, state.from + state.size) };
}
