import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/parse/stages/decode.js';

const sample = '乌鲁木齐县2024年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量\t4\n';

describe('decode', () => {
  it('reads UTF-8 without a BOM', () => {
    const d = decode(new TextEncoder().encode(sample));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(sample);
  });
  it('gives valid UTF-8 the text a fatal TextDecoder gives: every plane, U+FEFF inside, NUL, noncharacters', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const texts = [
      '',
      'ascii only',
      sample,
      '𠁾𡘙 astral\u0000NUL \ufeff inside \ufffd\ufffe\uffff \u2028\u2029 end',
      String.fromCodePoint(...Array.from({ length: 2000 }, (_, k) => [0x41, 0xe9, 0x4e2d, 0x1f600, 0x10ffff, 0xd7ff, 0xe000][k % 7]!)),
    ];
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      expect(decode(bytes).text).toBe(strict.decode(bytes));
      expect(decode(bytes).text).toBe(text);
      // A view into a larger buffer reads only its own bytes.
      const framed = new Uint8Array(bytes.length + 8);
      framed.set(bytes, 4);
      expect(decode(framed.subarray(4, 4 + bytes.length)).text).toBe(text);
    }
  });
  it('drops a UTF-8 BOM', () => {
    const d = decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(sample);
  });
  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = decode(Uint8Array.from([0xff, 0xfe, ...iconv.encode(sample, 'utf-16le')]));
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe(sample);
    const be = decode(Uint8Array.from([0xfe, 0xff, ...iconv.encode(sample, 'utf-16be')]));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toBe(sample);
  });
  it('detects GBK / GB18030 from the bytes', () => {
    const d = decode(iconv.encode(sample, 'gbk'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(sample);
    expect(d.diagnostics).toEqual([]);
  });
  it('detects Big5 Traditional text', () => {
    const trad = '新疆維吾爾自治區政府資訊公開工作年度報告，本年新收政府資訊公開申請數量共計一千四百八十四件，辦結一千四百七十三件。';
    const d = decode(iconv.encode(trad, 'big5'));
    expect(d.encoding).toBe('big5');
    expect(d.text).toBe(trad);
  });
  it('never throws on arbitrary bytes', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(() => decode(junk)).not.toThrow();
    expect(decode(new Uint8Array()).text).toBe('');
  });
});
