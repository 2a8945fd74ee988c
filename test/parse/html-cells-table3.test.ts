// Table 3 of an HTML page, end to end: once through the HTML adapter (a grid with the 法人或其他组织 header cell
// broken by <br> and spanning five columns), once as the same page copied from a browser (every cell on its own
// line, blank lines between, that header cell split over two lines). Both must give the same figures.
import { describe, expect, it } from 'vitest';
import { APPLICATION_ROWS } from '../../src/parse/dictionary.js';
import { parseReport } from '../../src/parse/index.js';
import { htmlStringToText } from '../../src/parse/inputs/html.js';
import { APPLICANT_COLUMNS } from '../../src/parse/model.js';

const FIGURES: Record<string, number[]> = {
  newReceived: [9, 3, 0, 1, 0, 0, 13],
  granted: [5, 2, 0, 1, 0, 0, 8],
  'unavailable.notHeld': [4, 1, 0, 0, 0, 0, 5],
  outcomeTotal: [9, 3, 0, 1, 0, 0, 13],
};
const figuresOf = (id: string): number[] => FIGURES[id] ?? [0, 0, 0, 0, 0, 0, 0];
const GROUPS: Record<string, string> = {
  granted: '三、本年度办理结果',
  'denied.stateSecret': '（三）不予公开',
  'unavailable.notHeld': '（四）无法提供',
  'notProcessed.complaint': '（五）不予处理',
  'other.noCorrection': '（六）其他处理',
};
const PROSE = '<p>某某县2022年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>';
const AFTER = '<p>四、政府信息公开行政复议、行政诉讼情况</p>';

function html(): string {
  const rows: string[] = [
    '<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>',
    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他<br>组织</td><td rowspan="2">总计</td></tr>',
    '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>',
  ];
  for (const row of APPLICATION_ROWS) {
    const cells = figuresOf(row.id).map((v) => `<td>${v}</td>`).join('');
    const group = GROUPS[row.id];
    rows.push(group ? `<tr><td>${group}</td><td colspan="2">${row.label}</td>${cells}</tr>` : `<tr><td colspan="3">${row.label}</td>${cells}</tr>`);
  }
  return `<html><body>${PROSE}<table>${rows.join('')}</table>${AFTER}</body></html>`;
}

function copiedCells(): string {
  const cells = ['某某县2022年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '自然人', '法人或其他', '组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  for (const row of APPLICATION_ROWS) {
    if (GROUPS[row.id]) cells.push(GROUPS[row.id]!);
    cells.push(row.label, ...figuresOf(row.id).map(String));
  }
  cells.push('四、政府信息公开行政复议、行政诉讼情况');
  return cells.join('\n\n');
}

function rowsOf(text: string) {
  const report = parseReport({ file: 'page.html', text, sourceFormat: 'html' });
  const rows = Object.fromEntries(
    APPLICATION_ROWS.map((r) => {
      let cur: unknown = report.applications;
      for (const part of r.id.split('.')) cur = (cur as Record<string, unknown> | null)?.[part];
      return [r.id, APPLICANT_COLUMNS.map((c) => (cur as Record<string, unknown> | undefined)?.[c] ?? null)];
    }),
  );
  return { rows, codes: report.diagnostics.map((d) => d.code) };
}

describe('table 3 from an HTML page with a split 法人或其他组织 header', () => {
  const expected = Object.fromEntries(APPLICATION_ROWS.map((r) => [r.id, figuresOf(r.id)]));
  it('reads every figure from the adapter grid', () => {
    const { rows, codes } = rowsOf(htmlStringToText(html()));
    expect(rows).toEqual(expected);
    expect(codes.filter((c) => c.startsWith('row-') || c === 'cell-unreadable')).toEqual([]);
  });
  it('reads every figure from the browser copy, one cell per line with blank lines between', () => {
    const { rows, codes } = rowsOf(copiedCells());
    expect(rows).toEqual(expected);
    expect(codes.filter((c) => c.startsWith('row-') || c === 'cell-unreadable')).toEqual([]);
  });
});
