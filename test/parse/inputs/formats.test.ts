// Every format version of a seed must carry the same tables as the seed's .txt: the same rows of figures, in the
// same order, each figure in its own tab-separated cell, and parse to the same figures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/parse/index.js';
import { extractText, looksLikeReport, sniffFormat } from '../../../src/parse/inputs/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const SEEDS = ['000_81e12db4ab5ce8f0', '004_7155ca732c79b54b'];
const VERSIONS = [
  { suffix: '.utf8.html', format: 'html', encoding: 'utf-8' },
  { suffix: '.gbk.html', format: 'html', encoding: 'gb18030' },
  { suffix: '.docx', format: 'docx', encoding: 'utf-8' },
  { suffix: '.pdf', format: 'pdf', encoding: 'utf-8' },
] as const;

const isFigure = (s: string) => /^-?\d+(?:\.\d+)?$/.test(s);

/** Rows of figures in the seed's own tables, whatever its layout (tab rows, or one tab-indented cell per line). */
function seedFigureRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const flush = () => {
    const figures = row.filter(isFigure);
    if (figures.length > 0) rows.push(figures);
    row = [];
  };
  for (const line of text.split('\n')) {
    if (line.slice(1).includes('\t') || (!line.startsWith('\t') && line.includes('\t'))) {
      flush();
      row = line.split('\t').map((c) => c.trim());
      flush();
    } else if (line.startsWith('\t')) row.push(line.trim());
    else flush();
  }
  flush();
  return rows;
}

/** Figures of each multi-cell line of the adapter's output. */
function outputFigureRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t').filter(isFigure))
    .filter((r) => r.length > 0);
}

describe.each(SEEDS)('seed %s in every format', (seed) => {
  const txt = readFileSync(path.join(FIXTURES, 'seeds', `${seed}.txt`), 'utf8');
  const txtReport = parseReport({ file: `${seed}.txt`, text: txt, sourceFormat: 'txt' });

  it.each(VERSIONS)('$suffix: same rows of figures, same parse, right source format', async (v) => {
    const bytes = readFileSync(path.join(FIXTURES, 'formats', `${seed}${v.suffix}`));
    expect(sniffFormat(bytes, `${seed}${v.suffix}`)).toBe(v.format);
    const out = await extractText(v.format, bytes);
    expect(out.encoding).toBe(v.encoding);
    expect(out.diagnostics).toEqual([]);
    expect(outputFigureRows(out.text)).toEqual(seedFigureRows(txt));
    // No page chrome, running headers or page numbers leaked into the text.
    expect(out.text).not.toMatch(/统计代码|网站标识码|^- \d+ -$/m);

    const report = parseReport({ file: `${seed}${v.suffix}`, text: out.text, sourceFormat: v.format, encoding: out.encoding });
    expect(report.sourceFormat).toBe(v.format);
    expect(report.applications).toEqual(txtReport.applications);
    expect(report.reviews).toEqual(txtReport.reviews);
    expect(report.active).toEqual(txtReport.active);
    expect(looksLikeReport(report, out.text)).toBe(true);
  });
});

describe('table 3 of seed 000', () => {
  it.each(VERSIONS)('$suffix: 一、本年新收 row has its seven figures in the last seven columns', async (v) => {
    const bytes = readFileSync(path.join(FIXTURES, 'formats', `000_81e12db4ab5ce8f0${v.suffix}`));
    const { text } = await extractText(v.format, bytes);
    const row = text.split('\n').find((l) => l.startsWith('一、本年新收政府信息公开申请数量\t'));
    expect(row).toBeDefined();
    const cells = row!.split('\t');
    expect(cells.slice(-7)).toEqual(['532', '147', '0', '2', '7', '15', '703']);
    expect(cells.slice(1, -7).every((c) => c === '')).toBe(true);
    // A merged label keeps the figure columns aligned with a row that has two label cells.
    const granted = text.split('\n').find((l) => l.includes('（一）予以公开'))!.split('\t');
    expect(granted.length).toBe(cells.length);
    expect(granted.slice(-7)).toEqual(['176', '137', '0', '0', '1', '0', '314']);
  });
});
