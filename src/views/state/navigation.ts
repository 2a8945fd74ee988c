// Where the user is: which pane has focus, which detail tab is open, and the cursor inside each tab.
// `jumpTo` is how the anomalies pane (and n/N) lands on a table cell; see useNavigation().jumpToCell.

export const TAB_IDS = ['overview', 'active', 'applications', 'reviews', 'outcomes', 'anomalies', 'problems', 'review'] as const;
export type TabId = (typeof TAB_IDS)[number];
export type Focus = 'list' | 'detail';

export interface CellCursor {
  row: number;
  /** Data column; -1 is the row label. */
  col: number;
}

export interface NavigationState {
  focus: Focus;
  tab: TabId;
  cursors: Record<TabId, CellCursor>;
  helpOpen: boolean;
  /** The path of the figure last jumped to, highlighted until the cursor moves. */
  jumpedTo: string | null;
}

export type NavigationAction =
  | { type: 'focus'; focus: Focus }
  | { type: 'selectTab'; tab: TabId }
  | { type: 'cycleTab'; direction: 1 | -1 }
  | { type: 'moveRow'; delta: number; rowCount: number }
  | { type: 'rowTo'; row: number; rowCount: number }
  | { type: 'moveCol'; delta: number; colCount: number }
  | { type: 'jumpTo'; tab: TabId; row: number; col: number; path: string }
  | { type: 'toggleHelp' };

const origin = (): CellCursor => ({ row: 0, col: 0 });
export const initialNavigationState: NavigationState = {
  focus: 'list',
  tab: 'overview',
  cursors: Object.fromEntries(TAB_IDS.map((t) => [t, origin()])) as Record<TabId, CellCursor>,
  helpOpen: false,
  jumpedTo: null,
};

export function navigationReducer(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'focus':
      return { ...state, focus: action.focus };
    case 'selectTab':
      return { ...state, tab: action.tab, focus: 'detail' };
    case 'cycleTab': {
      const i = TAB_IDS.indexOf(state.tab);
      const tab = TAB_IDS[(i + action.direction + TAB_IDS.length) % TAB_IDS.length]!;
      return { ...state, tab };
    }
    case 'moveRow':
      return withCursor(state, { ...state.cursors[state.tab], row: clamp(state.cursors[state.tab].row + action.delta, 0, action.rowCount - 1) });
    case 'rowTo':
      return withCursor(state, { ...state.cursors[state.tab], row: clamp(action.row, 0, action.rowCount - 1) });
    case 'moveCol':
      return withCursor(state, { ...state.cursors[state.tab], col: clamp(state.cursors[state.tab].col + action.delta, -1, action.colCount - 1) });
    case 'jumpTo':
      return {
        ...state,
        tab: action.tab,
        focus: 'detail',
        cursors: { ...state.cursors, [action.tab]: { row: action.row, col: action.col } },
        jumpedTo: action.path,
      };
    case 'toggleHelp':
      return { ...state, helpOpen: !state.helpOpen };
  }
}

function withCursor(state: NavigationState, cursor: CellCursor): NavigationState {
  return { ...state, cursors: { ...state.cursors, [state.tab]: cursor }, jumpedTo: null };
}

const clamp = (n: number, lo: number, hi: number) => (hi < lo ? lo : Math.min(hi, Math.max(lo, n)));
