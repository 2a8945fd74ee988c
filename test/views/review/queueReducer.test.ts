import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../src/settings/decisions.js';
import {
  buildQueue,
  currentEntry,
  decisionChanges,
  initialQueueState,
  queueReducer,
  runQueueAction,
  type QueueAction,
  type QueueState,
} from '../../../src/views/review/queueReducer.js';
import { makeAnomaly, makeReport } from '../charts/reportFixture.js';

const reportA = makeReport({
  file: 'a/2022.txt',
  anomalies: [
    makeAnomaly({ id: 'late-publication', severity: 'warning', fingerprint: 'A-late' }),
    makeAnomaly({ id: 'balance', severity: 'error', fingerprint: 'A-balance' }),
  ],
});
const reportB = makeReport({
  file: 'b/2022.txt',
  anomalies: [
    makeAnomaly({ id: 'balance', severity: 'error', fingerprint: 'B-balance' }),
    makeAnomaly({ id: 'legacy-format', severity: 'info', fingerprint: 'B-legacy' }),
    makeAnomaly({ id: 'late-publication', severity: 'warning', fingerprint: 'B-late' }),
  ],
});

const start = () => initialQueueState(buildQueue([reportB, reportA]), {}, 3);
const at = '2024-01-01T00:00:00.000Z';
const fp = (s: QueueState) => currentEntry(s)?.anomaly.fingerprint ?? null;
const visibleFps = (s: QueueState) => s.visible.map((i) => s.entries[i]!.anomaly.fingerprint);
const run = (s: QueueState, ...actions: QueueAction[]) => actions.reduce(queueReducer, s);

describe('buildQueue', () => {
  it('puts errors first, then orders by file and rule', () => {
    expect(buildQueue([reportB, reportA]).map((e) => e.anomaly.fingerprint)).toEqual(['A-balance', 'B-balance', 'A-late', 'B-late', 'B-legacy']);
  });
});

