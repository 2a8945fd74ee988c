import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import type { Anomaly } from '../../../src/parse/model.js';
import { AnomaliesPane } from '../../../src/views/review/AnomaliesPane.js';
import { LangContext } from '../../../src/views/i18n.js';
import { ThemeContext, noColorTheme } from '../../../src/views/theme.js';
import { makeAnomaly, makeReport, table3 } from '../charts/reportFixture.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

const report = makeReport({
  applications: table3({ 'newReceived.total': 12, 'outcomeTotal.total': 10 }),
  anomalies: [
    makeAnomaly({ fingerprint: 'f1' }),
    makeAnomaly({
      id: 'late-publication',
      severity: 'warning',
      message: 'Published after the deadline',
      messageZh: '晚于法定期限公布\u001b[2J',
      cells: ['publishedAt'],
      fingerprint: 'f2',
    }),
    makeAnomaly({ id: 'legacy-format', severity: 'info', message: 'Pre-2019 report', messageZh: '2019年前的报告', cells: [], fingerprint: 'f3' }),
  ],
});

describe('<AnomaliesPane>', () => {
  it('lists severity symbol, rule id and message in the UI language, within the width', () => {
    const { lastFrame } = render(
      <LangContext.Provider value="zh">
        <AnomaliesPane report={report} width={50} height={12} onJump={() => undefined} />
      </LangContext.Provider>,
    );
    const frame = lastFrame()!;
    const lines = frame.split('\n');
    expect(lines[0]).toContain('1/3');
    expect(lines[1]).toContain('✖ balance');
    expect(lines[2]).toContain('▲ late-publication');
    expect(lines[2]).toContain('晚于法定期限公布');
    expect(frame).not.toContain('\u001b[2J'); // report text is sanitized
    expect(lines[3]).toContain('● legacy-format');
    // Details of the selected one: the cell with its label and value.
    expect(frame).toContain('表三 本年新收·总计 = 12');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(50);
  });

  it('shows English messages and keeps severity as a symbol without colour', () => {
    const { lastFrame } = render(
      <ThemeContext.Provider value={noColorTheme}>
        <LangContext.Provider value="en">
          <AnomaliesPane report={report} width={60} height={12} onJump={() => undefined} />
        </LangContext.Provider>
      </ThemeContext.Provider>,
    );
    const lines = lastFrame()!.split('\n');
    expect(lines[1]).toMatch(/^>E balance/);
    expect(lines[2]).toContain('W late-publication  Published after the deadline');
    expect(lines[3]).toContain('i legacy-format');
  });

  it('moves with the keys only while active and calls onJump with the selected anomaly on Enter', async () => {
    const jumped: Anomaly[] = [];
    const { stdin, lastFrame, rerender } = render(<AnomaliesPane report={report} width={60} height={12} onJump={(a) => jumped.push(a)} />);
    await tick();
    stdin.write('j');
    await tick();
    expect(lastFrame()!.split('\n')[0]).toContain('1/3'); // inactive: keys ignored
    rerender(<AnomaliesPane report={report} width={60} height={12} isActive onJump={(a) => jumped.push(a)} />);
    await tick();
    stdin.write('j');
    await tick();
    expect(lastFrame()!.split('\n')[0]).toContain('2/3');
    stdin.write('\r');
    await tick();
    expect(jumped.map((a) => a.fingerprint)).toEqual(['f2']);
    stdin.write('k');
    await tick();
    stdin.write('k'); // wraps to the last
    await tick();
    stdin.write('\r');
    await tick();
    expect(jumped.map((a) => a.fingerprint)).toEqual(['f2', 'f3']);
  });

  it('uses the keymap passed in as bindings', async () => {
    const jumped: string[] = [];
    const { stdin } = render(
      <AnomaliesPane
        report={report}
        width={60}
        height={12}
        isActive
        bindings={(input) => (input === 'x' ? 'anomaly.last' : input === 'o' ? 'anomaly.jump' : null)}
        onJump={(a) => jumped.push(a.fingerprint)}
      />,
    );
    await tick();
    stdin.write('j'); // not bound here
    await tick();
    stdin.write('x');
    await tick();
    stdin.write('o');
    await tick();
    expect(jumped).toEqual(['f3']);
  });

  it('says so when there is no report or no anomaly', () => {
    const none = render(<AnomaliesPane report={null} width={40} height={5} onJump={() => undefined} />);
    expect(none.lastFrame()).toContain('未选择报告');
    const clean = render(
      <LangContext.Provider value="en">
        <AnomaliesPane report={makeReport()} width={40} height={5} onJump={() => undefined} />
      </LangContext.Provider>,
    );
    expect(clean.lastFrame()).toContain('No anomalies found');
  });

  it('scrolls a long list inside a short pane', async () => {
    const many = makeReport({ anomalies: Array.from({ length: 20 }, (_, i) => makeAnomaly({ fingerprint: `m${i}`, message: `problem ${i}` })) });
    const { stdin, lastFrame } = render(
      <LangContext.Provider value="en">
        <AnomaliesPane report={many} width={40} height={10} isActive onJump={() => undefined} />
      </LangContext.Provider>,
    );
    await tick();
    for (let i = 0; i < 7; i++) {
      stdin.write('j');
      await tick();
    }
    const lines = lastFrame()!.split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines[0]).toContain('8/20');
    expect(lines.some((l) => l.includes('problem 7'))).toBe(true);
    expect(lines.some((l) => l.includes('problem 0'))).toBe(false);
  });
});
