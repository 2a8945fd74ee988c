// The anomalies tab: the selected report's anomalies as a selectable list (severity symbol, rule id, message)
// with the selected one's details below. Enter hands the anomaly to `onJump`, which moves the table to its
// cells. Keys arrive only while `isActive`, through `bindings`, so the app keymap decides which keys do what.
import { Box, Text, useInput, type Key } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import type { Anomaly, Report } from '../../parse/model.js';
import { sanitizeInline } from '../../parse/sanitize.js';
import { useLang, useT } from '../i18n.js';
import { useTheme } from '../theme.js';
import { fitToWidth, stringWidth, truncateToWidth } from '../charts/textWidth.js';
import { defaultAnomalyBindings, type AnomalyCommand } from './commands.js';
import { anomalyMessage, cellLabel, cellValue, severityStyle } from './describe.js';
import { initialListWindow, listWindowReducer, visibleRange, type ListWindow, type ListWindowAction } from './listWindow.js';

export interface AnomaliesPaneProps {
  report: Report | null;
  width: number;
  height: number;
  onJump: (anomaly: Anomaly) => void;
  /** Only the focused pane reacts to keys. */
  isActive?: boolean;
  bindings?: (input: string, key: Key) => AnomalyCommand | null;
}

/** Rows the selected anomaly's details take below the list. */
const DETAIL_ROWS = 4;

/** What a command does to the list; `anomaly.jump` is not a list change and is handled by the pane. */
export function anomalyListAction(command: AnomalyCommand): ListWindowAction | null {
  switch (command) {
    case 'anomaly.next':
      return { type: 'next', wrap: true };
    case 'anomaly.prev':
      return { type: 'prev', wrap: true };
    case 'anomaly.first':
      return { type: 'first' };
    case 'anomaly.last':
      return { type: 'last' };
    case 'anomaly.jump':
      return null;
  }
}

type PaneAction = ListWindowAction | { type: 'reset'; count: number; size: number };

function paneReducer(state: ListWindow, action: PaneAction): ListWindow {
  return action.type === 'reset' ? initialListWindow(action.count, action.size) : listWindowReducer(state, action);
}

function listRows(height: number, count: number): number {
  const detail = height >= 8 ? DETAIL_ROWS : 0;
  return Math.max(1, Math.min(count, height - 1 - detail));
}

export function AnomaliesPane({ report, width, height, onJump, isActive = false, bindings = defaultAnomalyBindings }: AnomaliesPaneProps) {
  const theme = useTheme();
  const t = useT();
  const lang = useLang();
  const anomalies = report?.anomalies ?? [];
  const rows = listRows(height, anomalies.length);
  const [state, dispatch] = useReducer(paneReducer, initialListWindow(anomalies.length, rows));
  // Until the reset below runs, a new report's list must not be drawn with the old report's cursor.
  const list = state.count === anomalies.length ? state : initialListWindow(anomalies.length, rows);
  // Ink may deliver a key before the handler from the latest render is subscribed; read the selection from a
  // ref so Enter always acts on what the screen shows.
  const selectedRef = useRef<Anomaly | undefined>(undefined);
  selectedRef.current = anomalies[list.cursor];

  // A new report starts at its first anomaly; a resize keeps the selection.
  useEffect(() => {
    dispatch({ type: 'reset', count: anomalies.length, size: rows });
  }, [report]);
  useEffect(() => {
    dispatch({ type: 'resize', size: rows });
  }, [rows]);

  useInput(
    (input, key) => {
      const command = bindings(input, key);
      if (!command) return;
      if (command === 'anomaly.jump') {
        const anomaly = selectedRef.current;
        if (anomaly) onJump(anomaly);
        return;
      }
      const action = anomalyListAction(command);
      if (action) dispatch(action);
    },
    { isActive },
  );

  if (!report) {
    return <Text color={theme.dim}>{t('未选择报告', 'No report selected')}</Text>;
  }
  if (anomalies.length === 0) {
    return (
      <Text color={theme.success} wrap="truncate">
        {t('未发现异常', 'No anomalies found')}
      </Text>
    );
  }

  const counts = { error: 0, warning: 0, info: 0 };
  for (const a of anomalies) counts[a.severity]++;
  const summary = (['error', 'warning', 'info'] as const).map((s) => `${theme.symbols[s]} ${counts[s]}`).join('  ');
  const { from, to } = visibleRange(list);
  const selected = anomalies[list.cursor];

  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {truncateToWidth(`${t('异常', 'Anomalies')} ${list.cursor + 1}/${anomalies.length}   ${summary}`, width)}
      </Text>
      {anomalies.slice(from, to).map((anomaly, offset) => {
        const index = from + offset;
        const isSelected = index === list.cursor;
        const { symbol, color } = severityStyle(theme, anomaly.severity);
        const marker = isSelected ? theme.symbols.selected : ' ';
        const head = `${marker}${symbol} `;
        const body = fitToWidth(`${sanitizeInline(anomaly.id)}  ${anomalyMessage(anomaly, lang)}`, Math.max(0, width - stringWidth(head)));
        return (
          <Text key={`${anomaly.fingerprint}-${index}`} wrap="truncate" inverse={isSelected && isActive && theme.inverseSelection}>
            <Text>{marker}</Text>
            <Text color={color}>{symbol} </Text>
            <Text bold={isSelected}>{body}</Text>
          </Text>
        );
      })}
      {selected && height >= 8 && <AnomalyDetail anomaly={selected} report={report} width={width} />}
    </Box>
  );
}

function AnomalyDetail({ anomaly, report, width }: { anomaly: Anomaly; report: Report; width: number }) {
  const theme = useTheme();
  const t = useT();
  const lang = useLang();
  const cells = anomaly.cells.map((c) => `${cellLabel(c, lang)} = ${cellValue(report, c)}`).join('；');
  const where = [anomaly.line ? t(`第 ${anomaly.line} 行`, `line ${anomaly.line}`) : null, anomaly.related?.length ? `${t('相关文件', 'related')}: ${anomaly.related.map(sanitizeInline).join(', ')}` : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column" marginTop={0} width={width}>
      <Text color={theme.border} wrap="truncate">
        {'─'.repeat(Math.max(0, width))}
      </Text>
      <Text wrap="truncate">{truncateToWidth(cells ? `${t('单元格', 'Cells')}: ${cells}` : t('（不涉及表格单元格）', '(no table cells)'), width)}</Text>
      <Text color={theme.dim} wrap="truncate">
        {truncateToWidth(anomaly.text ? `“${sanitizeInline(anomaly.text)}”` : where || ' ', width)}
      </Text>
      <Text color={theme.dim} wrap="truncate">
        {truncateToWidth(`Enter ${t('在表格中定位', 'shows it in the table')}`, width)}
      </Text>
    </Box>
  );
}
