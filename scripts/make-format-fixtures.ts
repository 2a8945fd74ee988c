// Generates HTML (UTF-8 and GBK), DOCX and PDF versions of seeds 000 and 004 into test/fixtures/formats/, so the
// input adapters are tested on the same reports in every format. Reproducible: fixed dates, fixed zip times.
// The outputs are committed; tests never need this script's tools. Run: npx tsx scripts/make-format-fixtures.ts
// The PDF needs a CJK font: apt-get install fonts-wqy-microhei (or set XXGK_CJK_FONT to a .ttf/.ttc path).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.join(ROOT, 'test/fixtures/seeds');
const OUT = path.join(ROOT, 'test/fixtures/formats');
const FONT = process.env.XXGK_CJK_FONT ?? '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FIXED_DATE = new Date('2025-01-01T00:00:00Z');

type Block = { kind: 'p'; text: string } | { kind: 'table'; rows: GridCell[][] };
/** A cell placed on the table's grid; `covered` positions belong to a merged cell above or to the left. */
interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  covered: boolean;
}

/** Seed text → paragraphs and tables. Rows are tab-separated lines, or one tab-indented cell per line. */
export function seedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: string[][] = [];
  let row: string[] | null = null;
  const endRow = () => {
    if (row && row.length > 0) rows.push(row);
    row = null;
  };
  const endTable = () => {
    endRow();
    if (rows.length > 0) blocks.push({ kind: 'table', rows: mergeCells(rows) });
    rows = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '' && !line.includes('\t')) {
      endRow();
      continue;
    }
    if (line.slice(1).includes('\t') || (!line.startsWith('\t') && line.includes('\t'))) {
      endRow();
      rows.push(line.split('\t').map((c) => c.trim()));
    } else if (line.startsWith('\t')) {
      (row ??= []).push(line.trim());
    } else {
      endTable();
      blocks.push({ kind: 'p', text: line.trim() });
    }
  }
  endTable();
  return blocks;
}

const isFigure = (s: string) => /^[-\d]/.test(s);

/**
 * Turns the seed's flat rows into a table with merged cells as a real report has them: a short row's last label
 * spans the missing columns, and an empty label cell under a label merges into it (rowspan).
 */
