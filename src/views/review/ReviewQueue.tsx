// Reviewer mode: every anomaly of the loaded folder in one queue. The reviewer steps through it, marks each
// confirmed or dismissed (with an optional one-line note) and sees each one's decision; decisions are written
// to the DecisionStore as they are made. State lives in queueReducer.ts; this file paints it and routes keys.
import { Box, Text, useInput, type Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Report } from '../../parse/model.js';
import { sanitizeInline } from '../../parse/sanitize.js';
import type { Decision } from '../../settings/decisions.js';
import { fitToWidth, stringWidth, truncateToWidth } from '../charts/textWidth.js';
import { useLang, useT } from '../i18n.js';
import { useTheme, type Theme } from '../theme.js';
import { defaultReviewBindings, type ReviewCommand } from './commands.js';
import { SEVERITY_LABELS, anomalyMessage, cellLabel, cellValue, reportHeading, severityStyle } from './describe.js';
import { visibleRange } from './listWindow.js';
import {
  buildQueue,
  currentEntry,
  initialQueueState,
  runQueueAction,
  type DecisionWriter,
  type QueueAction,
  type QueueEntry,
  type QueueState,
} from './queueReducer.js';

export interface ReviewQueueProps {
  /** Every report of the loaded folder. */
  reports: readonly Report[];
  /** Where decisions are kept; null runs without saving (and says so). */
  store: (DecisionWriter & { all(): Record<string, Decision> }) | null;
  width: number;
  height: number;
  isActive?: boolean;
  bindings?: (input: string, key: Key) => ReviewCommand | null;
  /** Enter: open the anomaly's report at its cells. */
  onJump?: (entry: QueueEntry) => void;
  /** Told when the note input opens and closes, so global keys stay quiet while the reviewer types. */
  onTextEntry?: (editing: boolean) => void;
  /** Key hint under the queue, from the app keymap; default: the suggested keys. */
  hint?: string;
  /** Clock for decision times (tests). */
  now?: () => Date;
}

/** Header, separator, detail (report, message, cells, note) and footer around the list. */
const CHROME_ROWS = 7;

/** The queue action a command stands for; null for commands the component handles itself (jump). */
export function reviewCommandAction(command: ReviewCommand, at: string): QueueAction | null {
  switch (command) {
    case 'review.next':
      return { type: 'next' };
    case 'review.prev':
      return { type: 'prev' };
    case 'review.first':
      return { type: 'first' };
    case 'review.last':
      return { type: 'last' };
    case 'review.pageDown':
      return { type: 'pageDown' };
    case 'review.pageUp':
      return { type: 'pageUp' };
    case 'review.confirm':
      return { type: 'decide', status: 'confirmed', at };
    case 'review.dismiss':
      return { type: 'decide', status: 'dismissed', at };
    case 'review.undo':
      return { type: 'undo' };
    case 'review.note':
      return { type: 'noteStart' };
    case 'review.filterSeverity':
      return { type: 'filterSeverity' };
    case 'review.filterRule':
      return { type: 'filterRule' };
    case 'review.filterDecision':
      return { type: 'filterDecision' };
    case 'review.jump':
      return null;
  }
}

/** Keys while the note input is open: it takes every printable key, Enter saves, Esc cancels. */
export function noteInputAction(state: QueueState, input: string, key: Key, at: string): QueueAction | null {
  if (key.return) return { type: 'noteCommit', at };
  if (key.escape) return { type: 'noteCancel' };
  if (key.backspace || key.delete) return { type: 'noteInput', text: [...state.note.text].slice(0, -1).join('') };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab || !input) return null;
  return { type: 'noteInput', text: state.note.text + input };
}

function decisionMark(theme: Theme, decision: Decision | null): { mark: string; color: string | undefined } {
  const ascii = theme.name === 'no-color';
  if (!decision) return { mark: ascii ? '.' : '·', color: theme.dim };
  return decision.status === 'confirmed' ? { mark: ascii ? 'C' : '✔', color: theme.success } : { mark: ascii ? 'D' : '✗', color: theme.dim };
}

