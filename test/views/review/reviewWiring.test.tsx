// Reviewer mode as the user reaches it: opened from the app's keymap, deciding through the real DecisionStore
// on disk, and a fresh explorer on the same decisions directory showing what was decided.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../../src/load/types.js';
import type { Report } from '../../../src/parse/model.js';
import { DecisionStore } from '../../../src/settings/decisions.js';
import { App } from '../../../src/views/App.js';
import { DEFAULT_KEY_BINDINGS } from '../../../src/views/keys/keyBindings.js';
import { loadSearch } from '../../../src/views/search/reportSearch.js';
import { defaultTheme } from '../../../src/views/theme.js';
import { anomaly, makeReport, sampleReport } from '../fixtures/reports.js';

const tick = (ms = 150) => new Promise((r) => setTimeout(r, ms));

const reports = (): Report[] => [
  sampleReport(),
  makeReport({ file: 'b.txt', jurisdiction: '沙依巴克区人民政府', level: 'district', year: 2022, anomalies: [anomaly('balance', 'info', ['applications.newReceived.total'])] }),
];

function events(list: Report[]): AsyncIterable<LoadEvent> {
  return (async function* () {
    for (const report of list) yield { kind: 'report', report } as LoadEvent;
    yield { kind: 'done', corpus: { root: '/r', reports: list, problems: [] } };
  })();
}

async function start(dir: string, size = { columns: 120, rows: 30 }) {
  const store = new DecisionStore({ dir });
  const app = render(<App events={events(reports())} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={size} decisions={store} />);
  await tick(250);
  return app;
}

const send = async (stdin: { write: (s: string) => void }, key: string) => {
  stdin.write(key);
  await tick();
};

/** The queue row of an anomaly: the line that names its rule. */
const rowOf = (frame: string, rule: string) => frame.split('\n').find((line) => line.includes(`  ${rule}  `)) ?? '';

// The explorer loads its search module after the first frame; these tests type queries from the start.
beforeAll(() => loadSearch());

describe('reviewer mode in the explorer', () => {
  it('R opens the queue, errors first; c and d are written to decisions.json; a fresh explorer shows them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-review-'));
    const first = await start(dir);
    await send(first.stdin, 'R');
    let frame = first.lastFrame()!;
    expect(frame).toContain('审阅队列 1/3');
    const lines = frame.split('\n');
    const order = ['outcome-sum', 'late-publication', 'balance'].map((rule) => lines.findIndex((l) => l.includes(`  ${rule}  `)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(120);

    await send(first.stdin, 'c');
    await send(first.stdin, 'd');
    frame = first.lastFrame()!;
    expect(rowOf(frame, 'outcome-sum')).toContain('✔');
    expect(rowOf(frame, 'late-publication')).toContain('✗');
    expect(rowOf(frame, 'balance')).toContain('·');
    const saved = JSON.parse(readFileSync(path.join(dir, 'decisions.json'), 'utf8')) as { decisions: Record<string, { status: string }> };
    expect(Object.keys(saved.decisions).sort()).toEqual(['late-publication:publishedAt', 'outcome-sum:applications.granted.total']);
    expect(saved.decisions['outcome-sum:applications.granted.total']!.status).toBe('confirmed');
    expect(saved.decisions['late-publication:publishedAt']!.status).toBe('dismissed');
    first.unmount();

    const second = await start(dir);
    await send(second.stdin, '9');
    frame = second.lastFrame()!;
    expect(frame).toContain('已决定 2');
    expect(rowOf(frame, 'outcome-sum')).toContain('✔');
    expect(rowOf(frame, 'late-publication')).toContain('✗');
    second.unmount();
  });

  it('while the note is typed, q, Esc-less keys and 1-9 are text; Esc closes the note but stays in the queue', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-review-'));
    const app = await start(dir);
    await send(app.stdin, 'R');
    await send(app.stdin, 'm');
    for (const ch of ['q', '1', 'R', 'd']) await send(app.stdin, ch);
    expect(app.lastFrame()).toContain('备注: q1Rd');
    await send(app.stdin, '\r');
    await send(app.stdin, 'c');
    const saved = JSON.parse(readFileSync(path.join(dir, 'decisions.json'), 'utf8')) as { decisions: Record<string, { status: string; note?: string }> };
    expect(saved.decisions['outcome-sum:applications.granted.total']).toMatchObject({ status: 'confirmed', note: 'q1Rd' });
    await send(app.stdin, 'm');
    await send(app.stdin, '\u001b');
    expect(app.lastFrame()).toContain('审阅队列 2/3');
    // Outside the note, Esc leaves the queue for the list.
    await send(app.stdin, '\u001b');
    expect(app.lastFrame()).toContain('[1] 报告');
    expect(app.lastFrame()).not.toContain('审阅队列 2/3');
    app.unmount();
  });

  it('Enter opens the anomaly’s report at its cell, even when a search hides that report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-review-'));
    const app = await start(dir);
    await send(app.stdin, '/');
    await send(app.stdin, '沙依巴克');
    await send(app.stdin, '\r');
    expect(app.lastFrame()).toMatch(/1\/1 \(2\)\s*$/);
    await send(app.stdin, 'R');
    await send(app.stdin, '\r');
    const frame = app.lastFrame()!;
    expect(frame).toContain('[2-9] 乌鲁木齐县人民政府 2023');
    expect(frame).toContain('✖ outcome-sum：applications.granted.total');
    expect(frame).toMatch(/予以公开\s+176/);
    expect(frame).toMatch(/1\/2\s*$/);
    // Back in the queue, the cursor is where it was.
    await send(app.stdin, '9');
    expect(app.lastFrame()).toContain('审阅队列 1/3');
    app.unmount();
  });

  it('without a decision store the queue says it is not saving', async () => {
    const app = render(<App events={events(reports())} bindings={DEFAULT_KEY_BINDINGS} lang="en" theme={defaultTheme} size={{ columns: 100, rows: 24 }} />);
    await tick(250);
    await send(app.stdin, 'R');
    expect(app.lastFrame()).toContain('Not saving: no decision store');
    app.unmount();
  });
});
