// PDF input: positioned text from pdf.js (legacy build, which runs on Node 20 without a DOM), laid out into lines
// and table rows by ./pdf-layout.ts. A PDF with no text layer (a scan) yields a `no-text-layer` diagnostic and
// no text, never OCR garbage.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import type { Extracted } from './html.js';
import { layoutPages, type Page, type TextItem } from './pdf-layout.js';

/** Pages read at most: a report is a few dozen pages; the limit bounds time on hostile files. */
const MAX_PAGES = 500;

// Chinese PDFs often use non-embedded fonts with Adobe's predefined CMaps (UniGB-UCS2-H): pdf.js needs them.
const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = pathToFileURL(path.join(pdfjsDir, 'cmaps') + path.sep).href;
const FONT_URL = pathToFileURL(path.join(pdfjsDir, 'standard_fonts') + path.sep).href;

import { NO_TEXT_LAYER } from './index.js';

export { NO_TEXT_LAYER };

export async function pdfToText(bytes: Uint8Array): Promise<Extracted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: FONT_URL,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: Page[] = [];
    const count = Math.min(doc.numPages, MAX_PAGES);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , e, f] = it.transform as number[];
        items.push({ str: it.str, x: e ?? 0, y: f ?? 0, width: it.width, height: it.height || Math.hypot(a ?? 0, b ?? 0) });
      }
      pages.push({ height: viewport.height, items });
      page.cleanup();
    }
    const diagnostics: Diagnostic[] = [];
    if (doc.numPages > MAX_PAGES) {
      diagnostics.push(
        diagnostic('pdf-truncated', 'warning', null, `only the first ${MAX_PAGES} of ${doc.numPages} pages were read`, `仅读取了 ${doc.numPages} 页中的前 ${MAX_PAGES} 页`),
      );
    }
    const text = layoutPages(pages);
    const visible = text.replace(/\s/g, '');
    if (visible.length === 0) {
      diagnostics.push(
        diagnostic(
          NO_TEXT_LAYER,
          'error',
          null,
          'the PDF has no text layer (a scanned image?): nothing to read without OCR',
          'PDF 没有文字层（扫描件？），无法读取内容，需要先做文字识别（OCR）',
        ),
      );
    } else if (garbledShare(visible) > 0.3) {
      diagnostics.push(
        diagnostic(
          'pdf-garbled',
          'warning',
          null,
          'much of the PDF text cannot be mapped to characters (fonts without a Unicode map)',
          'PDF 中大量文字无法还原为字符（字体缺少 Unicode 映射）',
        ),
      );
    }
    return { text, encoding: 'utf-8', diagnostics };
  } finally {
    await doc.destroy();
  }
}

/** Share of private-use, replacement and C0/C1 characters: what unmapped glyphs turn into. */
function garbledShare(text: string): number {
  const bad = text.match(/[\uE000-\uF8FF\uFFFD\u0000-\u001f\u007f-\u009f]/g)?.length ?? 0;
  return bad / text.length;
}
