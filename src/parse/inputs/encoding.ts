// Decoding for markup files: a BOM wins, then the charset the page declares (<meta charset>, http-equiv,
// <?xml encoding?>), then the same detection plain-text reports get (../stages/decode.ts).
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import { decode, decodeAs, iconvLite, type Decoded } from '../stages/decode.js';

// Pages saved from government sites declare gb2312 or gbk but often contain GB18030-only characters;
// decoding every GB family name as GB18030 (a superset) loses nothing.
const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  'big5-hkscs': 'big5',
  big5: 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

/** The charset a page declares in its first 4 KB, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : null;
}

export function decodeMarkup(bytes: Uint8Array): Decoded {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) return decode(bytes);
  const declared = declaredCharset(bytes);
  if (declared === null) return decode(bytes);
  const encoding = ALIASES[declared] ?? declared;
  if (!iconvLite().encodingExists(encoding)) {
    const fallback = decode(bytes);
    return { ...fallback, diagnostics: [unknownCharset(declared, fallback.encoding), ...fallback.diagnostics] };
  }
  // A page that says UTF-8 but is not (re-saved by an editor in GBK) is common: trust the bytes over the label.
  if (encoding === 'utf-8') return decode(bytes);
  return decodeAs(bytes, encoding);
}

function unknownCharset(declared: string, used: string): Diagnostic {
  return diagnostic(
    'unknown-charset',
    'warning',
    null,
    `the page declares an unknown charset "${declared}"; decoded as ${used}`,
    `网页声明了未知编码“${declared}”，已按 ${used} 解码`,
  );
}