export function ReviewQueue({ reports, store, width, height, isActive = false, bindings = defaultReviewBindings, onJump, onTextEntry, hint, now = () => new Date() }: ReviewQueueProps) {
  const theme = useTheme();
  const t = useT();
  const lang = useLang();
  const entries = useMemo(() => buildQueue(reports), [reports]);
  const listRows = Math.max(1, height - CHROME_ROWS);
  const [state, setState] = useState<QueueState>(() => initialQueueState(entries, store?.all() ?? {}, listRows));
  // The latest state, for key handlers that may run before a re-render re-subscribes them.
  const stateRef = useRef(state);
  stateRef.current = state;

  const apply = (action: QueueAction) => {
    const before = stateRef.current;
    const next = runQueueAction(before, action, store);
    stateRef.current = next;
    setState(next);
    // Told at once, not from an effect: the very next key must already go to the note or to the app.
    if (next.note.editing !== before.note.editing) onTextEntry?.(next.note.editing);
  };

  useEffect(() => {
    if (entries !== stateRef.current.entries) apply({ type: 'setEntries', entries });
  }, [entries]);
  useEffect(() => {
    if (stateRef.current.list.size !== listRows) apply({ type: 'resize', size: listRows });
  }, [listRows]);

  useInput(
    (input, key) => {
      const current = stateRef.current;
      const at = now().toISOString();
      if (current.note.editing) {
        const action = noteInputAction(current, input, key, at);
        if (action) apply(action);
        return;
      }
      const command = bindings(input, key);
      if (!command) return;
      if (command === 'review.jump') {
        const entry = currentEntry(current);
        if (entry && onJump) onJump(entry);
        return;
      }
      const action = reviewCommandAction(command, at);
      if (action) apply(action);
    },
    { isActive },
  );

  const entry = currentEntry(state);
  const { from, to } = visibleRange(state.list);
  const decidedCount = Object.values(state.decisions).length;
  const filters = [
    `${t('严重程度', 'severity')}: ${state.severity === 'all' ? t('全部', 'all') : lang === 'zh' ? SEVERITY_LABELS[state.severity].zh : state.severity}`,
    `${t('规则', 'rule')}: ${state.rule ?? t('全部', 'all')}`,
    `${t('决定', 'decision')}: ${decisionFilterLabel(state.decisionFilter, t)}`,
  ].join(' · ');
  const position = state.visible.length === 0 ? '0/0' : `${state.list.cursor + 1}/${state.visible.length}`;

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {truncateToWidth(`${t('审阅队列', 'Review queue')} ${position}  (${t('共', 'total')} ${state.entries.length}, ${t('已决定', 'decided')} ${decidedCount})  ${filters}`, width)}
      </Text>
      {state.visible.length === 0 ? (
        <Text color={theme.dim} wrap="truncate">
          {state.entries.length === 0 ? t('没有需要审阅的异常', 'No anomalies to review') : t('没有符合筛选条件的异常', 'No anomaly matches the filters')}
        </Text>
      ) : (
        state.visible.slice(from, to).map((entryIndex, offset) => {
          const row = state.entries[entryIndex]!;
          const isSelected = from + offset === state.list.cursor;
          const sev = severityStyle(theme, row.anomaly.severity);
          const dec = decisionMark(theme, state.decisions[row.anomaly.fingerprint] ?? null);
          const marker = isSelected ? theme.symbols.selected : ' ';
          const head = `${marker}${sev.symbol} ${dec.mark} `;
          const where = `${row.report.jurisdiction ?? row.report.file} ${row.report.year ?? ''}`.trim();
          const body = fitToWidth(sanitizeInline(`${where}  ${row.anomaly.id}  ${anomalyMessage(row.anomaly, lang)}`), Math.max(0, width - stringWidth(head)));
          return (
            <Text key={`${row.anomaly.fingerprint}-${entryIndex}`} wrap="truncate" inverse={isSelected && isActive && theme.inverseSelection}>
              <Text>{marker}</Text>
              <Text color={sev.color}>{sev.symbol} </Text>
              <Text color={dec.color}>{dec.mark} </Text>
              <Text bold={isSelected}>{body}</Text>
            </Text>
          );
        })
      )}
      <Box flexGrow={1} />
      <Text color={theme.border} wrap="truncate">
        {'─'.repeat(Math.max(0, width))}
      </Text>
      {entry ? <EntryDetail entry={entry} decision={state.decisions[entry.anomaly.fingerprint] ?? null} draft={state.drafts[entry.anomaly.fingerprint]} width={width} /> : null}
      <Footer state={state} width={width} saving={store !== null} hint={hint} />
    </Box>
  );
}