function mergeCells(flat: string[][]): GridCell[][] {
  while (flat.length > 0 && flat.every((r) => r[r.length - 1] === '')) flat.forEach((r) => r.pop());
  const width = Math.max(...flat.map((r) => r.length));
  const grid: GridCell[][] = flat.map((cells) => {
    const firstFigure = cells.findIndex(isFigure);
    const labels = firstFigure < 0 ? cells.length : firstFigure;
    const missing = width - cells.length;
    const out: GridCell[] = [];
    cells.forEach((text, i) => {
      const span = i === labels - 1 && missing > 0 ? missing + 1 : 1;
      out.push({ text, rowSpan: 1, colSpan: span, covered: false });
      for (let k = 1; k < span; k++) out.push({ text: '', rowSpan: 1, colSpan: 1, covered: true });
    });
    while (out.length < width) out.push({ text: '', rowSpan: 1, colSpan: 1, covered: false });
    return out;
  });
  for (let c = 0; c < width; c++) {
    let origin: GridCell | null = null;
    for (let r = 0; r < grid.length; r++) {
      const cell = grid[r]![c]!;
      const labelZone = grid[r]!.slice(0, c + 1).every((x) => !isFigure(x.text));
      if (cell.covered) continue;
      if (origin && cell.text === '' && labelZone && cell.colSpan === origin.colSpan) {
        origin.rowSpan++;
        cell.covered = true;
        for (let k = 1; k < cell.colSpan; k++) grid[r]![c + k]!.covered = true;
      } else {
        origin = cell.text !== '' && labelZone ? cell : null;
      }
    }
  }
  return grid;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function toHtml(blocks: Block[], charsetTag: string, title: string): string {
  const body = blocks
    .map((b) => {
      if (b.kind === 'p') return `<p>${escapeHtml(b.text)}</p>`;
      const rows = b.rows.map((row) => {
        const cells = row
          .filter((c) => !c.covered)
          .map((c) => {
            const span = (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '') + (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '');
            return `<td${span}>${escapeHtml(c.text)}</td>`;
          });
        return `  <tr>${cells.join('')}</tr>`;
      });
      return `<table border="1" cellspacing="0">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html>
<head>
${charsetTag}
<title>${escapeHtml(title)}</title>
<style>td { border: 1px solid #000; }</style>
<script>var _hmt = _hmt || []; document.write("统计代码 1234");</script>
</head>
<body>
<nav><a href="/">首页</a> | <a href="/xxgk/">政府信息公开</a> | 第 1 页</nav>
<div class="article">
${body}
</div>
<footer>主办单位：某某人民政府办公室　网站标识码 6501000001</footer>
</body>
</html>
`;
}

async function toDocx(blocks: Block[]): Promise<Uint8Array> {
  const children = blocks.map((b) => {
    if (b.kind === 'p') return new Paragraph({ text: b.text });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.rows.map(
        (row) =>
          new TableRow({
            children: row
              .filter((c) => !c.covered)
              .map((c) => new TableCell({ children: [new Paragraph({ text: c.text })], rowSpan: c.rowSpan, columnSpan: c.colSpan })),
          }),
      ),
    });
  });
  const doc = new Document({ creator: 'xxgk', sections: [{ children }] });
  const raw = new Uint8Array(await Packer.toBuffer(doc));
  // docx stamps the current time into docProps/core.xml and zip entries: pin both for a reproducible file.
  const files = unzipSync(raw);
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE.toISOString().replace(/\.\d+Z$/, 'Z')}`),
    );
  }
  const entries = Object.fromEntries(Object.keys(files).sort().map((name) => [name, [files[name]!, { mtime: FIXED_DATE }] as const]));
  return zipSync(entries as Parameters<typeof zipSync>[0], { level: 6 });
}

/** A4 portrait, 40 pt margins; running header and page number on every page, as printed reports have. */
async function toPdf(blocks: Block[], header: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { CreationDate: FIXED_DATE, ModDate: FIXED_DATE, Producer: 'xxgk' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', FONT, 'WenQuanYiMicroHei');
  doc.font('cjk');
  const left = 40;
  const usable = doc.page.width - 80;
  const bottom = doc.page.height - 60;
  let pageNo = 1;
  const decorate = () => {
    doc.fontSize(8).text(header, left, 20, { width: usable, align: 'center', lineBreak: false });
    doc.fontSize(8).text(`- ${pageNo} -`, left, doc.page.height - 30, { width: usable, align: 'center', lineBreak: false });
  };
  const newPage = () => {
    doc.addPage();
    pageNo++;
    decorate();
  };
  decorate();
  let y = 50;
  for (const b of blocks) {
    if (b.kind === 'p') {
      doc.fontSize(10);
      const h = doc.heightOfString(b.text || ' ', { width: usable });
      if (y + h > bottom) (newPage(), (y = 50));
      doc.text(b.text, left, y, { width: usable });
      y += h + 4;
      continue;
    }
    const width = b.rows[0]!.length;
    const labelCols = Math.max(0, ...b.rows.map((r) => r.findIndex((c) => isFigure(c.text))));
    const labelWidth = labelCols > 0 ? (usable * 0.5) / labelCols : 0;
    const figureWidth = (usable - labelWidth * labelCols) / (width - labelCols);
    const colX = (c: number) => left + (c < labelCols ? c * labelWidth : labelCols * labelWidth + (c - labelCols) * figureWidth);
    const rowHeight = 14;
    for (const row of b.rows) {
      if (y + rowHeight > bottom) (newPage(), (y = 50));
      row.forEach((cell, c) => {
        if (cell.covered) return;
        const w = colX(c + cell.colSpan) - colX(c);
        doc.rect(colX(c), y, w, rowHeight).lineWidth(0.5).stroke();
        if (cell.text === '') return;
        let size = 9;
        while (size > 2 && doc.fontSize(size).widthOfString(cell.text) > w - 6) size -= 0.5;
        doc.fontSize(size).text(cell.text, colX(c) + 2, y + rowHeight - 4, { lineBreak: false, baseline: 'alphabetic' });
      });
      y += rowHeight;
    }
    y += 6;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const seed of ['000_81e12db4ab5ce8f0', '004_7155ca732c79b54b']) {
    const text = readFileSync(path.join(SEEDS, `${seed}.txt`), 'utf8');
    const blocks = seedBlocks(text);
    const title = blocks.find((b): b is { kind: 'p'; text: string } => b.kind === 'p' && b.text !== '')?.text ?? seed;
    writeFileSync(path.join(OUT, `${seed}.utf8.html`), toHtml(blocks, '<meta charset="utf-8">', title));
    const gbkTag = '<meta http-equiv="Content-Type" content="text/html; charset=gbk">';
    writeFileSync(path.join(OUT, `${seed}.gbk.html`), iconv.encode(toHtml(blocks, gbkTag, title), 'gbk'));
    writeFileSync(path.join(OUT, `${seed}.docx`), await toDocx(blocks));
    writeFileSync(path.join(OUT, `${seed}.pdf`), await toPdf(blocks, title));
    console.log(`${seed}: ${blocks.filter((b) => b.kind === 'table').length} tables`);
  }
}

await main();
