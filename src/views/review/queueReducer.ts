// Reviewer mode as a pure reducer: every anomaly of the loaded folder in one queue, filtered by severity, rule
// and decision, stepped with next/prev (wrapping), each marked confirmed or dismissed with an optional note,
// with undo. The reducer never touches the disk: `runQueueAction` diffs the decisions and writes them through
// a DecisionStore before the new state is accepted, so what the screen shows is what is saved.
import type { Anomaly, Report, Severity } from '../../parse/model.js';
import type { Decision, DecisionStatus } from '../../settings/decisions.js';
import { initialListWindow, listWindowReducer, type ListWindow } from './listWindow.js';

export interface QueueEntry {
  anomaly: Anomaly;
  report: Report;
}

export type SeverityFilter = Severity | 'all';
export type DecisionFilter = 'all' | 'undecided' | 'confirmed' | 'dismissed';

/** What undo restores: the decision a fingerprint had before the step. */
export interface UndoStep {
  fingerprint: string;
  previous: Decision | null;
}

export interface Message {
  zh: string;
  en: string;
  kind: 'info' | 'error';
}

export interface QueueState {
  entries: QueueEntry[];
  severity: SeverityFilter;
  /** Rule id to show, or null for every rule. */
  rule: string | null;
  decisionFilter: DecisionFilter;
  /** Indices into `entries` that pass the filters, in queue order. */
  visible: number[];
  /** Cursor and window over `visible`. */
  list: ListWindow;
  decisions: Record<string, Decision>;
  history: UndoStep[];
  /** The one-line note input, when open. */
  note: { editing: boolean; text: string };
  /** Notes typed before a decision, attached when the decision is made. */
  drafts: Record<string, string>;
  message: Message | null;
}

export type QueueAction =
  | { type: 'setEntries'; entries: QueueEntry[] }
  | { type: 'setDecisions'; decisions: Record<string, Decision> }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'pageDown' }
  | { type: 'pageUp' }
  | { type: 'resize'; size: number }
  | { type: 'filterSeverity'; value?: SeverityFilter }
  | { type: 'filterRule'; value?: string | null }
  | { type: 'filterDecision'; value?: DecisionFilter }
  | { type: 'decide'; status: DecisionStatus; at: string }
  | { type: 'undo' }
  | { type: 'noteStart' }
  | { type: 'noteInput'; text: string }
  | { type: 'noteCommit'; at: string }
  | { type: 'noteCancel' }
  | { type: 'setMessage'; message: Message | null };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const SEVERITY_CYCLE: readonly SeverityFilter[] = ['all', 'error', 'warning', 'info'];
export const DECISION_CYCLE: readonly DecisionFilter[] = ['all', 'undecided', 'confirmed', 'dismissed'];
/** A note is one line; longer text is cut so the queue row stays readable. */
export const NOTE_MAX_CHARS = 200;

/** Every anomaly of the folder: errors first, then by file and rule, so related ones sit together. */
export function buildQueue(reports: readonly Report[]): QueueEntry[] {
  const entries = reports.flatMap((report) => report.anomalies.map((anomaly) => ({ anomaly, report })));
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.entry.anomaly.severity] - SEVERITY_ORDER[b.entry.anomaly.severity] ||
        compare(a.entry.report.file, b.entry.report.file) ||
        compare(a.entry.anomaly.id, b.entry.anomaly.id) ||
        a.order - b.order,
    )
    .map(({ entry }) => entry);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function initialQueueState(entries: QueueEntry[], decisions: Record<string, Decision> = {}, size = 10): QueueState {
  const base: QueueState = {
    entries,
    severity: 'all',
    rule: null,
    decisionFilter: 'all',
    visible: [],
    list: initialListWindow(0, size),
    decisions,
    history: [],
    note: { editing: false, text: '' },
    drafts: {},
    message: null,
  };
  return refilter(base, null);
}

/** Rule ids present in the queue, sorted, for the rule filter to cycle through. */
export function ruleIds(state: QueueState): string[] {
  return [...new Set(state.entries.map((e) => e.anomaly.id))].sort(compare);
}

export function currentEntry(state: QueueState): QueueEntry | null {
  const index = state.visible[state.list.cursor];
  return index === undefined ? null : (state.entries[index] ?? null);
}

