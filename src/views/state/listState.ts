// A list's cursor and the window of rows it shows, in one reducer (as Shopify's cli-kit lists do): the window
// follows the cursor with the least scrolling, and survives the list growing while reports stream in.

export interface ListState {
  cursor: number;
  /** Index of the first row shown. */
  offset: number;
  count: number;
  /** Rows that fit on screen. */
  height: number;
}

export type ListAction =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'page'; direction: 1 | -1 }
  | { type: 'select'; index: number }
  | { type: 'setCount'; count: number }
  | { type: 'setHeight'; height: number };

export const initialListState = (count = 0, height = 10): ListState => settle({ cursor: 0, offset: 0, count, height });

export function listReducer(state: ListState, action: ListAction): ListState {
  const next = applyListAction(state, action);
  // The same object when nothing moved, so React skips the re-render (reports stream in ten times a second).
  return next.cursor === state.cursor && next.offset === state.offset && next.count === state.count && next.height === state.height ? state : next;
}

function applyListAction(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'move':
      return settle({ ...state, cursor: state.cursor + action.delta });
    case 'first':
      return settle({ ...state, cursor: 0 });
    case 'last':
      return settle({ ...state, cursor: state.count - 1 });
    case 'page':
      return settle({ ...state, cursor: state.cursor + action.direction * Math.max(1, state.height - 1), offset: state.offset + action.direction * Math.max(1, state.height - 1) });
    case 'select':
      return settle({ ...state, cursor: action.index });
    case 'setCount':
      return settle({ ...state, count: Math.max(0, action.count) });
    case 'setHeight':
      return settle({ ...state, height: Math.max(1, action.height) });
  }
}

/** Clamps the cursor into the list and scrolls the window just enough to show it. */
function settle(state: ListState): ListState {
  const cursor = state.count === 0 ? 0 : clamp(state.cursor, 0, state.count - 1);
  const maxOffset = Math.max(0, state.count - state.height);
  let offset = clamp(state.offset, 0, maxOffset);
  if (cursor < offset) offset = cursor;
  if (cursor >= offset + state.height) offset = cursor - state.height + 1;
  return { ...state, cursor, offset };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** The indexes in view. */
export const visibleRange = (state: ListState): { start: number; end: number } => ({ start: state.offset, end: Math.min(state.count, state.offset + state.height) });
