import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { DecisionStore } from '../../../src/settings/decisions.js';
import { ReviewQueue } from '../../../src/views/review/ReviewQueue.js';
import type { QueueEntry } from '../../../src/views/review/queueReducer.js';
import { LangContext } from '../../../src/views/i18n.js';
import { makeAnomaly, makeReport, table3 } from '../charts/reportFixture.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const now = () => new Date('2024-06-01T08:30:00.000Z');

const reports = [
  makeReport({
    file: 'east/2022.txt',
    jurisdiction: '东区人民政府',
    applications: table3({ 'newReceived.total': 9 }),
    anomalies: [makeAnomaly({ fingerprint: 'E-balance' }), makeAnomaly({ id: 'late-publication', severity: 'warning', fingerprint: 'E-late', cells: [] })],
  }),
  makeReport({
    file: 'west/2021.txt',
    jurisdiction: '西区人民政府',
    year: 2021,
    anomalies: [makeAnomaly({ id: 'row-sum', fingerprint: 'W-rowsum', message: 'row does not add up', messageZh: '行合计不符' })],
  }),
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-queue-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function press(stdin: { write: (s: string) => void }, ...keys: string[]) {
  for (const key of keys) {
    stdin.write(key);
    await tick();
  }
}

describe('<ReviewQueue>', () => {
  it('shows every anomaly of the folder with its report, and the selected one\'s cells', () => {
    const { lastFrame } = render(<ReviewQueue reports={reports} store={null} width={70} height={14} now={now} />);
    const frame = lastFrame()!;
    expect(frame).toContain('审阅队列 1/3');
    expect(frame).toContain('东区人民政府 2022  balance');
    expect(frame).toContain('西区人民政府 2021  row-sum  行合计不符');
    expect(frame).toContain('东区人民政府 2022 · east/2022.txt');
    expect(frame).toContain('表三 本年新收·总计 = 9');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(70);
    expect(frame.split('\n').length).toBeLessThanOrEqual(14);
  });

  it('records decisions and notes in the store as they are made, and they survive a restart', async () => {
    const store = new DecisionStore({ dir });
    const editing: boolean[] = [];
    const { stdin, lastFrame, unmount } = render(
      <LangContext.Provider value="en">
        <ReviewQueue reports={reports} store={store} width={80} height={14} isActive now={now} onTextEntry={(e) => editing.push(e)} />
      </LangContext.Provider>,
    );
    await tick();
    await press(stdin, 'c'); // confirm E-balance, move on to W-rowsum
    expect(new DecisionStore({ dir }).get('E-balance')).toEqual({ status: 'confirmed', at: '2024-06-01T08:30:00.000Z' });
    await press(stdin, 'm', 'o', 'k', ' ', '原', '\r'); // note typed before deciding
    expect(editing).toEqual([true, false]);
    expect(editing[editing.length - 1]).toBe(false);
    await press(stdin, 'd');
    expect(new DecisionStore({ dir }).get('W-rowsum')).toEqual({ status: 'dismissed', note: 'ok 原', at: '2024-06-01T08:30:00.000Z' });
    expect(lastFrame()).toContain('decided 2');
    unmount();

    // A new session shows the saved decisions.
    const again = render(
      <LangContext.Provider value="en">
        <ReviewQueue reports={reports} store={new DecisionStore({ dir })} width={80} height={14} isActive now={now} />
      </LangContext.Provider>,
    );
    await tick();
    const frame = again.lastFrame()!;
    expect(frame).toContain('decided 2');
    expect(frame).toMatch(/✔ 东区人民政府 2022 {2}balance/);
    expect(frame).toMatch(/✗ 西区人民政府 2021 {2}row-sum/);
  });

  it('undo removes the decision from the file too', async () => {
    const store = new DecisionStore({ dir });
    const { stdin } = render(<ReviewQueue reports={reports} store={store} width={80} height={14} isActive now={now} />);
    await tick();
    await press(stdin, 'c', 'u');
    expect(new DecisionStore({ dir }).all()).toEqual({});
  });

  it('filters by severity and steps with wrap-around', async () => {
    const { stdin, lastFrame } = render(
      <LangContext.Provider value="en">
        <ReviewQueue reports={reports} store={null} width={80} height={14} isActive now={now} />
      </LangContext.Provider>,
    );
    await tick();
    await press(stdin, 's'); // errors only
    expect(lastFrame()).toContain('1/2');
    expect(lastFrame()).not.toContain('late-publication');
    await press(stdin, 'N'); // wraps to the last error
    expect(lastFrame()).toContain('2/2');
    expect(lastFrame()).toContain('west/2021.txt');
  });

  it('hands the selected entry to onJump on Enter', async () => {
    const jumped: QueueEntry[] = [];
    const { stdin } = render(<ReviewQueue reports={reports} store={null} width={80} height={14} isActive now={now} onJump={(e) => jumped.push(e)} />);
    await tick();
    await press(stdin, 'n', '\r');
    expect(jumped.map((e) => [e.report.file, e.anomaly.fingerprint])).toEqual([['west/2021.txt', 'W-rowsum']]);
  });

  it('says when a decision could not be saved', async () => {
    const failing = {
      all: () => ({}),
      set: () => {
        throw new Error('EROFS: read-only file system');
      },
      clear: () => undefined,
    };
    const { stdin, lastFrame } = render(
      <LangContext.Provider value="en">
        <ReviewQueue reports={reports} store={failing} width={80} height={14} isActive now={now} />
      </LangContext.Provider>,
    );
    await tick();
    await press(stdin, 'c');
    expect(lastFrame()).toContain('Decision not saved: EROFS');
    expect(lastFrame()).toContain('1/3'); // did not move on as if saved
  });
});
