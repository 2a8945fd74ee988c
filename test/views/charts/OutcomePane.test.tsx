import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { OutcomePane } from '../../../src/views/charts/OutcomePane.js';
import { LangContext } from '../../../src/views/i18n.js';
import { makeReport, table3 } from './reportFixture.js';

const withTable = (year: number, received: number, granted: number, concluded: number) =>
  makeReport({
    file: `x/${year}.txt`,
    year,
    applications: table3({
      'newReceived.total': received,
      'newReceived.naturalPerson': received,
      'granted.total': granted,
      'partial.total': 0,
      'unavailable.notHeld.total': concluded - granted,
      'outcomeTotal.total': concluded,
    }),
  });

const r2021 = withTable(2021, 12, 6, 12);
const r2022 = withTable(2022, 40, 30, 40);
const legacy = makeReport({ file: 'old/2015.txt', jurisdictionKey: 'old', year: 2015, format: 'legacy', applications: null });

function frameLines(el: React.ReactElement): string[] {
  return render(el).lastFrame()!.split('\n');
}

describe('<OutcomePane>', () => {
  for (const width of [48, 72, 120]) {
    it(`keeps every line within ${width} columns and shows both halves`, () => {
      const lines = frameLines(<OutcomePane reports={[r2021, r2022, legacy]} report={r2022} width={width} height={60} />);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      const frame = lines.join('\n');
      expect(frame).toContain('本报告');
      expect(frame).toContain('筛选集合：3 份报告，1 份无表三');
      expect(frame).toContain('予以公开');
    });
  }

  it('shows counts, shares and the grant rate, coloured only from 30 cases', () => {
    const frame = render(
      <LangContext.Provider value="en">
        <OutcomePane reports={[r2021, r2022]} report={r2022} width={72} height={60} />
      </LangContext.Provider>,
    ).lastFrame()!;
    // This report: 30 of 40 granted.
    expect(frame).toMatch(/Granted +█+ +30 +75%/);
    expect(frame).toMatch(/Grant rate +75% +30\/40\n/); // 40 cases: no small-sample mark
    // The set: 36 of 52 granted, pooled.
    expect(frame).toMatch(/Grant rate +69% +36\/52/);
    // A body with two years loaded gets its trend; 2021 has 12 cases, marked as a small sample.
    expect(frame).toContain('New requests and grant rate by year');
    expect(frame).toMatch(/2021 .* 12 granted 50%~/);
    expect(frame).toMatch(/2022 .* 40 granted 75%(?!~)/);
  });

  it('marks a small sample', () => {
    const frame = render(<OutcomePane reports={[r2021]} report={r2021} width={72} height={60} />).lastFrame()!;
    expect(frame).toMatch(/实质公开率 +50% +6\/12 +~ 样本少于30/);
  });

  it('says "no table 3 figures" for a legacy report instead of crashing', () => {
    const frame = render(
      <LangContext.Provider value="en">
        <OutcomePane reports={[legacy]} report={legacy} width={60} height={20} />
      </LangContext.Provider>,
    ).lastFrame()!;
    expect(frame).toContain('No table 3 figures (a pre-2019 report');
    expect(frame).toContain('No table 3 figures in the set');
  });

  it('handles no selection and an empty set', () => {
    const frame = render(<OutcomePane reports={[]} report={null} width={60} height={10} />).lastFrame()!;
    expect(frame).toContain('未选择报告');
    expect(frame).toContain('筛选集合：0 份报告');
  });

  it('clips to its height', () => {
    const lines = frameLines(<OutcomePane reports={[r2021, r2022]} report={r2022} width={60} height={12} />);
    expect(lines.length).toBeLessThanOrEqual(12);
  });
});
