import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ReportList } from '../../../src/views/components/ReportList.js';
import { SearchBox } from '../../../src/views/components/SearchBox.js';
import { initialListState, listReducer } from '../../../src/views/state/listState.js';
import { ThemeContext, noColorTheme } from '../../../src/views/theme.js';
import { manyReports, sampleReport } from '../fixtures/reports.js';

describe('ReportList', () => {
  it('renders only the rows in its window, however long the list', () => {
    const reports = manyReports(5000);
    const list = listReducer(initialListState(5000, 8), { type: 'select', index: 2500 });
    const { lastFrame } = render(<ReportList reports={reports} list={list} width={40} focused emptyMessage="none" />);
    const lines = lastFrame()!.split('\n');
    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toContain('第2500号县');
    expect(lines[0]).toContain('第2493号县');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(40);
  });

  it('shows jurisdiction, year, level and a badge whose symbols carry severity without colour', () => {
    const { lastFrame } = render(
      <ThemeContext.Provider value={noColorTheme}>
        <ReportList reports={[sampleReport()]} list={initialListState(1, 5)} width={50} focused emptyMessage="none" />
      </ThemeContext.Provider>,
    );
    const line = lastFrame()!;
    expect(line).toMatch(/^> 乌鲁木齐县人民政府\s+2023 县\s+E1 W1$/);
  });

  it('says why it is empty', () => {
    const { lastFrame } = render(<ReportList reports={[]} list={initialListState(0, 5)} width={30} focused={false} emptyMessage="没有匹配的报告" />);
    expect(lastFrame()).toContain('没有匹配的报告');
  });
});

describe('SearchBox', () => {
  it('shows the query, a cursor and the match count', () => {
    const { lastFrame } = render(<SearchBox draft="乌鲁木齐" matches={3} total={5} width={40} />);
    const frame = lastFrame()!;
    expect(frame).toMatch(/^\/ 乌鲁木齐 /);
    expect(frame.trimEnd().endsWith('3/5')).toBe(true);
    expect(stringWidth(frame)).toBe(40);
  });

  it('keeps the end of a long query in view', () => {
    const { lastFrame } = render(<SearchBox draft={'新疆维吾尔自治区乌鲁木齐市沙依巴克区'} matches={0} total={5} width={24} />);
    const frame = lastFrame()!;
    expect(frame).toContain('沙依巴克区');
    expect(stringWidth(frame)).toBeLessThanOrEqual(24);
  });
});
