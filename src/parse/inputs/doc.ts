// DOC (Word 97-2003) input through word-extractor, which reads the binary format on Node without external tools.
// Table cells arrive tab-separated, one row per line; merged cells are not resolved (the binary format keeps
// them in properties word-extractor does not expose), so a .docx of the same file reads more reliably.
import WordExtractor from 'word-extractor';
import type { Extracted } from './html.js';

export async function docToText(bytes: Uint8Array): Promise<Extracted> {
  const extractor = new WordExtractor();
  const doc = await extractor.extract(Buffer.from(bytes));
  // filterUnicode would turn “ ” and — into ASCII: keep the report's own punctuation (labels match on it).
  const body = doc.getBody({ filterUnicode: false });
  const text = body.replace(/\r\n?/g, '\n');
  return { text, encoding: 'utf-16le', diagnostics: [] };
}
