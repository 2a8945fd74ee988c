import { describe, expect, it } from 'vitest';
import { corpusReducer, initialCorpusState, readRate } from '../../../src/views/state/corpusState.js';
import { initialListState, listReducer, visibleRange } from '../../../src/views/state/listState.js';
import { initialNavigationState, navigationReducer } from '../../../src/views/state/navigation.js';
import { activeQuery, initialSearchState, searchReducer } from '../../../src/views/state/searchState.js';
import { makeReport } from '../fixtures/reports.js';

describe('listReducer', () => {
  it('moves the window only as far as needed to keep the cursor visible', () => {
    let s = initialListState(100, 10);
    s = listReducer(s, { type: 'move', delta: 9 });
    expect(s).toMatchObject({ cursor: 9, offset: 0 });
    s = listReducer(s, { type: 'move', delta: 1 });
    expect(s).toMatchObject({ cursor: 10, offset: 1 });
    s = listReducer(s, { type: 'last' });
    expect(s).toMatchObject({ cursor: 99, offset: 90 });
    expect(visibleRange(s)).toEqual({ start: 90, end: 100 });
    s = listReducer(s, { type: 'first' });
    expect(s).toMatchObject({ cursor: 0, offset: 0 });
  });

  it('pages by a screen and clamps at the ends', () => {
    let s = initialListState(25, 10);
    s = listReducer(s, { type: 'page', direction: 1 });
    expect(s.cursor).toBe(9);
    s = listReducer(s, { type: 'page', direction: 1 });
    s = listReducer(s, { type: 'page', direction: 1 });
    expect(s.cursor).toBe(24);
    expect(s.offset).toBe(15);
    s = listReducer(s, { type: 'move', delta: -100 });
    expect(s.cursor).toBe(0);
  });

  it('keeps the cursor inside a list that shrinks, and survives an empty list', () => {
    let s = listReducer(initialListState(50, 10), { type: 'select', index: 40 });
    s = listReducer(s, { type: 'setCount', count: 5 });
    expect(s).toMatchObject({ cursor: 4, offset: 0 });
    s = listReducer(s, { type: 'setCount', count: 0 });
    expect(s).toMatchObject({ cursor: 0, offset: 0 });
    s = listReducer(listReducer(initialListState(50, 10), { type: 'select', index: 30 }), { type: 'setHeight', height: 5 });
    expect(visibleRange(s).end - visibleRange(s).start).toBe(5);
    expect(s.cursor).toBeGreaterThanOrEqual(s.offset);
    expect(s.cursor).toBeLessThan(s.offset + 5);
  });
});

describe('navigationReducer', () => {
  it('cycles tabs both ways and wraps', () => {
    let s = navigationReducer(initialNavigationState, { type: 'cycleTab', direction: -1 });
    expect(s.tab).toBe('review');
    s = navigationReducer(s, { type: 'cycleTab', direction: 1 });
    expect(s.tab).toBe('overview');
  });

  it('keeps a cursor per tab, clamped to the table', () => {
    let s = navigationReducer(initialNavigationState, { type: 'selectTab', tab: 'applications' });
    expect(s.focus).toBe('detail');
    s = navigationReducer(s, { type: 'moveRow', delta: 40, rowCount: 25 });
    s = navigationReducer(s, { type: 'moveCol', delta: 10, colCount: 7 });
    expect(s.cursors.applications).toEqual({ row: 24, col: 6 });
    s = navigationReducer(s, { type: 'selectTab', tab: 'reviews' });
    expect(s.cursors.reviews).toEqual({ row: 0, col: 0 });
    expect(s.cursors.applications).toEqual({ row: 24, col: 6 });
  });

  it('jumpTo opens the tab on the cell and remembers the path until the cursor moves', () => {
    let s = navigationReducer(initialNavigationState, { type: 'jumpTo', tab: 'applications', row: 2, col: 6, path: 'applications.granted.total' });
    expect(s).toMatchObject({ tab: 'applications', focus: 'detail', jumpedTo: 'applications.granted.total' });
    expect(s.cursors.applications).toEqual({ row: 2, col: 6 });
    s = navigationReducer(s, { type: 'moveRow', delta: 1, rowCount: 25 });
    expect(s.jumpedTo).toBeNull();
  });
});

