// The search box: what is being typed, and the filter kept after Enter. While editing, the list filters on
// the draft as it is typed (fzf-like); Esc puts back the filter that was there before.

export interface SearchState {
  editing: boolean;
  draft: string;
  query: string;
}

export type SearchAction = { type: 'open' } | { type: 'type'; text: string } | { type: 'backspace' } | { type: 'cancel' } | { type: 'accept' } | { type: 'clear' };

export const initialSearchState: SearchState = { editing: false, draft: '', query: '' };

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'open':
      return { ...state, editing: true, draft: state.query };
    case 'type':
      // An IME commits a whole word at once; control characters from a paste are dropped.
      return { ...state, draft: state.draft + action.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '') };
    case 'backspace':
      return { ...state, draft: [...state.draft].slice(0, -1).join('') };
    case 'cancel':
      return { ...state, editing: false, draft: state.query };
    case 'accept':
      return { editing: false, draft: state.draft.trim(), query: state.draft.trim() };
    case 'clear':
      return initialSearchState;
  }
}

/** The text the list is filtered by right now. */
export const activeQuery = (state: SearchState): string => (state.editing ? state.draft : state.query).trim();