function decisionFilterLabel(filter: QueueState['decisionFilter'], t: (zh: string, en: string) => string): string {
  switch (filter) {
    case 'all':
      return t('全部', 'all');
    case 'undecided':
      return t('未决定', 'undecided');
    case 'confirmed':
      return t('已确认', 'confirmed');
    case 'dismissed':
      return t('已驳回', 'dismissed');
  }
}

function EntryDetail({ entry, decision, draft, width }: { entry: QueueEntry; decision: Decision | null; draft: string | undefined; width: number }) {
  const theme = useTheme();
  const t = useT();
  const lang = useLang();
  const sev = severityStyle(theme, entry.anomaly.severity);
  const cells = entry.anomaly.cells.map((c) => `${cellLabel(c, lang)} = ${cellValue(entry.report, c)}`).join('；');
  const status = decision
    ? `${decision.status === 'confirmed' ? t('已确认', 'Confirmed') : t('已驳回', 'Dismissed')} ${decision.at.slice(0, 16).replace('T', ' ')}`
    : t('未决定', 'Undecided');
  const note = decision?.note ?? draft;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">{truncateToWidth(reportHeading(entry.report, lang), width)}</Text>
      <Text wrap="truncate">
        <Text color={sev.color}>{sev.symbol} </Text>
        {truncateToWidth(`${entry.anomaly.id}: ${anomalyMessage(entry.anomaly, lang)}`, Math.max(0, width - 2))}
      </Text>
      <Text wrap="truncate">{truncateToWidth(cells ? `${t('单元格', 'Cells')}: ${cells}` : t('（不涉及表格单元格）', '(no table cells)'), width)}</Text>
      <Text color={theme.dim} wrap="truncate">
        {truncateToWidth(`${status}${note ? ` · ${t('备注', 'note')}: ${note}` : ''}`, width)}
      </Text>
    </Box>
  );
}

function Footer({ state, width, saving, hint }: { state: QueueState; width: number; saving: boolean; hint: string | undefined }) {
  const theme = useTheme();
  const t = useT();
  if (state.note.editing) {
    const prompt = `${t('备注', 'Note')}: `;
    const hint = `  (Enter ${t('保存', 'save')} · Esc ${t('取消', 'cancel')})`;
    // Show the end of a long note, where the reviewer is typing.
    const room = Math.max(1, width - stringWidth(prompt) - stringWidth(hint) - 1);
    let text = state.note.text;
    while (stringWidth(text) > room) text = [...text].slice(1).join('');
    return (
      <Text wrap="truncate">
        <Text color={theme.accent}>{prompt}</Text>
        {text}
        <Text inverse> </Text>
        <Text color={theme.dim}>{hint}</Text>
      </Text>
    );
  }
  if (state.message) {
    const isError = state.message.kind === 'error';
    return (
      <Text color={isError ? theme.error : theme.info} wrap="truncate">
        {truncateToWidth(`${isError ? theme.symbols.error : theme.symbols.info} ${t(state.message.zh, state.message.en)}`, width)}
      </Text>
    );
  }
  return (
    <Text color={theme.dim} wrap="truncate">
      {truncateToWidth(
        !saving
          ? t('未保存：审阅记录不可用', 'Not saving: no decision store')
          : (hint ?? t('c 确认 · d 驳回 · u 撤销 · m 备注 · n/N 上下 · s/r/f 筛选', 'c confirm · d dismiss · u undo · m note · n/N step · s/r/f filter')),
        width,
      )}
    </Text>
  );
}
