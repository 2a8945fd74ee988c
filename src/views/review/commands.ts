// The commands of the anomalies pane and reviewer mode, with suggested keys and help text, for the app's one
// keymap (src/views/keys/keyBindings.ts) to bind, list in help and document. The panes take a `bindings`
// function mapping a key press to one of these ids, so the keymap stays the single source of keys.
import type { Key } from 'ink';

export type AnomalyCommand = 'anomaly.next' | 'anomaly.prev' | 'anomaly.first' | 'anomaly.last' | 'anomaly.jump';

export type ReviewCommand =
  | 'review.next'
  | 'review.prev'
  | 'review.first'
  | 'review.last'
  | 'review.pageDown'
  | 'review.pageUp'
  | 'review.confirm'
  | 'review.dismiss'
  | 'review.undo'
  | 'review.note'
  | 'review.filterSeverity'
  | 'review.filterRule'
  | 'review.filterDecision'
  | 'review.jump';

export interface CommandDef<C extends string> {
  id: C;
  /** Suggested keys, as help shows them. */
  keys: readonly string[];
  description: string;
  descriptionZh: string;
}

export const ANOMALY_COMMANDS: readonly CommandDef<AnomalyCommand>[] = [
  { id: 'anomaly.next', keys: ['↓', 'j', 'n'], description: 'Next anomaly', descriptionZh: '下一条异常' },
  { id: 'anomaly.prev', keys: ['↑', 'k', 'N'], description: 'Previous anomaly', descriptionZh: '上一条异常' },
  { id: 'anomaly.first', keys: ['g'], description: 'First anomaly', descriptionZh: '第一条异常' },
  { id: 'anomaly.last', keys: ['G'], description: 'Last anomaly', descriptionZh: '最后一条异常' },
  { id: 'anomaly.jump', keys: ['Enter'], description: 'Show the cells of the anomaly in the table', descriptionZh: '在表格中定位该异常涉及的单元格' },
];

export const REVIEW_COMMANDS: readonly CommandDef<ReviewCommand>[] = [
  { id: 'review.next', keys: ['n', '↓', 'j'], description: 'Next anomaly in the queue (wraps)', descriptionZh: '队列中下一条（循环）' },
  { id: 'review.prev', keys: ['N', '↑', 'k'], description: 'Previous anomaly in the queue (wraps)', descriptionZh: '队列中上一条（循环）' },
  { id: 'review.first', keys: ['g'], description: 'First in the queue', descriptionZh: '队列第一条' },
  { id: 'review.last', keys: ['G'], description: 'Last in the queue', descriptionZh: '队列最后一条' },
  { id: 'review.pageDown', keys: ['PgDn'], description: 'Page down', descriptionZh: '向下翻页' },
  { id: 'review.pageUp', keys: ['PgUp'], description: 'Page up', descriptionZh: '向上翻页' },
  { id: 'review.confirm', keys: ['c'], description: 'Mark confirmed (a real problem) and go on', descriptionZh: '标记为确认（确有问题）并继续' },
  { id: 'review.dismiss', keys: ['d'], description: 'Mark dismissed (not a problem) and go on', descriptionZh: '标记为驳回（并非问题）并继续' },
  { id: 'review.undo', keys: ['u'], description: 'Undo the last decision', descriptionZh: '撤销上一个决定' },
  { id: 'review.note', keys: ['m'], description: 'Write a note (Enter saves, Esc cancels)', descriptionZh: '填写备注（Enter 保存，Esc 取消）' },
  { id: 'review.filterSeverity', keys: ['s'], description: 'Filter by severity: all → error → warning → info', descriptionZh: '按严重程度筛选：全部→错误→警告→提示' },
  { id: 'review.filterRule', keys: ['r'], description: 'Filter by rule id (cycles)', descriptionZh: '按规则筛选（循环切换）' },
  { id: 'review.filterDecision', keys: ['f'], description: 'Filter by decision: all → undecided → confirmed → dismissed', descriptionZh: '按决定筛选：全部→未决定→已确认→已驳回' },
  { id: 'review.jump', keys: ['Enter'], description: "Open the anomaly's report at its cells", descriptionZh: '打开该异常所在报告并定位单元格' },
];

/** Default key handling, for use until (or unless) the app keymap passes its own `bindings`. */
export function defaultAnomalyBindings(input: string, key: Key): AnomalyCommand | null {
  if (key.downArrow || input === 'j' || input === 'n') return 'anomaly.next';
  if (key.upArrow || input === 'k' || input === 'N') return 'anomaly.prev';
  if (input === 'g') return 'anomaly.first';
  if (input === 'G') return 'anomaly.last';
  if (key.return) return 'anomaly.jump';
  return null;
}

export function defaultReviewBindings(input: string, key: Key): ReviewCommand | null {
  if (key.downArrow || input === 'j' || input === 'n') return 'review.next';
  if (key.upArrow || input === 'k' || input === 'N') return 'review.prev';
  if (key.pageDown) return 'review.pageDown';
  if (key.pageUp) return 'review.pageUp';
  if (key.return) return 'review.jump';
  const byKey: Record<string, ReviewCommand> = {
    g: 'review.first',
    G: 'review.last',
    c: 'review.confirm',
    d: 'review.dismiss',
    u: 'review.undo',
    m: 'review.note',
    s: 'review.filterSeverity',
    r: 'review.filterRule',
    f: 'review.filterDecision',
  };
  return key.ctrl || key.meta ? null : (byKey[input] ?? null);
}
