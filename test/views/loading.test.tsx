// Loading at scale: the list fills while the folder is still loading, progress shows, Esc stops the load.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import type { CheckingStage, LoadEvent } from '../../src/load/types.js';
import { App, sameReportIndex } from '../../src/views/App.js';
import { progressLine } from '../../src/views/components/LoadProgress.js';
import { FAST_FLUSH_FOR_MS, SLOW_FLUSH_MS, useLoadEvents } from '../../src/views/hooks/useLoadEvents.js';
import { DEFAULT_KEY_BINDINGS } from '../../src/views/keys/keyBindings.js';
import { corpusReducer, initialCorpusState } from '../../src/views/state/corpusState.js';
import { defaultTheme } from '../../src/views/theme.js';
import { makeReport } from './fixtures/reports.js';

const tick = (ms = 250) => new Promise((r) => setTimeout(r, ms));

/** An event stream the test feeds by hand; it records whether the consumer ended it with `return()`. */
function channel() {
  const queue: LoadEvent[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const state = { returned: false, pulled: 0 };
  const iterator: AsyncIterator<LoadEvent> = {
    async next() {
      while (queue.length === 0 && !ended) await new Promise<void>((r) => (wake = r));
      if (queue.length === 0) return { done: true, value: undefined };
      state.pulled++;
      return { done: false, value: queue.shift()! };
    },
    async return() {
      state.returned = true;
      ended = true;
      wake?.();
      return { done: true, value: undefined };
    },
  };
  return {
    events: { [Symbol.asyncIterator]: () => iterator } as AsyncIterable<LoadEvent>,
    push(...events: LoadEvent[]) {
      queue.push(...events);
      const w = wake;
      wake = null;
      w?.();
    },
    state,
  };
}

/** The explorer on `events`, with a count of its renders (React's Profiler: one per commit of the tree). */
function renderCounted(events: AsyncIterable<LoadEvent>, lang: 'zh' | 'en', size: { columns: number; rows: number }) {
  const renders = { count: 0 };
  const app = render(
    <Profiler id="app" onRender={() => renders.count++}>
      <App events={events} bindings={DEFAULT_KEY_BINDINGS} lang={lang} theme={defaultTheme} size={size} />
    </Profiler>,
  );
  return { app, renders };
}

/** The explorer in English, `columns` wide, given three reports and then `checking`: the loader's checks have begun. */
async function checkingThreeReports(checking: Extract<LoadEvent, { kind: 'checking' }>, columns: number) {
  const feed = channel();
  const { app, renders } = renderCounted(feed.events, 'en', { columns, rows: 24 });
  feed.push(...reportEvents(0, 3, 3), checking);
  await tick();
  return { feed, app, renders };
}

function reportEvents(from: number, count: number, total: number | null): LoadEvent[] {
  const out: LoadEvent[] = [];
  for (let i = from; i < from + count; i++) {
    out.push({ kind: 'report', report: makeReport({ file: `dir/r${i}.txt`, jurisdiction: `测试单位${i}`, year: 2021 }) });
    out.push({ kind: 'progress', done: i + 1, total, bytes: (i + 1) * 100_000, current: `dir/r${i}.txt` });
  }
  return out;
}

describe('loading progress', () => {
  it('lists the first reports while loading continues, shows files done, total, MB/s and the current file', async () => {
    const feed = channel();
    const app = render(<App events={feed.events} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 120, rows: 30 }} />);
    feed.push(...reportEvents(0, 3, null));
    await tick();
    let frame = app.lastFrame()!;
    expect(frame).toContain('测试单位0');
    expect(frame).toContain('测试单位2');
    expect(frame).toMatch(/读取中 3\/\?/);
    expect(frame).toContain('dir/r2.txt');
    expect(frame).toContain('Esc 取消读取');
    // Keys work during the load.
    app.stdin.write('j');
    await tick();
    expect(app.lastFrame()).toMatch(/测试单位1 2021 › 概况/);

    feed.push(...reportEvents(3, 2, 10));
    await tick();
    frame = app.lastFrame()!;
    expect(frame).toMatch(/读取中 5\/10 50% · [\d.]+ MB\/s/);
    expect(frame).toContain('测试单位4');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(120);
    app.unmount();
  });

  it('says on screen that the reports are checked against each other once every file is read', async () => {
    const feed = channel();
    const app = render(<App events={feed.events} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 100, rows: 24 }} />);
    feed.push(...reportEvents(0, 3, 3), { kind: 'checking', reports: 3, stage: 'all' });
    await tick();
    const frame = app.lastFrame()!;
    expect(frame).toContain('跨报告核查中（3 份报告）…');
    expect(frame).not.toMatch(/读取中/);
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(100);
    app.unmount();
  });

  it('draws nothing again for the checking events the loader repeats between slices of its checks', async () => {
    const { feed, app, renders } = await checkingThreeReports({ kind: 'checking', reports: 3, stage: 'all' }, 100);
    expect(app.lastFrame()).toContain('Checking 3 reports against each other…');
    const before = renders.count;
    for (let i = 0; i < 8; i++) {
      feed.push({ kind: 'checking', reports: 3, stage: 'all' });
      await tick(60);
    }
    expect(renders.count).toBe(before);
    expect(feed.state.pulled).toBe(3 * 2 + 1 + 8); // every event was taken (a stop would be noticed)
    app.unmount();
  });

  it('says what the checks do as their stage changes: the stored findings read, then the changed bodies checked', async () => {
    const { feed, app, renders } = await checkingThreeReports({ kind: 'checking', reports: 3, stage: 'stored' }, 120);
    expect(app.lastFrame()).toContain("Cross-report checks: reading the last load's findings (3 reports)…");
    const before = renders.count;
    feed.push({ kind: 'checking', reports: 3, stage: 'stored' });
    await tick(60);
    expect(renders.count).toBe(before); // the same stage again: nothing new to draw
    feed.push({ kind: 'checking', reports: 3, stage: 'changed', changedBodies: 1 });
    await tick();
    expect(app.lastFrame()).toContain('Checking 3 reports against each other (1 body changed)…');
    expect(app.lastFrame()).not.toContain('reading the last');
    app.unmount();
  });

  it('Esc stops the load through the iterator’s return(), keeps what was loaded and says so', async () => {
    const feed = channel();
    const app = render(<App events={feed.events} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 120, rows: 30 }} />);
    feed.push(...reportEvents(0, 4, 100));
    await tick();
    app.stdin.write('\u001b');
    await tick();
    expect(feed.state.returned).toBe(true);
    const frame = app.lastFrame()!;
    expect(frame).toContain('已取消读取：保留已读取的 4 个文件');
    expect(frame).not.toContain('读取中');
    expect(frame).toContain('测试单位3');
    expect(frame).toMatch(/1\/4\s*$/);
    // Nothing more is taken from the stream.
    const pulled = feed.state.pulled;
    feed.push(...reportEvents(4, 2, 100));
    await tick();
    expect(feed.state.pulled).toBe(pulled);
    expect(app.lastFrame()).not.toContain('测试单位4');
    app.unmount();
  });

  it('Esc goes back from the detail pane first, and cancels only from the list', async () => {
    const feed = channel();
    const app = render(<App events={feed.events} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 120, rows: 30 }} />);
    feed.push(...reportEvents(0, 2, null));
    await tick();
    app.stdin.write('4');
    await tick();
    app.stdin.write('\u001b');
    await tick();
    expect(feed.state.returned).toBe(false);
    expect(app.lastFrame()).toContain('读取中');
    app.unmount();
  });

  it('batches a burst of 20 000 reports into a handful of screen updates', async () => {
    const feed = channel();
    const { app, renders } = renderCounted(feed.events, 'zh', { columns: 120, rows: 30 });
    const burst = reportEvents(0, 20_000, 20_000);
    feed.push(...burst);
    feed.push({ kind: 'done', corpus: { root: '/r', reports: burst.flatMap((e) => (e.kind === 'report' ? [e.report] : [])), problems: [] } });
    for (let i = 0; i < 100 && !/1\/20000\s*$/.test(app.lastFrame()!); i++) await tick(100);
    expect(app.lastFrame()).toMatch(/1\/20000\s*$/);
    expect(app.lastFrame()).not.toContain('读取中');
    // The App re-renders per batch, not per event (40 001 events here).
    expect(renders.count).toBeLessThan(200);
    app.unmount();
  });
});

