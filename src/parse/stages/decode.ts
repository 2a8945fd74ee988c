// Stage 1 — decode: bytes → text. The encoding is detected from the bytes (BOM, UTF-8 validity, then
// statistical detection), never guessed from the file name: most older government files are GB18030/GBK.
import * as nodeBuffer from 'node:buffer';
import { createRequire } from 'node:module';
import type { Context, Recogniser } from 'chardet/lib/encoding/index.js';
import type * as Mbcs from 'chardet/lib/encoding/mbcs.js';
import type * as Unicode from 'chardet/lib/encoding/unicode.js';
import type Iconv from 'iconv-lite';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';

// iconv-lite and chardet are loaded on first need: most reports are UTF-8 (TextDecoder is enough), and importing
// them cost ~30 ms before every process's and worker's first report. Both are CommonJS, so a synchronous require.
const require = createRequire(import.meta.url);
let iconv: typeof Iconv | null = null;
/** iconv-lite, loaded on the first call. */
export function iconvLite(): typeof Iconv {
  return (iconv ??= require('iconv-lite') as typeof Iconv);
}

export interface Decoded {
  text: string;
  /** Canonical name: utf-8, utf-16le, utf-16be, gb18030, big5. */
  encoding: string;
  diagnostics: Diagnostic[];
}

export function decode(bytes: Uint8Array): Decoded {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', diagnostics };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconvLite().decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', diagnostics };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconvLite().decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', diagnostics };
  }
  if (nodeBuffer.isUtf8(bytes)) return { text: validUtf8ToString(bytes), encoding: 'utf-8', diagnostics };
  // not valid UTF-8: detection
  return decodeAs(bytes, detectLegacyEncoding(bytes));
}

// Absent from a Node built without ICU.
const transcode: typeof nodeBuffer.transcode | undefined = (nodeBuffer as Partial<typeof nodeBuffer>).transcode;
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Text of bytes already known to be valid UTF-8 without a BOM. ICU transcodes them to UTF-16, which becomes a string
 * by a copy: V8's own UTF-8 decoding (TextDecoder, Buffer#toString) took eight times as long on CJK text, most of
 * this stage. Valid UTF-8 has one reading, so the text is the same (compared on every fixture, the synthetic
 * corpora and 20,000 random strings of every plane, U+FEFF and NUL included).
 */
function validUtf8ToString(bytes: Uint8Array): string {
  if (transcode) {
    try {
      return transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // ICU refused (never seen on valid UTF-8): V8's decoder gives the same text
    }
  }
  return utf8Strict.decode(bytes);
}

/** Decodes with a known encoding; bytes that do not decode become � and one diagnostic says how many. */
export function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  const text = iconvLite().decode(Buffer.from(bytes), encoding);
  const replaced = countReplacement(text);
  const diagnostics: Diagnostic[] = [];
  if (replaced > 0) {
    diagnostics.push(
      diagnostic(
        'decode-lossy',
        'warning',
        null,
        `${replaced} byte sequence(s) could not be decoded as ${encoding}; shown as �`,
        `${replaced} 处字节无法按 ${encoding} 解码，以 � 显示`,
      ),
    );
  }
  return { text, encoding, diagnostics };
}

export function detectLegacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const candidates = analyseCandidates(sample);
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

// Only these recognisers can decide the result: the loop above skips every other candidate. chardet.analyse runs
// all 26 (the single-byte ones dominate its cost); running these four on the same context and sorting them the same
// way (stable, by confidence) gives the same first match. test/parse/determinism.test.ts checks both agree.
let recognisers: readonly Recogniser[] | null = null;
function detectors(): readonly Recogniser[] {
  if (recognisers) return recognisers;
  const { big5, gb_18030 } = require('chardet/lib/encoding/mbcs.js') as typeof Mbcs;
  const { UTF_16BE, UTF_16LE } = require('chardet/lib/encoding/unicode.js') as typeof Unicode;
  return (recognisers = [new UTF_16BE(), new UTF_16LE(), new big5(), new gb_18030()]);
}

/** chardet.analyse(sample) restricted to the candidates detectLegacyEncoding reads, in the same order. */
export function analyseCandidates(sample: Uint8Array): Array<{ name: string; confidence: number }> {
  const byteStats = new Array<number>(256).fill(0);
  for (let i = 0; i < sample.length; i++) byteStats[sample[i]!]!++;
  let c1Bytes = false;
  for (let i = 0x80; i <= 0x9f; i++) {
    if (byteStats[i] !== 0) {
      c1Bytes = true;
      break;
    }
  }
  const context: Context = { byteStats, c1Bytes, rawInput: sample, rawLen: sample.length, inputBytes: sample, inputLen: sample.length };
  const matches: Array<{ name: string; confidence: number }> = [];
  for (const recogniser of detectors()) {
    const match = recogniser.match(context);
    if (match) matches.push(match);
  }
  return matches.sort((a, b) => b.confidence - a.confidence);
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
