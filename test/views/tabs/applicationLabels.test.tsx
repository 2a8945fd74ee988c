// Table 3 with its full official labels: the numbered sub-rows restart at 1. in every group, so each must say
// which group it belongs to.
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { Table } from '../../../src/views/components/Table.js';
import { applicationsTable, locateCell } from '../../../src/views/tabs/tableData.js';
import { tableForTab } from '../../../src/views/tabs/tableTabs.js';
import { sampleReport } from '../fixtures/reports.js';

const labelOf = (rows: { key: string; label: string }[], key: string) => rows.find((r) => r.key === key)!.label;

describe('table 3 with full labels', () => {
  const full = applicationsTable(sampleReport(), 'zh', true);

  it('names the group of each numbered sub-row, indented under the groups', () => {
    expect(labelOf(full.rows, 'denied.stateSecret')).toBe('  （三）不予公开·1.属于国家秘密');
    expect(labelOf(full.rows, 'unavailable.notHeld')).toBe('  （四）无法提供·1.本机关不掌握相关政府信息');
    expect(labelOf(full.rows, 'notProcessed.complaint')).toBe('  （五）不予处理·1.信访举报投诉类申请');
    expect(labelOf(full.rows, 'other.other')).toBe('  （六）其他处理·3.其他');
    // Rows that are groups or totals keep their official label as it stands.
    expect(labelOf(full.rows, 'granted')).toBe('（一）予以公开');
    expect(labelOf(full.rows, 'outcomeTotal')).toBe('（七）总计');
  });

  it('gives every row a different label', () => {
    const labels = full.rows.map((r) => r.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('keeps the rows of the short-label table, so jumps land on the same row at any width', () => {
    const short = applicationsTable(sampleReport(), 'zh', false);
    expect(full.rows.map((r) => r.key)).toEqual(short.rows.map((r) => r.key));
    const at = locateCell(sampleReport(), 'applications.unavailable.notHeld.total');
    expect(full.rows[at.row]!.key).toBe('unavailable.notHeld');
  });

  it('is what a wide pane shows, with both first sub-rows distinguishable on screen', () => {
    const data = tableForTab('applications', sampleReport(), 'zh', 140)!;
    expect(labelOf(data.rows, 'denied.stateSecret')).toContain('（三）不予公开');
    const frame = render(<Table labelHeader={data.labelHeader} columns={data.columns} rows={data.rows} width={140} height={30} cursor={{ row: 0, col: 0 }} focused={false} />).lastFrame()!;
    const lines = frame.split('\n');
    expect(lines.find((l) => l.includes('1.属于国家秘密'))).toContain('（三）不予公开·1.属于国家秘密');
    expect(lines.find((l) => l.includes('1.本机关不掌握'))).toContain('（四）无法提供·1.本机关不掌握');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(140);
  });
});