function ReportCount({ events, now }: { events: AsyncIterable<LoadEvent>; now: () => number }) {
  const { corpus } = useLoadEvents(events, now);
  return <Text>{String(corpus.reports.length)}</Text>;
}

describe('screen updates while loading', () => {
  it('come ten times a second at first, then every half second, so drawing leaves the thread to loading', async () => {
    let clock = 0;
    const feed = channel();
    const app = render(<ReportCount events={feed.events} now={() => clock} />);
    const push = async (at: number) => {
      clock = at;
      feed.push(...reportEvents(at, 1, null));
      await tick(30);
    };
    await push(0); // the first report at once
    expect(app.lastFrame()).toBe('1');
    await push(150); // fast phase: 150 ms since the last update
    expect(app.lastFrame()).toBe('2');
    await push(FAST_FLUSH_FOR_MS + 100); // slow phase, long since the last update
    expect(app.lastFrame()).toBe('3');
    await push(FAST_FLUSH_FOR_MS + 300); // 200 ms later: waits
    await tick(250); // the timer runs, the clock has not moved on
    expect(app.lastFrame()).toBe('3');
    clock = FAST_FLUSH_FOR_MS + 100 + SLOW_FLUSH_MS;
    await tick(250);
    expect(app.lastFrame()).toBe('4');
    app.unmount();
  });
});

