import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { Table } from '../../../src/views/components/Table.js';
import { layoutColumns, windowStart } from '../../../src/views/components/tableLayout.js';
import { activeTable, applicationsTable } from '../../../src/views/tabs/tableData.js';
import { sampleReport } from '../fixtures/reports.js';
import { ThemeContext, noColorTheme } from '../../../src/views/theme.js';

const lines = (frame: string | undefined) => (frame ?? '').split('\n');

function renderTable(width: number, height: number, lang: 'zh' | 'en' = 'zh', full = false) {
  const data = applicationsTable(sampleReport(), lang, full);
  return render(<Table labelHeader={data.labelHeader} columns={data.columns} rows={data.rows} width={width} height={height} cursor={{ row: 0, col: 6 }} focused />);
}

describe('Table', () => {
  it('lines up Chinese labels and right-aligns numbers: every line has the same display width', () => {
    const out = lines(renderTable(90, 30).lastFrame());
    const widths = new Set(out.map((l) => stringWidth(l.trimEnd())).filter((w) => w > 0));
    // header, rule and 25 rows
    expect(out.filter((l) => l.trim() !== '')).toHaveLength(27);
    // Every row ends where the header ends (right-aligned 总计 column).
    expect(widths.size).toBe(1);
    const header = out[0]!;
    const newReceived = out.find((l) => l.startsWith('本年新收'))!;
    expect(stringWidth(newReceived.slice(0, newReceived.indexOf('703') + 3))).toBe(stringWidth(header.trimEnd()));
  });

  it('never overflows its width and truncates with … without splitting a wide character', () => {
    for (const width of [30, 41, 57, 80]) {
      const out = lines(renderTable(width, 12, 'zh', true).lastFrame());
      for (const line of out) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      const truncated = out.filter((l) => l.includes('…'));
      expect(truncated.length).toBeGreaterThan(0);
      for (const l of truncated) expect(l).not.toMatch(/\uFFFD/);
    }
  });

  it('shows null as — and a blank cell with the token the report wrote', () => {
    const out = lines(renderTable(100, 30).lastFrame());
    const carriedOver = out.find((l) => l.startsWith('上年结转'))!;
    expect(carriedOver).toContain('/');
    expect(carriedOver).toContain('—');
  });

  it('marks the cells an anomaly names', () => {
    const data = applicationsTable(sampleReport(), 'zh', false);
    const granted = data.rows.find((r) => r.key === 'granted')!;
    expect(granted.cells[6]).toMatchObject({ text: '315', highlight: true, path: 'applications.granted.total' });
    expect(granted.cells[0]!.highlight).toBe(false);
  });

  it('windows the rows around the cursor and says where it is', () => {
    const data = applicationsTable(sampleReport(), 'zh', false);
    const { lastFrame } = render(<Table labelHeader="项目" columns={data.columns} rows={data.rows} width={90} height={8} cursor={{ row: 24, col: 0 }} focused />);
    const out = lines(lastFrame());
    expect(out).toHaveLength(8);
    expect(out[1]).toContain('20-25/25');
    expect(out.at(-1)).toContain('结转下年度');
  });
});

describe('layoutColumns', () => {
  it('drops columns from the right only when headers are already as narrow as their data', () => {
    const data = applicationsTable(sampleReport(), 'zh', false);
    const wide = layoutColumns('项目', data.columns, data.rows, 120);
    expect(wide.visible).toHaveLength(7);
    // At 30 columns every column still fits once its header is cut to the width of its figures (703 → 3).
    const tight = layoutColumns('项目', data.columns, data.rows, 30);
    expect(tight.visible).toHaveLength(7);
    expect(tight.widths[1]).toBeLessThan(8); // 商业企业 cut
    expect(tight.widths[6]).toBeGreaterThanOrEqual(3); // never narrower than 703
    expect(tight.lineWidth).toBeLessThanOrEqual(30);
    const narrow = layoutColumns('项目', data.columns, data.rows, 20);
    expect(narrow.visible.length).toBeLessThan(7);
    expect(narrow.visible[0]).toBe(0);
    expect(narrow.lineWidth).toBeLessThanOrEqual(20);
  });

  it('windowStart keeps the cursor in view', () => {
    expect(windowStart(0, 25, 10)).toBe(0);
    expect(windowStart(24, 25, 10)).toBe(15);
    expect(windowStart(12, 25, 10)).toBe(7);
    expect(windowStart(3, 5, 10)).toBe(0);
  });
});

describe('Table headers', () => {
  it('a text column’s header starts where its cells start (table 2: 指标 over 本年制发件数)', () => {
    const data = activeTable(sampleReport(), 'zh');
    const out = lines(render(<Table labelHeader={data.labelHeader} columns={data.columns} rows={data.rows} width={100} height={30} />).lastFrame());
    const header = out[0]!;
    const row = out.find((l) => l.includes('本年制发件数'))!;
    const startOf = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
    expect(startOf(header, '指标')).toBe(startOf(row, '本年制发件数'));
    // The number column stays right-aligned under its header.
    const valueEnd = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text) + text.length));
    expect(valueEnd(header, '数值')).toBe(stringWidth(row.trimEnd()));
  });
});

describe('Table without colour', () => {
  it('marks the cell under the cursor with > as well as inverse video (TERM=dumb drops inverse)', () => {
    const data = applicationsTable(sampleReport(), 'zh', false);
    const frame = render(
      <ThemeContext.Provider value={noColorTheme}>
        <Table labelHeader={data.labelHeader} columns={data.columns} rows={data.rows} width={90} height={30} cursor={{ row: 0, col: 6 }} focused />
      </ThemeContext.Provider>,
    ).lastFrame()!;
    const row = lines(frame).find((l) => l.startsWith('本年新收'))!;
    expect(row).toMatch(/>\s*703/);
    expect(lines(frame).filter((l) => l.includes('>'))).toHaveLength(1);
    expect(stringWidth(row)).toBe(stringWidth(lines(frame)[0]!.trimEnd()));
  });
});
