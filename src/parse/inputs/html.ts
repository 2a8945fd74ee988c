// HTML input: a page saved from a government site → text lines for the parser. Paragraphs and <br> become
// lines; each data table becomes one line per row with tab-separated cells (spans resolved, see ./grid.ts);
// scripts, styles and page chrome (nav, header, footer, hidden elements) are left out.
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Diagnostic } from '../model.js';
import { decodeMarkup } from './encoding.js';
import { gridLines, resolveSpans, type SpanCell } from './grid.js';

export interface Extracted {
  text: string;
  encoding: string;
  diagnostics: Diagnostic[];
}

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside',
  'iframe', 'object', 'embed', 'select', 'button', 'svg', 'canvas', 'form', 'input', 'textarea',
]);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'body', 'html', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'hr', 'caption', 'address', 'figure', 'figcaption', 'tr', 'td', 'th',
]);

export function htmlToText(bytes: Uint8Array): Extracted {
  const decoded = decodeMarkup(bytes);
  return { text: htmlStringToText(decoded.text), encoding: decoded.encoding, diagnostics: decoded.diagnostics };
}

export function htmlStringToText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const out = new LineWriter();
  for (const child of doc.children) walk(child, out, false);
  return out.finish();
}

/** Collects text into lines; inline text is joined, blocks and <br> end the line. */
class LineWriter {
  private lines: string[] = [];
  private current = '';

  text(s: string, pre: boolean): void {
    this.current += pre ? s : s.replace(/[ \t\r\n\f]+/g, ' ');
  }
  /** Ends the current line (a no-op on an empty line, so nested blocks do not pile up blank lines). */
  break(): void {
    const line = this.current.trim();
    if (line !== '') this.lines.push(line);
    this.current = '';
  }
  /** A line written as is (a table row): tabs are significant, so no trimming. */
  raw(line: string): void {
    this.break();
    this.lines.push(line);
  }
  finish(): string {
    this.break();
    return this.lines.join('\n');
  }
}

function walk(node: AnyNode, out: LineWriter, pre: boolean): void {
  if (isText(node)) {
    if (pre) for (const [i, part] of node.data.split('\n').entries()) (i > 0 && out.break(), out.text(part, true));
    else out.text(node.data, false);
    return;
  }
  if (!isTag(node) || isChrome(node)) return;
  const name = node.name;
  if (name === 'br') return out.break();
  if (name === 'table') return writeTable(node, out);
  const block = BLOCKS.has(name);
  if (block) out.break();
  for (const child of node.children) walk(child, out, pre || name === 'pre');
  if (block) out.break();
}

function isChrome(el: Element): boolean {
  if (SKIPPED.has(el.name)) return true;
  const attrs = el.attribs;
  if ('hidden' in attrs || attrs['aria-hidden'] === 'true' || attrs.role === 'navigation') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '');
}

/**
 * A table holding other tables is page layout (old government sites build whole pages that way): its cells are
 * written as ordinary blocks. Any other table is data and becomes grid lines.
 */
function writeTable(table: Element, out: LineWriter): void {
  const rows = tableRows(table);
  if (rows.some((row) => row.some((cell) => hasDescendant(cell, 'table')))) {
    for (const row of rows) for (const cell of row) (out.break(), walkChildren(cell, out), out.break());
    return;
  }
  const spanRows: SpanCell[][] = rows.map((row) =>
    row.map((cell) => ({ text: cellContent(cell), rowSpan: spanOf(cell.attribs.rowspan), colSpan: spanOf(cell.attribs.colspan) })),
  );
  for (const line of gridLines(resolveSpans(spanRows))) out.raw(line);
}

function walkChildren(el: Element, out: LineWriter): void {
  for (const child of el.children) walk(child, out, false);
}

/** The rows of this table (through thead/tbody/tfoot, not into nested tables), each as its td/th cells. */
function tableRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (el: Element): void => {
    for (const child of el.children) {
      if (!isTag(child) || isChrome(child)) continue;
      if (child.name === 'tr') rows.push(child.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th') && !isChrome(c)));
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function hasDescendant(el: Element, name: string): boolean {
  return el.children.some((c) => isTag(c) && (c.name === name || hasDescendant(c, name)));
}

/** A cell's visible text; paragraphs and <br> inside it become spaces (grid.cellText folds them). */
function cellContent(cell: Element): string {
  const out = new LineWriter();
  walkChildren(cell, out);
  return out.finish().replace(/\n/g, ' ');
}

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}
