// What the panes of tui-extras (charts/, review/) may ask of the explorer. Read it with useExplorer().
//   jumpToCell('applications.granted.total') opens the tab that shows that figure of the selected report and
//   puts the cursor on it (a path that is not a table figure, such as `publishedAt`, opens the overview).
//   focused: whether the pane is the one receiving keys, so it can show its own cursor.
import { createContext, useContext } from 'react';

export interface ExplorerActions {
  jumpToCell: (path: string) => void;
  /** Shows a line in the status bar for a few seconds. */
  notify: (message: string) => void;
  focused: boolean;
}

export const ExplorerContext = createContext<ExplorerActions>({ jumpToCell: () => {}, notify: () => {}, focused: false });
export const useExplorer = (): ExplorerActions => useContext(ExplorerContext);
