// Input adapters: bytes of an HTML, DOCX, DOC or PDF file → text the parser reads (paragraphs as lines, table rows
// as tab-separated cells). The format is taken from the bytes when they say (a .doc that is really a .docx, a
// .txt that is a PDF), else from the file name. src/load calls these; parseReport stays synchronous and text-only.
import type { SourceFormat } from '../model.js';
import type { Extracted } from './html.js';

export type { Extracted } from './html.js';
export { looksLikeReport } from './classify.js';

/** Diagnostic code of a PDF without a text layer (a scan). */
export const NO_TEXT_LAYER = 'no-text-layer';

/** What a file is, judged from its bytes first. `zip`/`ole` are containers that are not Word documents. */
/** `damaged`: named .docx/.doc/.pdf but without that format's signature (truncated, or another file renamed). */
export type SniffedFormat = SourceFormat | 'zip' | 'ole' | 'binary' | 'empty' | 'damaged';

const BY_EXTENSION: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.doc': 'doc',
  '.pdf': 'pdf',
};

export function formatFromName(name: string): SourceFormat {
  const dot = name.lastIndexOf('.');
  return BY_EXTENSION[dot < 0 ? '' : name.slice(dot).toLowerCase()] ?? 'unknown';
}

export function sniffFormat(bytes: Uint8Array, name: string): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipHolds(bytes, 'word/document.xml') ? 'docx' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return formatFromName(name) === 'doc' ? 'doc' : 'ole';
  const byName = formatFromName(name);
  if (byName === 'docx' || byName === 'doc' || byName === 'pdf') return 'damaged';
  if (looksBinary(bytes)) return 'binary';
  if (byName === 'html' || byName === 'txt') return byName;
  return looksLikeHtml(bytes) ? 'html' : 'txt';
}

// Each adapter and its parsing library are loaded the first time a file of that format appears: a folder of .txt
// reports never pays for an HTML parser or pdf.js at start-up.
export async function extractText(format: 'html' | 'docx' | 'doc' | 'pdf', bytes: Uint8Array): Promise<Extracted> {
  switch (format) {
    case 'html':
      return (await import('./html.js')).htmlToText(bytes);
    case 'docx':
      return (await import('./docx.js')).docxToText(bytes);
    case 'doc':
      return (await import('./doc.js')).docToText(bytes);
    case 'pdf':
      return (await import('./pdf.js')).pdfToText(bytes);
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Zip entry names are stored in plain bytes in the central directory: a byte search is enough to tell. */
function zipHolds(bytes: Uint8Array, entry: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(entry, 0, 'latin1');
}

/**
 * NUL bytes and other C0 controls mark a binary file. UTF-16 text has NULs too (every other byte, for ASCII), so
 * text with a UTF-16 BOM, or NULs only at even or only at odd offsets, is not binary.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const sample = bytes.subarray(0, 65536);
  let nulEven = 0;
  let nulOdd = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) i % 2 === 0 ? nulEven++ : nulOdd++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  const utf16Like = (nulEven === 0) !== (nulOdd === 0) && nulEven + nulOdd > sample.length / 8;
  if (nulEven + nulOdd > 0 && !utf16Like) return true;
  return controls > sample.length / 10;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
