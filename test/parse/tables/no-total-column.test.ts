// A 2021-format table 3 that leaves out its 总计 column entirely: six figures a row (zeros written as 0, some
// cells —). Figures are placed by column, every total is null, and one diagnostic says the column is missing.
import { describe, expect, it } from 'vitest';
import { APPLICATION_ROWS } from '../../../src/parse/dictionary.js';
import { totalColumnVerdict } from '../../../src/parse/stages/tables/applications.js';
import { diagnostic } from '../../../src/parse/diagnostics.js';
import { row7, tablesOf } from './helpers.js';

const GROUP_HEADINGS: Record<string, string> = {
  granted: '三、本年度办理结果',
  'denied.stateSecret': '（三）不予公开',
  'unavailable.notHeld': '（四）无法提供',
  'notProcessed.complaint': '（五）不予处理',
  'other.noCorrection': '（六）其他处理',
};
// Natural person and commercial figures on a few rows; research always —; everything else 0.
const FIGURES: Record<string, string[]> = {
  newReceived: ['6', '2', '—', '0', '0', '0'],
  granted: ['4', '1', '—', '0', '0', '0'],
  partial: ['2', '1', '—', '0', '0', '0'],
  outcomeTotal: ['6', '2', '—', '0', '0', '0'],
};
const figuresOf = (id: string): string[] => FIGURES[id] ?? ['0', '0', '—', '0', '0', '0'];

function table3(separator: string): string {
  const lines = [
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    '\t自然人\t法人或其他组织',
    '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
  ];
  for (const row of APPLICATION_ROWS) {
    if (GROUP_HEADINGS[row.id]) lines.push(GROUP_HEADINGS[row.id]!);
    lines.push([row.label, ...figuresOf(row.id)].join(separator));
  }
  lines.push('四、政府信息公开行政复议、行政诉讼情况');
  return lines.join('\n');
}

describe('table 3 without its 总计 column', () => {
  it.each([
    ['grid rows', '\t'],
    ['one cell per line', '\n'],
    ['one cell per line with blank lines', '\n\n'],
  ])('%s: figures by column, totals null, one column-missing diagnostic', (_name, separator) => {
    const t = tablesOf(table3(separator));
    expect(row7(t, 'newReceived')).toEqual([6, 2, null, 0, 0, 0, null]);
    expect(row7(t, 'granted')).toEqual([4, 1, null, 0, 0, 0, null]);
    expect(row7(t, 'denied.adminQuery')).toEqual([0, 0, null, 0, 0, 0, null]);
    expect(row7(t, 'carriedForward')).toEqual([0, 0, null, 0, 0, 0, null]);
    const codes = t.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'column-missing')).toHaveLength(1);
    expect(codes).not.toContain('row-short');
    expect(codes).not.toContain('row-missing');
    expect(t.blankCells.filter((b) => b.cell.endsWith('.research'))).toHaveLength(25);
  });

  it('keeps a row-short per row when other rows have their totals', () => {
    const short = diagnostic('row-short', 'warning', 5, 'x', 'x');
    expect(totalColumnVerdict([short], 24, 1)).toEqual([short]);
    expect(totalColumnVerdict([short, short, short], 0, 1).map((d) => d.code)).toEqual(['column-missing']);
  });
});