describe('queueReducer', () => {
  it('steps with wrap-around both ways and keeps the cursor inside its window', () => {
    let s = start();
    expect(fp(s)).toBe('A-balance');
    s = queueReducer(s, { type: 'prev' });
    expect(fp(s)).toBe('B-legacy');
    expect(s.list.from).toBe(2); // window of 3 shows entries 2..4
    s = queueReducer(s, { type: 'next' });
    expect(fp(s)).toBe('A-balance');
    expect(s.list.from).toBe(0);
    s = run(s, { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect(fp(s)).toBe('B-late');
    expect(s.list.cursor - s.list.from).toBeLessThan(3);
  });

  it('filters by severity (cycling) and by rule id', () => {
    let s = queueReducer(start(), { type: 'filterSeverity' });
    expect(s.severity).toBe('error');
    expect(visibleFps(s)).toEqual(['A-balance', 'B-balance']);
    s = queueReducer(s, { type: 'filterSeverity' });
    expect(visibleFps(s)).toEqual(['A-late', 'B-late']);
    s = queueReducer(s, { type: 'filterSeverity', value: 'all' });
    s = queueReducer(s, { type: 'filterRule' }); // first rule id in order
    expect(s.rule).toBe('balance');
    expect(visibleFps(s)).toEqual(['A-balance', 'B-balance']);
    s = run(s, { type: 'filterRule' }, { type: 'filterRule' });
    expect(s.rule).toBe('legacy-format');
    expect(visibleFps(s)).toEqual(['B-legacy']);
    s = queueReducer(s, { type: 'filterRule', value: null });
    expect(s.visible).toHaveLength(5);
  });

  it('keeps the selected anomaly selected when a filter still shows it', () => {
    let s = run(start(), { type: 'next' }); // B-balance
    s = queueReducer(s, { type: 'filterSeverity', value: 'error' });
    expect(fp(s)).toBe('B-balance');
  });

  it('decides, moves on, and undoes', () => {
    let s = queueReducer(start(), { type: 'decide', status: 'confirmed', at });
    expect(s.decisions['A-balance']).toEqual({ status: 'confirmed', at });
    expect(fp(s)).toBe('B-balance');
    s = queueReducer(s, { type: 'decide', status: 'dismissed', at });
    expect(s.decisions['B-balance']?.status).toBe('dismissed');
    s = queueReducer(s, { type: 'undo' });
    expect(s.decisions['B-balance']).toBeUndefined();
    expect(fp(s)).toBe('B-balance'); // undo shows what it undid
    s = queueReducer(s, { type: 'undo' });
    expect(s.decisions).toEqual({});
    expect(fp(s)).toBe('A-balance');
    s = queueReducer(s, { type: 'undo' });
    expect(s.message?.en).toBe('Nothing to undo');
  });

  it('undo restores a decision that was changed, not just removes it', () => {
    let s = queueReducer(start(), { type: 'decide', status: 'confirmed', at });
    s = run(s, { type: 'prev' }, { type: 'decide', status: 'dismissed', at: '2024-02-02T00:00:00.000Z' }, { type: 'undo' });
    expect(s.decisions['A-balance']).toEqual({ status: 'confirmed', at });
  });

  it('with no history, undo clears the decision under the cursor (made in an earlier session)', () => {
    const earlier: Record<string, Decision> = { 'A-balance': { status: 'dismissed', at } };
    const s = queueReducer(initialQueueState(buildQueue([reportA, reportB]), earlier), { type: 'undo' });
    expect(s.decisions).toEqual({});
  });

  it('under the "undecided" filter a decided anomaly leaves and the next takes its place', () => {
    let s = queueReducer(start(), { type: 'filterDecision', value: 'undecided' });
    s = queueReducer(s, { type: 'decide', status: 'confirmed', at });
    expect(visibleFps(s)).toEqual(['B-balance', 'A-late', 'B-late', 'B-legacy']);
    expect(fp(s)).toBe('B-balance');
    s = queueReducer(s, { type: 'filterDecision', value: 'confirmed' });
    expect(visibleFps(s)).toEqual(['A-balance']);
  });

  it('takes a note before or after the decision, as one clean line', () => {
    let s = run(start(), { type: 'noteStart' }, { type: 'noteInput', text: '原表\n如此\u001b[31m' }, { type: 'noteCommit', at });
    expect(s.note.editing).toBe(false);
    expect(s.drafts['A-balance']).toBe('原表 如此 [31m');
    s = queueReducer(s, { type: 'decide', status: 'dismissed', at });
    expect(s.decisions['A-balance']).toEqual({ status: 'dismissed', note: '原表 如此 [31m', at });
    expect(s.drafts).toEqual({});
    s = run(s, { type: 'prev' }, { type: 'noteStart' });
    expect(s.note.text).toBe('原表 如此 [31m'); // the input opens with the saved note
    s = run(s, { type: 'noteInput', text: '已核对' }, { type: 'noteCommit', at: '2024-03-03T00:00:00.000Z' });
    expect(s.decisions['A-balance']).toEqual({ status: 'dismissed', note: '已核对', at: '2024-03-03T00:00:00.000Z' });
    s = run(s, { type: 'noteStart' }, { type: 'noteInput', text: 'discarded' }, { type: 'noteCancel' });
    expect(s.decisions['A-balance']?.note).toBe('已核对');
  });

  it('survives an empty queue', () => {
    let s = initialQueueState([]);
    s = run(s, { type: 'next' }, { type: 'prev' }, { type: 'decide', status: 'confirmed', at }, { type: 'undo' }, { type: 'filterRule' });
    expect(currentEntry(s)).toBeNull();
    expect(s.decisions).toEqual({});
  });
});

describe('runQueueAction', () => {
  it('writes each changed decision through the store', () => {
    const written: Array<[string, Decision | null]> = [];
    const store = { set: (f: string, d: Decision) => void written.push([f, d]), clear: (f: string) => void written.push([f, null]) };
    let s = runQueueAction(start(), { type: 'decide', status: 'confirmed', at }, store);
    s = runQueueAction(s, { type: 'next' }, store);
    s = runQueueAction(s, { type: 'undo' }, store);
    expect(written).toEqual([
      ['A-balance', { status: 'confirmed', at }],
      ['A-balance', null],
    ]);
    expect(s.decisions).toEqual({});
  });

  it('keeps the old state and reports the error when the write fails', () => {
    const store = {
      set: () => {
        throw new Error('EACCES: permission denied');
      },
      clear: () => undefined,
    };
    const before = start();
    const after = runQueueAction(before, { type: 'decide', status: 'confirmed', at }, store);
    expect(after.decisions).toEqual({});
    expect(fp(after)).toBe('A-balance');
    expect(after.message).toMatchObject({ kind: 'error' });
    expect(after.message!.en).toContain('EACCES');
  });

  it('decisionChanges lists additions, edits and removals only', () => {
    const a: Decision = { status: 'confirmed', at };
    expect(decisionChanges({ x: a, y: a }, { x: a, z: a, y: { ...a, note: 'n' } })).toEqual([
      { fingerprint: 'y', decision: { ...a, note: 'n' } },
      { fingerprint: 'z', decision: a },
    ]);
    expect(decisionChanges({ x: a }, {})).toEqual([{ fingerprint: 'x', decision: null }]);
  });
});
