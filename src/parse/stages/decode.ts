// Stage 1 — decode: bytes → text. The encoding is detected from the bytes (BOM, UTF-8 validity, then
// statistical detection), never guessed from the file name: most older government files are GB18030/GBK.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';

export interface Decoded {
  text: string;
  /** Canonical name: utf-8, utf-16le, utf-16be, gb18030, big5. */
  encoding: string;
  diagnostics: Diagnostic[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', diagnostics };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', diagnostics };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', diagnostics };
  }
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', diagnostics };
  } catch {
    // not valid UTF-8: fall through to detection
  }
  const guess = detectLegacyEncoding(bytes);
  const text = iconv.decode(Buffer.from(bytes), guess);
  const replaced = countReplacement(text);
  if (replaced > 0) {
    diagnostics.push(
      diagnostic(
        'decode-lossy',
        'warning',
        null,
        `${replaced} byte sequence(s) could not be decoded as ${guess}; shown as �`,
        `${replaced} 处字节无法按 ${guess} 解码，以 � 显示`,
      ),
    );
  }
  return { text, encoding: guess, diagnostics };
}

function detectLegacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const candidates = chardet.analyse(sample);
  for (const c of candidates) {
    const name = c.name.toLowerCase();
    if (name === 'big5') return 'big5';
    if (name === 'gb18030' || name === 'gbk' || name === 'gb2312') return 'gb18030';
    if (name === 'utf-16le' && c.confidence >= 50) return 'utf-16le';
    if (name === 'utf-16be' && c.confidence >= 50) return 'utf-16be';
  }
  // GB18030 is a superset of GBK/GB2312 and decodes any byte string: the safest default for Chinese files.
  return 'gb18030';
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