export function decisionOf(state: QueueState, entry: QueueEntry): Decision | null {
  return state.decisions[entry.anomaly.fingerprint] ?? null;
}

function passes(state: QueueState, entry: QueueEntry): boolean {
  if (state.severity !== 'all' && entry.anomaly.severity !== state.severity) return false;
  if (state.rule !== null && entry.anomaly.id !== state.rule) return false;
  const decision = state.decisions[entry.anomaly.fingerprint];
  switch (state.decisionFilter) {
    case 'all':
      return true;
    case 'undecided':
      return decision === undefined;
    default:
      return decision?.status === state.decisionFilter;
  }
}

/**
 * Recomputes the visible entries and puts the cursor on `keep` (an entries index) when it is still visible,
 * else on the entry that now sits where the cursor was, so deciding under the "undecided" filter moves on.
 */
function refilter(state: QueueState, keep: number | null): QueueState {
  const visible = state.entries.flatMap((entry, i) => (passes(state, entry) ? [i] : []));
  const kept = keep === null ? -1 : visible.indexOf(keep);
  const cursor = kept >= 0 ? kept : state.list.cursor;
  const list = listWindowReducer({ ...state.list, count: visible.length }, { type: 'select', index: cursor });
  return { ...state, visible, list };
}

function cycle<T>(values: readonly T[], current: T): T {
  return values[(values.indexOf(current) + 1) % values.length]!;
}

function move(state: QueueState, action: Parameters<typeof listWindowReducer>[1]): QueueState {
  return { ...state, list: listWindowReducer(state.list, action), message: null };
}

function withDecision(state: QueueState, fingerprint: string, decision: Decision | null): Record<string, Decision> {
  const decisions = { ...state.decisions };
  if (decision === null) delete decisions[fingerprint];
  else decisions[fingerprint] = decision;
  return decisions;
}

const nothingToUndo: Message = { zh: '没有可撤销的操作', en: 'Nothing to undo', kind: 'info' };

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'setEntries': {
      const keepFingerprint = currentEntry(state)?.anomaly.fingerprint;
      const next = { ...state, entries: action.entries };
      const keep = action.entries.findIndex((e) => e.anomaly.fingerprint === keepFingerprint);
      return refilter(next, keep >= 0 ? keep : null);
    }
    case 'setDecisions':
      return refilter({ ...state, decisions: action.decisions }, state.visible[state.list.cursor] ?? null);
    case 'next':
      return move(state, { type: 'next', wrap: true });
    case 'prev':
      return move(state, { type: 'prev', wrap: true });
    case 'first':
    case 'last':
    case 'pageDown':
    case 'pageUp':
      return move(state, { type: action.type });
    case 'resize':
      return { ...state, list: listWindowReducer(state.list, { type: 'resize', size: action.size }) };
    case 'filterSeverity': {
      const severity = action.value ?? cycle(SEVERITY_CYCLE, state.severity);
      return refilter({ ...state, severity, message: null }, state.visible[state.list.cursor] ?? null);
    }
    case 'filterRule': {
      const rules: Array<string | null> = [null, ...ruleIds(state)];
      const rule = action.value !== undefined ? action.value : cycle(rules, state.rule);
      return refilter({ ...state, rule, message: null }, state.visible[state.list.cursor] ?? null);
    }
    case 'filterDecision': {
      const decisionFilter = action.value ?? cycle(DECISION_CYCLE, state.decisionFilter);
      return refilter({ ...state, decisionFilter, message: null }, state.visible[state.list.cursor] ?? null);
    }
    case 'decide':
      return decide(state, action.status, action.at);
    case 'undo':
      return undo(state);
    case 'noteStart': {
      const entry = currentEntry(state);
      if (!entry) return state;
      const fp = entry.anomaly.fingerprint;
      return { ...state, note: { editing: true, text: state.drafts[fp] ?? state.decisions[fp]?.note ?? '' }, message: null };
    }
    case 'noteInput':
      return state.note.editing ? { ...state, note: { editing: true, text: oneLine(action.text) } } : state;
    case 'noteCancel':
      return { ...state, note: { editing: false, text: '' } };
    case 'noteCommit':
      return commitNote(state, action.at);
    case 'setMessage':
      return { ...state, message: action.message };
  }
}