describe('first frame', () => {
  it('lists the reports that arrived before the explorer was drawn in its very first frame', () => {
    const feed = channel();
    const initial = reportEvents(0, 2, null);
    const app = render(<App events={feed.events} initialEvents={initial} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 120, rows: 30 }} />);
    // No waiting: the frame drawn by render() itself.
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/› 测试单位0/);
    expect(frame).toContain('测试单位1');
    expect(frame).toMatch(/测试单位0 2021 › 概况/);
    expect(frame).toMatch(/读取中 2\/\?/);
    app.unmount();
  });
});

describe('selection while reports stream in', () => {
  it('a key pressed in the same render as a batch is not undone by the batch', async () => {
    const feed = channel();
    const app = render(<App events={feed.events} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 120, rows: 30 }} />);
    const first = reportEvents(0, 3, 3);
    feed.push(...first);
    await tick();
    expect(app.lastFrame()).toMatch(/测试单位0 2021 › 概况/);
    // `done` is flushed at once, so the key and the new (reordered) list reach React together.
    const reports = first.flatMap((e) => (e.kind === 'report' ? [e.report] : [])).reverse();
    app.stdin.write('j');
    feed.push({ kind: 'done', corpus: { root: '/r', reports, problems: [] } });
    await tick();
    expect(app.lastFrame()).toMatch(/测试单位1 2021 › 概况/);
    app.unmount();
  });

  it('sameReportIndex follows the report, not the row number', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((f) => makeReport({ file: f }));
    expect(sameReportIndex([a!, b!, c!], [a!, b!, c!, d!], 1)).toBe(1);
    expect(sameReportIndex([a!, b!, c!], [c!, b!, a!], 0)).toBe(2);
    expect(sameReportIndex([a!, b!], [c!, d!], 1)).toBe(0);
    expect(sameReportIndex([], [a!, b!], 0)).toBe(0);
  });
});

describe('progressLine', () => {
  it('cuts the current file from the left to fit, measuring Chinese by display width', () => {
    const corpus = { ...initialCorpusState, done: 7, total: null, bytes: 3_000_000, startedAt: 0, updatedAt: 2000, current: '很长的目录名称/另一个很长的目录/乌鲁木齐市人民政府2021年政府信息公开工作年度报告.txt' };
    const line = progressLine(corpus, 80, 'zh', 'Esc');
    expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(line).toMatch(/^读取中 7\/\? · 1\.5 MB\/s · …/);
    expect(line).toMatch(/年度报告\.txt  Esc 取消读取$/);
  });

  it('says when every file is read and the reports are being checked against each other', () => {
    const reports = [makeReport({ file: 'a.txt' }), makeReport({ file: 'b.txt' })];
    const corpus = corpusReducer(initialCorpusState, {
      type: 'events',
      at: 0,
      events: [...reports.map((report) => ({ kind: 'report' as const, report })), { kind: 'progress', done: 2, total: 2, bytes: 10, current: 'b.txt' }, { kind: 'checking', reports: 2, stage: 'all' }],
    });
    expect(corpus).toMatchObject({ checking: { stage: 'all' }, finished: false, current: null });
    expect(progressLine(corpus, 80, 'zh', 'Esc')).toBe('跨报告核查中（2 份报告）…  Esc 取消读取');
    expect(progressLine(corpus, 80, 'en', 'Esc')).toBe('Checking 2 reports against each other…  Esc cancels');
    const at = (checking: CheckingStage) => corpusReducer(corpus, { type: 'events', at: 1, events: [{ kind: 'checking', reports: 2, ...checking }] });
    expect(progressLine(at({ stage: 'stored' }), 80, 'zh', 'Esc')).toBe('跨报告核查：读取上次的结果（2 份报告）…  Esc 取消读取');
    expect(progressLine(at({ stage: 'changed', changedBodies: 2 }), 80, 'zh', 'Esc')).toBe('跨报告核查中（2 份报告，2 个主体有改动）…  Esc 取消读取');
    expect(progressLine(at({ stage: 'changed', changedBodies: 2 }), 80, 'en', 'Esc')).toBe('Checking 2 reports against each other (2 bodies changed)…  Esc cancels');
    const done = corpusReducer(corpus, { type: 'events', at: 1, events: [{ kind: 'done', corpus: { root: '/', reports, problems: [] } }] });
    expect(done).toMatchObject({ checking: null, finished: true });
  });

  it('never shows control sequences from a file name', () => {
    const corpus = { ...initialCorpusState, done: 1, current: 'a\u001b[31mred\u001b]0;title\u0007.txt' };
    const line = progressLine(corpus, 120, 'en', 'Esc');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(line).toContain('Loading 1/?');
  });
});
