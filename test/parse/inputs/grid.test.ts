import { describe, expect, it } from 'vitest';
import { cellText, gridLines, resolveSpans } from '../../../src/parse/inputs/grid.js';
import { htmlStringToText } from '../../../src/parse/inputs/html.js';

const cell = (text: string, rowSpan = 1, colSpan = 1) => ({ text, rowSpan, colSpan });

describe('resolveSpans', () => {
  it('puts a merged cell in its top-left position and empty placeholders where it reaches', () => {
    const grid = resolveSpans([
      [cell('三、本年度办理结果', 2), cell('（一）予以公开'), cell('176')],
      [cell('（二）部分公开'), cell('79')],
      [cell('四、结转', 1, 2), cell('2')],
    ]);
    expect(grid).toEqual([
      ['三、本年度办理结果', '（一）予以公开', '176'],
      ['', '（二）部分公开', '79'],
      ['四、结转', '', '2'],
    ]);
    expect(gridLines(grid)).toEqual(['三、本年度办理结果\t（一）予以公开\t176', '\t（二）部分公开\t79', '四、结转\t\t2']);
  });

  it('folds newlines and tabs inside a cell into spaces and bounds hostile spans', () => {
    expect(cellText(' a\tb\n\nc ')).toBe('a b c');
    const grid = resolveSpans([[cell('x', 1, 1e9)], [cell('y', 1e9)]]);
    expect(grid[0]!.length).toBe(1000);
    expect(grid.length).toBe(2);
  });
});

describe('htmlStringToText', () => {
  it('keeps paragraphs and <br> as lines, drops scripts, styles and page chrome', () => {
    const text = htmlStringToText(
      '<html><head><title>t</title><style>p{}</style></head><body><nav>首页</nav><script>alert(1)</script>' +
        '<p>一、总体情况</p>第一行<br>第二行 &amp; 其他<div style="display:none">隐藏</div>' +
        '<table><tr><th colspan="2">A</th><th>B</th></tr><tr><td rowspan="2">R<br>x</td><td>1</td><td>2</td></tr>' +
        '<tr><td>3</td><td>4</td></tr></table><footer>版权所有</footer></body></html>',
    );
    expect(text.split('\n')).toEqual(['一、总体情况', '第一行', '第二行 & 其他', 'A\t\tB', 'R x\t1\t2', '\t3\t4']);
  });

  it('reads a layout table (tables inside cells) as blocks, and the inner data table as a grid', () => {
    const text = htmlStringToText('<table><tr><td><p>标题</p><table><tr><td>a</td><td>1</td></tr></table></td></tr></table>');
    expect(text.split('\n')).toEqual(['标题', 'a\t1']);
  });
});
