import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../src/load/types.js';
import { App } from '../../src/views/App.js';
import { DEFAULT_KEY_BINDINGS, applyKeyOverrides } from '../../src/views/keys/keyBindings.js';
import { loadSearch } from '../../src/views/search/reportSearch.js';
import { defaultTheme } from '../../src/views/theme.js';
import { makeReport, sampleReport } from './fixtures/reports.js';

const tick = (ms = 150) => new Promise((r) => setTimeout(r, ms));

function corpusEvents(): AsyncIterable<LoadEvent> {
  const reports = [
    sampleReport(),
    makeReport({ file: 'b.txt', jurisdiction: '沙依巴克区人民政府', level: 'district', year: 2022 }),
    makeReport({ file: 'c.txt', jurisdiction: '新疆维吾尔自治区人民政府', level: 'province', year: 2021 }),
  ];
  return (async function* () {
    for (const report of reports) yield { kind: 'report', report } as LoadEvent;
    yield { kind: 'problem', problem: { file: 'bad.doc', code: 'unreadable', message: 'cannot be read', messageZh: '无法读取' } };
    yield { kind: 'done', corpus: { root: '/r', reports, problems: [{ file: 'bad.doc', code: 'unreadable', message: 'cannot be read', messageZh: '无法读取' }] } };
  })();
}

async function start(size = { columns: 120, rows: 30 }, keys = DEFAULT_KEY_BINDINGS, keyErrors: string[] = []) {
  const app = render(<App events={corpusEvents()} bindings={keys} keyErrors={keyErrors} lang="zh" theme={defaultTheme} size={size} />);
  await tick(250);
  return app;
}

// The explorer loads its search module after the first frame; these tests type queries from the start.
beforeAll(() => loadSearch());

describe('App', () => {
  it('lists the reports and shows the match count and the focused pane’s hints', async () => {
    const { lastFrame } = await start();
    const frame = lastFrame()!;
    expect(frame).toContain('[1] 报告');
    expect(frame).toContain('乌鲁木齐县人民政府');
    expect(frame).toContain('沙依巴克区');
    expect(frame).toMatch(/\/ 搜索/);
    expect(frame).toMatch(/1\/3\s*$/);
    expect(frame.split('\n')).toHaveLength(29);
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(120);
  });

  it('filters as you type, accepts an IME commit of several characters, and Esc cancels', async () => {
    const { lastFrame, stdin } = await start();
    stdin.write('/');
    await tick();
    stdin.write('沙依巴克'); // one chunk, as an IME commits it
    await tick();
    let frame = lastFrame()!;
    expect(frame).toContain('/ 沙依巴克');
    expect(frame).not.toContain('乌鲁木齐县人民政府');
    expect(frame).toMatch(/1\/1 \(3\)\s*$/);
    stdin.write('\u001b');
    await tick();
    frame = lastFrame()!;
    expect(frame).toContain('乌鲁木齐县人民政府');
    expect(frame).not.toContain('/ 沙依巴克');
  });

  it('Enter keeps the filter; Tab switches tabs; table 3 shows the figures', async () => {
    const { lastFrame, stdin } = await start();
    stdin.write('/');
    await tick();
    stdin.write('乌鲁木齐');
    await tick();
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toMatch(/1\/1 \(3\)\s*$/);
    stdin.write('\t');
    await tick();
    expect(lastFrame()).toContain('› 主动公开');
    stdin.write('4');
    await tick();
    const frame = lastFrame()!;
    expect(frame).toContain('› 依申请');
    expect(frame).toMatch(/本年新收\s+532\s+147\s+0\s+2\s+7\s+15\s+703/);
  });

  it('n jumps to the cell the next anomaly names and says what it is', async () => {
    const { lastFrame, stdin } = await start();
    stdin.write('n');
    await tick();
    const frame = lastFrame()!;
    expect(frame).toContain('outcome-sum：applications.granted.total');
    expect(frame).toMatch(/予以公开\s+176/);
  });

  it('? opens the help generated from the keymap', async () => {
    const { lastFrame, stdin } = await start();
    stdin.write('?');
    await tick();
    expect(lastFrame()).toContain('按键帮助');
    expect(lastFrame()).toContain('下一个异常');
    stdin.write('?');
    await tick();
    expect(lastFrame()).not.toContain('按键帮助');
  });

  it('lists the files that failed to load with the reason', async () => {
    const { lastFrame, stdin } = await start();
    stdin.write('8');
    await tick();
    expect(lastFrame()).toMatch(/bad\.doc 无法读取 \(unreadable\)/);
  });

  it('says the terminal is too small instead of drawing a garbled screen', async () => {
    const { lastFrame } = await start({ columns: 50, rows: 12 });
    expect(lastFrame()).toContain('终端太小（50×12）');
  });

  it('at 80 columns the list and the detail take turns; Esc goes back', async () => {
    const { lastFrame, stdin } = await start({ columns: 80, rows: 24 });
    expect(lastFrame()).toContain('[1] 报告');
    stdin.write('\r');
    await tick();
    expect(lastFrame()).not.toContain('[1] 报告');
    expect(lastFrame()).toContain('乌鲁木齐县人民政府2023年');
    stdin.write('\u001b');
    await tick();
    expect(lastFrame()).toContain('[1] 报告');
  });

  it('reports bad key settings once and keeps the defaults', async () => {
    const { bindings, errors } = applyKeyOverrides({ jump: 'x' });
    const { lastFrame } = await start(undefined, bindings, errors);
    expect(lastFrame()).toContain('按键设置有误，已使用默认按键：keys.jump: unknown command');
  });

  it('sanitises report text before it reaches the terminal', async () => {
    const { lastFrame } = await start();
    const frame = lastFrame()!;
    expect(frame).toContain('乌鲁木齐县');
    expect(frame).not.toContain('\u001b[31m坚持');
  });
});

describe('App input chunks', () => {
  it('treats "/" followed by text in one chunk as opening the search with that query', async () => {
    const app = render(<App events={corpusEvents()} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 120, rows: 30 }} />);
    await tick(250);
    app.stdin.write('/沙依巴克');
    await tick();
    expect(app.lastFrame()).toContain('/ 沙依巴克');
    expect(app.lastFrame()).toMatch(/1\/1 \(3\)\s*$/);
  });
});

describe('App input chunks of keys', () => {
  it('runs each key of a chunk such as "j4"', async () => {
    const app = render(<App events={corpusEvents()} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 120, rows: 30 }} />);
    await tick(250);
    app.stdin.write('j4');
    await tick();
    expect(app.lastFrame()).toMatch(/沙依巴克区人民政府 2022 › 依申请/);
  });
});
