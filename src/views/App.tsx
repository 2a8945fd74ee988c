// The explorer's composition root: state per concern (corpus, list, search, navigation), one input handler that
// turns keys into keymap commands, and the layout. Each pane is its own component.
import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { LoadEvent } from '../load/types.js';
import type { Anomaly, Report } from '../parse/model.js';
import type { DecisionStore } from '../settings/decisions.js';
import type { Lang } from '../settings/settings.js';
import { stepAnomaly } from './anomalySteps.js';
import { DetailPane } from './components/DetailPane.js';
import { HelpOverlay, helpLayout } from './components/HelpOverlay.js';
import { LoadProgress } from './components/LoadProgress.js';
import { Pane, paneInner } from './components/Pane.js';
import { ReportList, reportName } from './components/ReportList.js';
import { SearchBox } from './components/SearchBox.js';
import { StatusBar } from './components/StatusBar.js';
import { clean, truncate } from './components/text.js';
import { useFilteredReports } from './hooks/useFilteredReports.js';
import { useLoadEvents } from './hooks/useLoadEvents.js';
import { useMessage } from './hooks/useMessage.js';
import { useTerminalSize, type Size } from './hooks/useTerminalSize.js';
import { LangContext } from './i18n.js';
import { buildKeyMap, type Command, type KeyBindings } from './keys/keyBindings.js';
import { hints, keysLabel } from './keys/keyDocs.js';
import { commandFor } from './keys/matchKey.js';
import { screenLayout } from './layout.js';
import type { ExplorerActions } from './navigationContext.js';
import { ReviewQueue } from './review/ReviewQueue.js';
import { REVIEW_HINT_COMMANDS, reviewBindingsFor, reviewCommandOf } from './review/reviewKeys.js';
import { initialListState, listReducer, type ListAction, type ListState } from './state/listState.js';
import { initialNavigationState, navigationReducer, type NavigationState } from './state/navigation.js';
import { activeQuery, initialSearchState, searchReducer } from './state/searchState.js';
import { locateCell } from './tabs/tableData.js';
import { isTableTab, tableForTab } from './tabs/tableTabs.js';
import { TABS, tabFor } from './tabs/tabs.js';
import { overviewLineCount } from './tabs/OverviewTab.js';
import { ThemeContext, type Theme } from './theme.js';

export interface AppProps {
  events: AsyncIterable<LoadEvent>;
  /** Events that arrived before the explorer was drawn (runTui takes them), shown from the first frame. */
  initialEvents?: readonly LoadEvent[];
  bindings: KeyBindings;
  /** Problems with the user's key overrides, shown once at start. */
  keyErrors?: string[];
  lang: Lang;
  theme: Theme;
  onLangChange?: (lang: Lang) => void;
  /** Fixed size for tests; otherwise the terminal's. */
  size?: Size;
  /** Where reviewer decisions are kept (created once by runTui); null or absent: the queue does not save. */
  decisions?: DecisionStore | null;
}

const LIST_HINTS: readonly Command[] = ['down', 'enter', 'search', 'nextTab', 'nextAnomaly', 'help', 'quit'];
const DETAIL_HINTS: readonly Command[] = ['down', 'right', 'nextTab', 'nextAnomaly', 'enter', 'back', 'help'];

