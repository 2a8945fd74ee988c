// DOCX input: word/document.xml read straight from the zip, so merged cells (w:gridSpan, w:vMerge) survive.
// Paragraphs become lines; tables become grid lines (see ./grid.ts): a vertically merged cell keeps its text in
// the first row and leaves empty placeholders below, a horizontally merged one spans its grid columns.
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { diagnostic } from '../diagnostics.js';
import { gridLines, resolveSpans, type SpanCell } from './grid.js';
import type { Extracted } from './html.js';

/** A document.xml bigger than this is a zip bomb, not a report. */
const MAX_XML_BYTES = 64 * 1024 * 1024;

export class NotADocx extends Error {}

export function docxToText(bytes: Uint8Array): Extracted {
  const xml = documentXml(bytes);
  const lines: string[] = [];
  const body = findFirst(parseDocument(xml, { xmlMode: true }).children, 'w:body');
  if (body) writeBlocks(body.children, lines);
  const diagnostics = body ? [] : [diagnostic('docx-no-body', 'warning', null, 'the Word file has no document body', 'Word 文件没有正文')];
  return { text: lines.join('\n'), encoding: 'utf-8', diagnostics };
}

function documentXml(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.name === 'word/document.xml' && file.originalSize <= MAX_XML_BYTES,
    });
  } catch (err) {
    throw new NotADocx(`not a valid .docx (zip) file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new NotADocx('the zip has no word/document.xml (not a Word document, or too large)');
  return new TextDecoder('utf-8').decode(xml);
}

function writeBlocks(nodes: readonly AnyNode[], lines: string[]): void {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === 'w:p') lines.push(...paragraphText(node).split('\n').map((l) => l.trim()));
    else if (node.name === 'w:tbl') writeTable(node, lines);
    else if (node.name === 'w:sdt' || node.name === 'w:sdtContent' || node.name === 'w:customXml' || node.name === 'w:ins')
      writeBlocks(node.children, lines);
  }
}

/** Text of a paragraph: runs in order; w:br and w:cr break the line, w:tab is a space (tabs belong to grids). */
function paragraphText(p: Element): string {
  let text = '';
  const visit = (nodes: readonly AnyNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      switch (node.name) {
        case 'w:t':
          text += node.children.map((c) => (isText(c) ? c.data : '')).join('');
          break;
        case 'w:tab':
          text += ' ';
          break;
        case 'w:br':
        case 'w:cr':
          text += '\n';
          break;
        case 'w:del': // tracked deletion: not part of the document's text
        case 'w:instrText': // field codes (PAGE, TOC …)
        case 'w:pPr':
        case 'w:rPr':
          break;
        default:
          visit(node.children);
      }
    }
  };
  visit(p.children);
  return text;
}

function writeTable(tbl: Element, lines: string[]): void {
  const rows = children(tbl, 'w:tr');
  const cellsOf = (tr: Element) => children(tr, 'w:tc').concat(children(tr, 'w:sdt').flatMap((s) => children(firstChild(s, 'w:sdtContent'), 'w:tc')));
  // A table with tables inside its cells is layout: write its cells' contents as ordinary blocks.
  if (rows.some((tr) => cellsOf(tr).some((tc) => findFirst(tc.children, 'w:tbl')))) {
    for (const tr of rows) for (const tc of cellsOf(tr)) writeBlocks(tc.children, lines);
    return;
  }
  const spanRows: SpanCell[][] = rows.map((tr) => {
    const trPr = firstChild(tr, 'w:trPr');
    const before = intVal(firstChild(trPr, 'w:gridBefore')) ?? 0;
    const lead: SpanCell[] = before > 0 ? [{ text: '', rowSpan: 1, colSpan: before }] : [];
    return lead.concat(
      cellsOf(tr).map((tc) => {
        const tcPr = firstChild(tc, 'w:tcPr');
        const vMerge = firstChild(tcPr, 'w:vMerge');
        // <w:vMerge/> without w:val (or val="continue") continues the cell above: an empty placeholder.
        const continues = vMerge !== null && (vMerge.attribs['w:val'] ?? 'continue') === 'continue';
        const text = continues ? '' : children(tc, 'w:p').map(paragraphText).join(' ');
        return { text, rowSpan: 1, colSpan: intVal(firstChild(tcPr, 'w:gridSpan')) ?? 1 };
      }),
    );
  });
  lines.push(...gridLines(resolveSpans(spanRows)));
}

function children(el: Element | null, name: string): Element[] {
  return el ? el.children.filter((c): c is Element => isTag(c) && c.name === name) : [];
}

function firstChild(el: Element | null, name: string): Element | null {
  return children(el, name)[0] ?? null;
}

function findFirst(nodes: readonly AnyNode[], name: string): Element | null {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === name) return node;
    const found = findFirst(node.children, name);
    if (found) return found;
  }
  return null;
}

function intVal(el: Element | null): number | null {
  const n = Number.parseInt(el?.attribs['w:val'] ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}
