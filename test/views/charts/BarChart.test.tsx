import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { BarChart } from '../../../src/views/charts/BarChart.js';
import { barString, layoutBars, type BarRow } from '../../../src/views/charts/barLayout.js';
import { ThemeContext, noColorTheme } from '../../../src/views/theme.js';

const chineseRows: BarRow[] = [
  { label: '予以公开', value: 120 },
  { label: '部分公开', value: 30 },
  { label: '不予公开', value: 6 },
  { label: '无法提供', value: 44 },
  { label: 'Other', value: 0 },
  { label: '要求行政机关确认或重新出具已获取信息', value: null },
];

/** Columns a bar of full blocks and eighth blocks covers, in eighths. */
function barEighths(bar: string): number {
  const partial = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
  let eighths = 0;
  for (const ch of bar.trimEnd()) eighths += ch === '█' ? 8 : partial.indexOf(ch);
  return eighths;
}

describe('layoutBars', () => {
  for (const width of [12, 20, 33, 40, 61, 80, 120]) {
    it(`never exceeds ${width} columns, with aligned labels and bars`, () => {
      const lines = layoutBars(chineseRows, { width });
      for (const line of lines) expect(stringWidth(line.label + line.bar + line.value)).toBeLessThanOrEqual(width);
      // Every bar starts at the same column.
      expect(new Set(lines.map((l) => stringWidth(l.label))).size).toBe(1);
      // And every value column ends at the same column.
      expect(new Set(lines.map((l) => stringWidth(l.label + l.bar + l.value))).size).toBe(1);
    });
  }

  it('scales bars to the largest value, proportionally', () => {
    const lines = layoutBars(chineseRows, { width: 60 });
    const barColumns = stringWidth(lines[0]!.bar);
    const granted = barEighths(lines[0]!.bar);
    expect(granted).toBe(barColumns * 8); // the largest fills the bar column
    const partial = barEighths(lines[1]!.bar);
    // 30/120 of the bar, to within one eighth of a cell.
    expect(Math.abs(partial - (granted * 30) / 120)).toBeLessThanOrEqual(1);
    const unavailable = barEighths(lines[3]!.bar);
    expect(Math.abs(unavailable - (granted * 44) / 120)).toBeLessThanOrEqual(1);
    expect(barEighths(lines[4]!.bar)).toBe(0); // zero: no bar
    expect(barEighths(lines[5]!.bar)).toBe(0); // blank: no bar
  });

  it('shows counts and shares of the total, and a dash for blanks', () => {
    const lines = layoutBars(chineseRows, { width: 70 });
    const words = (i: number) => lines[i]!.value.trim().split(/\s+/);
    expect(words(0)).toEqual(['120', '60%']); // 120 / 200
    expect(words(1)).toEqual(['30', '15%']);
    expect(words(2)).toEqual(['6', '3.0%']);
    expect(words(5)).toEqual(['—']);
    // Counts right-aligned: the percent column starts at the same place on every line.
    expect(lines[0]!.value.indexOf('60%')).toBe(lines[2]!.value.indexOf('3.0%') + 1);
  });

  it('cuts a long label with an ellipsis instead of overflowing', () => {
    const lines = layoutBars(chineseRows, { width: 40 });
    expect(lines[5]!.label).toContain('…');
    expect(stringWidth(lines[5]!.label)).toBe(stringWidth(lines[0]!.label));
  });
});

describe('barString', () => {
  it('uses eighth blocks', () => {
    expect(barString(0.5, 3)).toBe('█▌');
    expect(barString(1, 4)).toBe('████');
    expect(barString(0.01, 4)).toBe('▏'); // a non-zero value never looks like zero
    expect(barString(0, 4)).toBe('');
  });
  it('rounds to whole cells with an ASCII bar', () => {
    expect(barString(0.5, 10, '#')).toBe('#####');
    expect(barString(0.01, 10, '#')).toBe('#');
  });
});

describe('<BarChart>', () => {
  it('renders every line within the width, with Chinese labels', () => {
    const { lastFrame } = render(<BarChart rows={chineseRows} width={36} title="办理结果 Outcomes" />);
    const lines = lastFrame()!.split('\n');
    expect(lines).toHaveLength(chineseRows.length + 1);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(36);
    expect(lines[1]).toContain('予以公开');
    expect(lines[1]).toContain('60%');
  });

  it('draws with the theme bar character when colour is off', () => {
    const { lastFrame } = render(
      <ThemeContext.Provider value={noColorTheme}>
        <BarChart rows={chineseRows.slice(0, 2)} width={30} />
      </ThemeContext.Provider>,
    );
    const frame = lastFrame()!;
    expect(frame).toContain('#');
    expect(frame).not.toContain('█');
  });
});