export function App({ events, initialEvents, bindings, keyErrors = [], lang: initialLang, theme, onLangChange, size: fixedSize, decisions = null }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const size = fixedSize ?? terminal;
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const keymap = useMemo(() => buildKeyMap(bindings), [bindings]);
  const reviewBindings = useMemo(() => reviewBindingsFor(keymap), [keymap]);

  const { corpus, cancel: cancelLoad } = useLoadEvents(events, undefined, initialEvents);
  const loading = !corpus.finished;
  const [searchState, searchDispatch] = useReducer(searchReducer, initialSearchState);
  const query = activeQuery(searchState);
  const filtered = useFilteredReports(corpus.reports, query);
  const [nav, navDispatch] = useReducer(navigationReducer, initialNavigationState);
  // The list as drawn counts the reports drawn: the stored count catches up in an effect, one render later, but the
  // frame that first has reports (the one a person waits for at start) must already show them, and a key pressed
  // on that frame must move over them (React runs the reducer of the latest render).
  const shownCount = filtered.length;
  const [listState, listDispatch] = useReducer((state: ListState, action: ListAction) => listReducer(withCount(state, shownCount), action), undefined, () => initialListState());
  const list = withCount(listState, shownCount);
  const [message, notify] = useMessage();
  // Whether keys go to the search box, known at once: the next chunk of input can arrive before React re-renders.
  const searchOpen = useRef(false);
  const openSearch = (initial = '') => {
    searchOpen.current = true;
    searchDispatch({ type: 'open' });
    if (initial) searchDispatch({ type: 'type', text: initial });
  };
  // While the queue's note input is open every key is text, known at once for the same reason.
  const textEntry = useRef(false);
  // A report to select once a cleared search has put it back in the list (Enter in the queue).
  const pendingFile = useRef<string | null>(null);
  // The queue stays mounted once opened, so its cursor and filters survive a trip to a report and back.
  const [reviewMounted, setReviewMounted] = useState(false);
  const [helpTop, setHelpTop] = useState(0);
  // Where n/N last landed; it counts only while that report is selected.
  const [anomalyAt, setAnomalyAt] = useState<{ file: string; index: number } | null>(null);

  // While loading, a progress line sits above the status bar and the panes give it a row.
  const screen = screenLayout(size.columns, size.rows, nav.focus);
  const layout = { ...screen, paneHeight: Math.max(3, screen.paneHeight - (loading ? 1 : 0)) };
  const showSearch = searchState.editing || searchState.query !== '';
  const listInner = paneInner(layout.listWidth, layout.paneHeight);
  const listHeight = Math.max(1, listInner.height - (showSearch ? 1 : 0));
  const report = filtered[list.cursor] ?? null;
  const anomalyIndex = anomalyAt && report && anomalyAt.file === report.file ? anomalyAt.index : -1;
  const reviewOpen = nav.tab === 'review' && nav.focus === 'detail';
  useEffect(() => {
    if (reviewOpen && !reviewMounted) setReviewMounted(true);
  }, [reviewOpen, reviewMounted]);

  useEffect(() => listDispatch({ type: 'setHeight', height: listHeight }), [listHeight]);

  // Keep the selected report selected while reports stream in; a new query starts at its best match.
  // The cursor was moved on the list as it was drawn (`shownList`), so that list says which report it is on —
  // a key and a batch of reports can land in the same render.
  const shownList = useRef<Report[]>(filtered);
  const lastQuery = useRef(query);
  useEffect(() => {
    const before = shownList.current;
    shownList.current = filtered;
    if (listState.count !== filtered.length) listDispatch({ type: 'setCount', count: filtered.length });
    const pending = pendingFile.current === null ? -1 : filtered.findIndex((r) => r.file === pendingFile.current);
    if (pending >= 0) pendingFile.current = null;
    const index = pending >= 0 ? pending : lastQuery.current !== query ? 0 : sameReportIndex(before, filtered, list.cursor);
    lastQuery.current = query;
    if (index !== list.cursor) listDispatch({ type: 'select', index });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filtered, query]);

  useEffect(() => {
    if (corpus.cancelled) notify(t(`已取消读取：保留已读取的 ${corpus.done} 个文件。`, `Loading cancelled at ${corpus.done} files; what was loaded is kept.`));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [corpus.cancelled]);

  useEffect(() => {
    if (decisions?.problem) notify(t(decisions.problem.messageZh, decisions.problem.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (keyErrors.length > 0) notify(t(`按键设置有误，已使用默认按键：${keyErrors[0]}`, `Key settings ignored: ${keyErrors[0]}`));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const actions: ExplorerActions = {
    focused: nav.focus === 'detail',
    notify,
    jumpToCell: (path) => {
      if (!report) return;
      const at = locateCell(report, path);
      navDispatch({ type: 'jumpTo', tab: at.tab, row: at.row, col: at.col, path });
    },
  };

  const rowCount = (): number => {
    if (nav.tab === 'problems') return corpus.problems.length;
    if (!report) return 0;
    if (nav.tab === 'overview') return overviewLineCount(report, lang);
    return tableForTab(nav.tab, report, lang, layout.detailWidth)?.rows.length ?? 0;
  };
  const colCount = (): number => (report ? (tableForTab(nav.tab, report, lang, layout.detailWidth)?.columns.length ?? 0) : 0);
  // The outcome and anomaly panes (tui-extras) move their own cursors.
  const paneOwnsMoves = nav.focus === 'detail' && (nav.tab === 'outcomes' || nav.tab === 'anomalies');

  const move = (command: Command) => {
    const page = Math.max(1, layout.paneHeight - 5);
    if (nav.focus === 'list') {
      const listAction = {
        up: { type: 'move', delta: -1 },
        down: { type: 'move', delta: 1 },
        top: { type: 'first' },
        bottom: { type: 'last' },
        pageUp: { type: 'page', direction: -1 },
        pageDown: { type: 'page', direction: 1 },
      } as const;
      if (command in listAction) listDispatch(listAction[command as keyof typeof listAction]);
      return;
    }
    const rows = rowCount();
    const deltas: Partial<Record<Command, number>> = { up: -1, down: 1, pageUp: -page, pageDown: page };
    if (command === 'top') navDispatch({ type: 'rowTo', row: 0, rowCount: rows });
    else if (command === 'bottom') navDispatch({ type: 'rowTo', row: rows - 1, rowCount: rows });
    else if (command === 'left' || command === 'right') navDispatch({ type: 'moveCol', delta: command === 'left' ? -1 : 1, colCount: colCount() });
    else if (deltas[command] !== undefined) navDispatch({ type: 'moveRow', delta: deltas[command]!, rowCount: rows });
  };

  const stepAnomalies = (direction: 1 | -1) => {
    const step = stepAnomaly(filtered, list.cursor, anomalyIndex, direction);
    if (!step) return notify(t('没有异常。', 'No anomalies.'));
    const target = filtered[step.reportIndex]!;
    if (step.reportIndex !== list.cursor) listDispatch({ type: 'select', index: step.reportIndex });
    const path = step.anomaly.cells[0];
    const at = path ? locateCell(target, path) : { tab: 'anomalies' as const, row: 0, col: 0 };
    navDispatch({ type: 'jumpTo', tab: at.tab, row: at.row, col: at.col, path: path ?? '' });
    setAnomalyAt({ file: target.file, index: step.anomalyIndex });
    const n = `${step.anomalyIndex + 1}/${target.anomalies.length}`;
    notify(`${theme.symbols[step.anomaly.severity]} ${n} ${clean(lang === 'zh' ? step.anomaly.messageZh : step.anomaly.message)}`);
  };

  /** Enter in the review queue: select the anomaly's report (clearing a search that hides it) and land on its cell. */
  const openAnomaly = (target: Report, anomaly: Anomaly) => {
    const index = filtered.findIndex((r) => r.file === target.file);
    if (index >= 0) listDispatch({ type: 'select', index });
    else {
      pendingFile.current = target.file;
      searchDispatch({ type: 'clear' });
    }
    const path = anomaly.cells[0];
    const at = path ? locateCell(target, path) : { tab: 'anomalies' as const, row: 0, col: 0 };
    navDispatch({ type: 'jumpTo', tab: at.tab, row: at.row, col: at.col, path: path ?? '' });
    setAnomalyAt({ file: target.file, index: target.anomalies.indexOf(anomaly) });
    notify(`${theme.symbols[anomaly.severity]} ${clean(lang === 'zh' ? anomaly.messageZh : anomaly.message)}`);
  };

  const inspect = () => {
    if (nav.focus === 'list') return navDispatch({ type: 'focus', focus: 'detail' });
    if (nav.tab === 'problems') {
      const p = corpus.problems[nav.cursors.problems.row];
      if (p) notify(`${clean(p.file)}: ${clean(lang === 'zh' ? p.messageZh : p.message)}`);
      return;
    }
    if (!report || !isTableTab(nav.tab)) return;
    const table = tableForTab(nav.tab, report, lang, layout.detailWidth);
    const cursor = nav.cursors[nav.tab];
    const row = table?.rows[cursor.row];
    const cell = row?.cells[cursor.col];
    if (!row || !cell?.path) return;
    const named = report.anomalies.filter((a) => a.cells.some((c) => c === cell.path || cell.path!.startsWith(c + '.')));
    const about = named.map((a) => `${theme.symbols[a.severity]} ${clean(lang === 'zh' ? a.messageZh : a.message)}`).join('  ');
    notify(`${row.label.trim()} · ${table!.columns[cursor.col]?.header ?? ''} = ${cell.text}  (${cell.path})${about ? '  ' + about : ''}`);
  };

  /** The help overlay scrolls when its columns are taller than the screen (80×24). */
  const scrollHelp = (command: Command) => {
    const { bodyHeight, maxTop } = helpLayout(bindings, lang, size.columns, layout.paneHeight);
    const deltas: Partial<Record<Command, number>> = { up: -1, down: 1, pageUp: -bodyHeight, pageDown: bodyHeight, top: -Infinity, bottom: Infinity };
    const delta = deltas[command];
    if (delta !== undefined) setHelpTop((top) => Math.min(maxTop, Math.max(0, top + delta)));
  };

  const run = (command: Command) => {
    const tab = tabFor(command);
    if (tab) {
      if (tab.id === 'review' && decisions?.problem) notify(t(decisions.problem.messageZh, decisions.problem.message));
      return navDispatch({ type: 'selectTab', tab: tab.id });
    }
    switch (command) {
      case 'forceQuit':
      case 'quit':
        return exit();
      case 'help':
        setHelpTop(0);
        return navDispatch({ type: 'toggleHelp' });
      case 'search':
        // The search box lives in the list, which the queue covers.
        if (reviewOpen) navDispatch({ type: 'focus', focus: 'list' });
        return openSearch();
      case 'focusList':
        return navDispatch({ type: 'focus', focus: 'list' });
      case 'nextTab':
      case 'prevTab':
        navDispatch({ type: 'cycleTab', direction: command === 'nextTab' ? 1 : -1 });
        if (layout.listWidth === 0 || layout.detailWidth === 0) navDispatch({ type: 'focus', focus: 'detail' });
        return;
      case 'back':
        if (nav.focus === 'detail') return navDispatch({ type: 'focus', focus: 'list' });
        if (searchState.query) return searchDispatch({ type: 'clear' });
        // Nothing left to go back from: Esc stops a load in progress (what was loaded stays).
        if (loading) cancelLoad();
        return;
      case 'enter':
        return inspect();
      case 'nextAnomaly':
      case 'prevAnomaly':
        return stepAnomalies(command === 'nextAnomaly' ? 1 : -1);
      case 'toggleLang': {
        const next = lang === 'zh' ? 'en' : 'zh';
        setLang(next);
        onLangChange?.(next);
        return;
      }
      default:
        return move(command);
    }
  };

  useInput((input, key) => {
    const command = commandFor(keymap, input, key);
    if (command === 'forceQuit') return exit();
    if (searchOpen.current) {
      if (key.escape || key.return) searchOpen.current = false;
      if (key.escape) searchDispatch({ type: 'cancel' });
      else if (key.return) searchDispatch({ type: 'accept' });
      else if (key.backspace || key.delete) searchDispatch({ type: 'backspace' });
      else if (key.upArrow || key.downArrow) listDispatch({ type: 'move', delta: key.upArrow ? -1 : 1 });
      else if (input && !key.ctrl && !key.meta && !key.tab) searchDispatch({ type: 'type', text: input });
      return;
    }
    if (textEntry.current) return;
    if (nav.helpOpen) {
      if (command === 'help' || command === 'back' || command === 'quit') navDispatch({ type: 'toggleHelp' });
      else if (command) scrollHelp(command);
      return;
    }
    // The queue takes its own keys (moving, Enter, decisions); the rest (tabs, Esc, help, quit) are the app's.
    if (reviewOpen) {
      if (command && !reviewCommandOf(command)) run(command);
      return;
    }
    if (!command) {
      // Keys typed faster than the screen reads them arrive as one chunk ("/沙依巴克"): take them one by one,
      // and once `/` opens the search box the rest is the query.
      const chars = [...input];
      if (chars.length > 1 && !key.ctrl && !key.meta) {
        for (const [i, ch] of chars.entries()) {
          const each = keymap.get(ch);
          if (each === 'search') return openSearch(chars.slice(i + 1).join(''));
          if (each) run(each);
        }
      }
      return;
    }
    if (paneOwnsMoves && ['up', 'down', 'left', 'right', 'top', 'bottom', 'pageUp', 'pageDown', 'enter'].includes(command)) return;
    run(command);
  });

  if (layout.tooSmall) {
    return (
      <Box width={size.columns} height={layout.height}>
        <Text wrap="truncate">
          {truncate(t(`终端太小（${size.columns}×${size.rows}），至少需要 60×16。请放大窗口；q 退出。`, `Terminal too small (${size.columns}×${size.rows}); needs at least 60×16. Enlarge it, or press q to quit.`), size.columns)}
        </Text>
      </Box>
    );
  }

  const total = corpus.reports.length;
  const listInfo = `${filtered.length}${loading ? '…' : corpus.cancelled ? t(' 已取消读取', ' cancelled') : ''}`;
  const emptyMessage = corpus.failure
    ? t(`读取失败：${corpus.failure}`, `Loading failed: ${corpus.failure}`)
    : total === 0
      ? corpus.finished
        ? t('这个文件夹里没有找到报告。', 'No reports found in this folder.')
        : t('正在读取…', 'Loading…')
      : t(`没有与“${query}”匹配的报告。Esc 清除筛选。`, `No report matches "${query}". Esc clears the filter.`);

  return (
    <ThemeContext.Provider value={theme}>
      <LangContext.Provider value={lang}>
        <Box flexDirection="column" width={size.columns} height={layout.height}>
          {reviewMounted && (
            <Box display={reviewOpen && !nav.helpOpen ? 'flex' : 'none'} height={layout.paneHeight}>
              <Pane title={`[${keysLabel(bindings, 'tabReview').split(' ')[0] ?? '9'}] ${t('审阅队列', 'Review queue')}`} width={size.columns} height={layout.paneHeight} focused>
                <ReviewQueue
                  reports={corpus.reports}
                  store={decisions}
                  width={paneInner(size.columns, layout.paneHeight).width}
                  height={paneInner(size.columns, layout.paneHeight).height}
                  isActive={reviewOpen && !nav.helpOpen}
                  bindings={reviewBindings}
                  onJump={(entry) => openAnomaly(entry.report, entry.anomaly)}
                  onTextEntry={(editing) => {
                    // Closing waits for the key that closed it (Enter, Esc) to have reached every handler, so the
                    // app does not also take that Esc as "back".
                    if (editing) textEntry.current = true;
                    else queueMicrotask(() => (textEntry.current = false));
                  }}
                  hint={hints(bindings, REVIEW_HINT_COMMANDS.slice(0, 6), lang)
                    .map((h) => `${h.key} ${h.label}`)
                    .join(' · ')}
                />
              </Pane>
            </Box>
          )}
          {nav.helpOpen ? (
            <HelpOverlay bindings={bindings} width={size.columns} height={layout.paneHeight} top={helpTop} />
          ) : reviewOpen ? null : (
            <Box flexDirection="row" height={layout.paneHeight}>
              {layout.listWidth > 0 && (
                <Pane title={`[1] ${t('报告', 'Reports')}`} info={listInfo} width={layout.listWidth} height={layout.paneHeight} focused={nav.focus === 'list'}>
                  {showSearch && <SearchBox draft={searchState.editing ? searchState.draft : searchState.query} matches={filtered.length} total={total} width={listInner.width} />}
                  <ReportList reports={filtered} list={list} width={listInner.width} focused={nav.focus === 'list'} emptyMessage={emptyMessage} />
                </Pane>
              )}
              {layout.detailWidth > 0 && (
                <DetailPane report={report} reports={filtered} allReports={corpus.reports} problems={corpus.problems} nav={nav} bindings={bindings} width={layout.detailWidth} height={layout.paneHeight} actions={actions} lang={lang} />
              )}
            </Box>
          )}
          {loading && <LoadProgress corpus={corpus} width={size.columns} lang={lang} cancelKey={keysLabel(bindings, 'back').split(' ')[0] ?? 'Esc'} />}
          <StatusBar
            breadcrumb={reviewOpen ? t('审阅队列', 'Review queue') : breadcrumb(nav, report ? `${reportName(report)}${report.year ? ' ' + report.year : ''}` : null, query, lang)}
            message={message}
            count={`${filtered.length === 0 ? 0 : list.cursor + 1}/${filtered.length}${filtered.length !== total ? ` (${total})` : ''}`}
            hints={hints(bindings, reviewOpen ? REVIEW_HINT_COMMANDS : nav.focus === 'list' ? LIST_HINTS : DETAIL_HINTS, lang)}
            width={size.columns}
          />
        </Box>
      </LangContext.Provider>
    </ThemeContext.Provider>
  );
}

const withCount = (state: ListState, count: number): ListState => (state.count === count ? state : listReducer(state, { type: 'setCount', count }));

/** Where the report at `cursor` in `before` is in `after` (0 when it is gone). */
export function sameReportIndex(before: readonly Report[], after: readonly Report[], cursor: number): number {
  const file = before[cursor]?.file;
  if (file === undefined) return Math.min(cursor, Math.max(0, after.length - 1));
  if (after[cursor]?.file === file) return cursor;
  return Math.max(0, after.findIndex((r) => r.file === file));
}

/** `报告 /乌鲁 › 乌鲁木齐市人民政府 2021 › 依申请` */
function breadcrumb(nav: NavigationState, reportLabel: string | null, query: string, lang: Lang): string {
  const root = lang === 'zh' ? '报告' : 'Reports';
  const filter = query ? ` /${query}` : '';
  if (!reportLabel) return root + filter;
  const tab = TABS.find((t) => t.id === nav.tab)!;
  return `${root}${filter} › ${reportLabel} › ${tab[lang]}`;
}