/** Notes are one line of plain text: control characters and line breaks never reach the file or the screen. */
function oneLine(text: string): string {
  return [...text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')].slice(0, NOTE_MAX_CHARS).join('');
}

function decide(state: QueueState, status: DecisionStatus, at: string): QueueState {
  const entry = currentEntry(state);
  if (!entry) return state;
  const fp = entry.anomaly.fingerprint;
  const previous = state.decisions[fp] ?? null;
  const note = state.drafts[fp] ?? previous?.note;
  const decision: Decision = note ? { status, note, at } : { status, at };
  const drafts = { ...state.drafts };
  delete drafts[fp];
  const index = state.visible[state.list.cursor]!;
  const decided = refilter(
    { ...state, decisions: withDecision(state, fp, decision), drafts, history: [...state.history, { fingerprint: fp, previous }], message: null },
    index,
  );
  // Still visible (no filter hid it): step on to the next one, as a reviewer works down the queue.
  return decided.visible.includes(index) ? { ...decided, list: listWindowReducer(decided.list, { type: 'next', wrap: true }) } : decided;
}

function commitNote(state: QueueState, at: string): QueueState {
  const entry = currentEntry(state);
  const closed = { ...state, note: { editing: false, text: '' } };
  if (!entry || !state.note.editing) return closed;
  const fp = entry.anomaly.fingerprint;
  const text = state.note.text.trim();
  const previous = state.decisions[fp];
  if (!previous) {
    const drafts = { ...state.drafts };
    if (text) drafts[fp] = text;
    else delete drafts[fp];
    return { ...closed, drafts };
  }
  const decision: Decision = text ? { status: previous.status, note: text, at } : { status: previous.status, at };
  return { ...closed, decisions: withDecision(state, fp, decision), history: [...state.history, { fingerprint: fp, previous }] };
}

/**
 * Undoes the last decision of this session and shows its anomaly. With no history (a fresh start), it clears
 * the decision of the anomaly under the cursor, so one made in an earlier session can still be withdrawn.
 */
function undo(state: QueueState): QueueState {
  const step = state.history[state.history.length - 1];
  if (!step) {
    const entry = currentEntry(state);
    if (!entry || !state.decisions[entry.anomaly.fingerprint]) return { ...state, message: nothingToUndo };
    return refilter({ ...state, decisions: withDecision(state, entry.anomaly.fingerprint, null), message: null }, state.visible[state.list.cursor]!);
  }
  const index = state.entries.findIndex((e) => e.anomaly.fingerprint === step.fingerprint);
  return refilter(
    { ...state, decisions: withDecision(state, step.fingerprint, step.previous), history: state.history.slice(0, -1), message: null },
    index >= 0 ? index : null,
  );
}

// ── Persistence ───────────────────────────────────────────────────────────────

export interface DecisionWriter {
  set(fingerprint: string, decision: Decision): void;
  clear(fingerprint: string): void;
}

/** Decisions that differ between two states: what must be written. */
export function decisionChanges(before: Record<string, Decision>, after: Record<string, Decision>): Array<{ fingerprint: string; decision: Decision | null }> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((fingerprint) => {
    const a = before[fingerprint];
    const b = after[fingerprint];
    if (a === b || (a && b && a.status === b.status && a.note === b.note && a.at === b.at)) return [];
    return [{ fingerprint, decision: b ?? null }];
  });
}

/**
 * Applies an action and writes any decision it changed before accepting it. A failed write keeps the old
 * state (so the screen never claims a decision the disk does not hold) and says why.
 */
export function runQueueAction(state: QueueState, action: QueueAction, store: DecisionWriter | null): QueueState {
  const next = queueReducer(state, action);
  if (next.decisions === state.decisions || store === null) return next;
  try {
    for (const change of decisionChanges(state.decisions, next.decisions)) {
      if (change.decision === null) store.clear(change.fingerprint);
      else store.set(change.fingerprint, change.decision);
    }
  } catch (err) {
    const reason = (err as Error).message;
    return { ...state, note: next.note, message: { zh: `审阅决定未能保存：${reason}`, en: `Decision not saved: ${reason}`, kind: 'error' } };
  }
  return next;
}
