// The outcome tab is taller than the pane at 80×24; it must scroll with the keymap's move commands, say where it
// is, and never draw past its box.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../../src/load/types.js';
import { App } from '../../../src/views/App.js';
import { OutcomePane, scrollPosition, scrollTop } from '../../../src/views/charts/OutcomePane.js';
import { paneInner } from '../../../src/views/components/Pane.js';
import { DEFAULT_KEY_BINDINGS } from '../../../src/views/keys/keyBindings.js';
import { screenLayout } from '../../../src/views/layout.js';
import { defaultTheme } from '../../../src/views/theme.js';
import { makeReport as makeAppReport, sampleReport } from '../fixtures/reports.js';
import { makeReport, table3, table4 } from './reportFixture.js';

const tick = (ms = 100) => new Promise((r) => setTimeout(r, ms));
const KEYS = { down: '\u001B[B', up: '\u001B[A', pageDown: '\u001B[6~', pageUp: '\u001B[5~' };

// The outcome pane's box inside the detail pane at 80×24: the pane's inner size less the tab bar line.
const layout = screenLayout(80, 24, 'detail');
const inner = paneInner(layout.detailWidth, layout.paneHeight);
const PANE = { width: inner.width, height: inner.height - 1 };

const full = makeReport({
  applications: table3({
    'newReceived.total': 120,
    'newReceived.naturalPerson': 100,
    'newReceived.commercial': 20,
    'granted.total': 60,
    'partial.total': 10,
    'denied.stateSecret.total': 5,
    'unavailable.notHeld.total': 40,
    'outcomeTotal.total': 115,
  }),
  reviews: table4({
    ...{ 'review.upheld': 8, 'review.corrected': 2, 'review.other': 0, 'review.total': 10 },
    ...{ 'litigationDirect.upheld': 3, 'litigationDirect.corrected': 0, 'litigationDirect.other': 0, 'litigationDirect.total': 3 },
    ...{ 'litigationAfterReview.upheld': 0, 'litigationAfterReview.corrected': 0, 'litigationAfterReview.other': 0, 'litigationAfterReview.total': 0 },
  }),
});

function frameLines(frame: string | undefined): string[] {
  return (frame ?? '').split('\n');
}

describe('scrollTop', () => {
  it('moves by line, by page (keeping one line of overlap) and to either end, never past the last screen', () => {
    expect(scrollTop(0, 'down', 18, 43)).toBe(1);
    expect(scrollTop(0, 'up', 18, 43)).toBe(0);
    expect(scrollTop(0, 'pageDown', 18, 43)).toBe(17);
    expect(scrollTop(17, 'pageDown', 18, 43)).toBe(25);
    expect(scrollTop(25, 'pageUp', 18, 43)).toBe(8);
    expect(scrollTop(9, 'top', 18, 43)).toBe(0);
    expect(scrollTop(0, 'bottom', 18, 43)).toBe(25);
    expect(scrollTop(0, 'bottom', 18, 10)).toBe(0);
    expect(scrollPosition(25, 18, 43)).toBe('26-43/43');
  });
});