describe('searchReducer', () => {
  it('filters on the draft while typing, keeps it on Enter, restores on Esc', () => {
    let s = searchReducer(initialSearchState, { type: 'open' });
    s = searchReducer(s, { type: 'type', text: '乌鲁木齐' }); // an IME commits several characters at once
    expect(activeQuery(s)).toBe('乌鲁木齐');
    s = searchReducer(s, { type: 'backspace' });
    expect(s.draft).toBe('乌鲁木');
    s = searchReducer(s, { type: 'accept' });
    expect(s).toEqual({ editing: false, draft: '乌鲁木', query: '乌鲁木' });
    s = searchReducer(searchReducer(s, { type: 'open' }), { type: 'type', text: 'xyz' });
    expect(activeQuery(s)).toBe('乌鲁木xyz');
    s = searchReducer(s, { type: 'cancel' });
    expect(activeQuery(s)).toBe('乌鲁木');
  });

  it('drops control characters from pasted text', () => {
    const s = searchReducer(searchReducer(initialSearchState, { type: 'open' }), { type: 'type', text: 'a\u001b[31mb\u0007' });
    expect(s.draft).toBe('a[31mb');
  });
});

describe('corpusReducer', () => {
  it('lists reports as they arrive and replaces them with the checked corpus on done', () => {
    const a = makeReport({ file: 'a.txt' });
    const b = makeReport({ file: 'b.txt' });
    let s = corpusReducer(initialCorpusState, {
      type: 'events',
      events: [
        { kind: 'report', report: a },
        { kind: 'problem', problem: { file: 'x.pdf', code: 'unsupported', message: 'unsupported', messageZh: '不支持' } },
        { kind: 'progress', done: 2, total: null, bytes: 0, current: 'x.pdf' },
      ],
      at: 1000,
    });
    expect(s.reports.map((r) => r.file)).toEqual(['a.txt']);
    expect(s.problems).toHaveLength(1);
    expect(s.done).toBe(2);
    expect(s.finished).toBe(false);
    s = corpusReducer(s, { type: 'events', events: [{ kind: 'done', corpus: { root: '/r', reports: [b, a], problems: [] } }], at: 2000 });
    expect(s.reports.map((r) => r.file)).toEqual(['b.txt', 'a.txt']);
    expect(s.problems).toHaveLength(0);
    expect(s.finished).toBe(true);
  });

  it('keeps the progress (bytes, current file) and measures the read rate from the first batch', () => {
    let s = corpusReducer(initialCorpusState, { type: 'events', events: [{ kind: 'progress', done: 1, total: null, bytes: 1_000_000, current: 'a.txt' }], at: 10_000 });
    expect(readRate(s)).toBeNull();
    s = corpusReducer(s, { type: 'events', events: [{ kind: 'progress', done: 5, total: 9, bytes: 5_000_000, current: 'sub/e.txt' }], at: 12_000 });
    expect(s).toMatchObject({ done: 5, total: 9, bytes: 5_000_000, current: 'sub/e.txt', finished: false });
    expect(readRate(s)).toBe(2.5);
  });

  it('a cancelled load keeps what it has and ignores events still in flight', () => {
    const a = makeReport({ file: 'a.txt' });
    let s = corpusReducer(initialCorpusState, { type: 'events', events: [{ kind: 'report', report: a }, { kind: 'progress', done: 1, total: null, bytes: 10, current: 'a.txt' }], at: 0 });
    s = corpusReducer(s, { type: 'cancelled' });
    expect(s).toMatchObject({ finished: true, cancelled: true, done: 1, current: null });
    const late = corpusReducer(s, { type: 'events', events: [{ kind: 'report', report: makeReport({ file: 'b.txt' }) }], at: 5 });
    expect(late.reports.map((r) => r.file)).toEqual(['a.txt']);
  });
});