describe('<OutcomePane> scrolling at 80×24', () => {
  it('hides the last rate at first and shows it after G, within the pane width', async () => {
    const app = render(<OutcomePane reports={[full]} report={full} width={PANE.width} height={PANE.height} isActive />);
    let lines = frameLines(app.lastFrame());
    expect(lines).toHaveLength(PANE.height);
    expect(lines.join('\n')).not.toContain('争议转化率');
    const position = lines.at(-1)!.match(/(\d+)-(\d+)\/(\d+)/);
    expect(position?.slice(1, 3)).toEqual(['1', String(PANE.height - 1)]);
    const total = Number(position![3]);
    expect(total).toBeGreaterThan(PANE.height);

    app.stdin.write('G');
    await tick();
    lines = frameLines(app.lastFrame());
    expect(lines).toHaveLength(PANE.height);
    // The set's dispute rate is the very last line of the content: 13 disputes over 120 new requests.
    expect(lines.at(-2)).toMatch(/^争议转化率 +11% +13\/120/);
    expect(lines.at(-1)).toContain(`${total - PANE.height + 2}-${total}/${total}`);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(PANE.width);

    app.stdin.write('g');
    await tick();
    expect(app.lastFrame()).toContain(`1-${PANE.height - 1}/${total}`);
    expect(app.lastFrame()).toContain('本报告');
  });

  it('pages with PgDn/PgUp and steps with j/k and the arrows', async () => {
    const app = render(<OutcomePane reports={[full]} report={full} width={PANE.width} height={PANE.height} isActive />);
    const viewport = PANE.height - 1;
    app.stdin.write(KEYS.pageDown);
    await tick();
    let frame = app.lastFrame()!;
    // The report's own rates follow its charts, so one page down reaches them.
    expect(frame).toMatch(/争议转化率 +11% +13\/120/);
    expect(frame).toContain(`${viewport}-${2 * viewport - 1}/`);
    app.stdin.write('j');
    await tick();
    app.stdin.write(KEYS.down);
    await tick();
    expect(app.lastFrame()).toContain(`${viewport + 2}-${2 * viewport + 1}/`);
    app.stdin.write('k');
    await tick();
    app.stdin.write(KEYS.up);
    await tick();
    app.stdin.write(KEYS.pageUp);
    await tick();
    frame = app.lastFrame()!;
    expect(frame).toContain(`1-${viewport}/`);
    for (const line of frameLines(frame)) expect(stringWidth(line)).toBeLessThanOrEqual(PANE.width);
  });

  it('ignores keys while another pane has focus', async () => {
    const app = render(<OutcomePane reports={[full]} report={full} width={PANE.width} height={PANE.height} isActive={false} />);
    app.stdin.write('G');
    await tick();
    expect(app.lastFrame()).toContain(`1-${PANE.height - 1}/`);
  });

  it('shows no position when everything fits', () => {
    const frame = render(<OutcomePane reports={[full]} report={full} width={PANE.width} height={80} isActive />).lastFrame()!;
    expect(frame).not.toMatch(/\d+-\d+\/\d+/);
    expect(frame).toContain('争议转化率');
  });

  it('at 120×40 side by side, reaches the rates below the charts', async () => {
    const wide = screenLayout(120, 40, 'detail');
    const box = paneInner(wide.detailWidth, wide.paneHeight);
    const many = Array.from({ length: 6 }, (_, i) => makeReport({ ...full, file: `a/${2018 + i}.txt`, year: 2018 + i }));
    const app = render(<OutcomePane reports={many} report={many[5]!} allReports={many} width={box.width} height={box.height - 1} isActive />);
    app.stdin.write('G');
    await tick();
    const lines = frameLines(app.lastFrame());
    expect(lines).toHaveLength(box.height - 1);
    expect(lines.join('\n')).toMatch(/2023 .* 120 公开率 61%/);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(box.width);
  });
});

describe('App: the outcome tab at 80×24', () => {
  function corpusEvents(): AsyncIterable<LoadEvent> {
    const reports = [sampleReport(), makeAppReport({ file: 'b.txt', jurisdiction: '沙依巴克区人民政府', level: 'district', year: 2022 })];
    return (async function* () {
      for (const report of reports) yield { kind: 'report', report } as LoadEvent;
      yield { kind: 'done', corpus: { root: '/r', reports, problems: [] } };
    })();
  }

  it('scrolls with G and g while the tab has focus, inside the pane border', async () => {
    const app = render(<App events={corpusEvents()} bindings={DEFAULT_KEY_BINDINGS} lang="zh" theme={defaultTheme} size={{ columns: 80, rows: 24 }} />);
    await tick(250);
    app.stdin.write('6');
    await tick(150);
    let lines = frameLines(app.lastFrame());
    const total = Number(lines.join('\n').match(/1-\d+\/(\d+)/)![1]);
    expect(lines.join('\n')).not.toContain('（合计）');
    app.stdin.write('G');
    await tick(150);
    lines = frameLines(app.lastFrame());
    expect(lines.join('\n')).toContain(`/${total}`);
    expect(lines.join('\n')).toMatch(new RegExp(`\\d+-${total}/${total}`));
    expect(lines.join('\n')).toContain('办理结果（合计）');
    // The pane keeps its bottom border right above the status bar, and no line is wider than the screen.
    expect(lines.at(-2)).toMatch(/^╚═+╝$/);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });
});
