// A mixed folder: every format of the seeds plus every kind of bad input. Every good report loads with its source
// format; every bad file is listed once with its reason; nothing throws.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStable, type FileIO } from '../../src/load/load.js';
import { loadCheckedCorpus } from '../../src/load/session.js';
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';
import { MAX_DEPTH, discover } from '../../src/load/discover.js';
import type { Corpus } from '../../src/load/types.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** A one-page PDF with only a drawn rectangle: what a scan without OCR looks like to a text extractor. */
async function imageOnlyPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.rect(50, 50, 400, 600).fill('#888');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

let root: string;
let corpus: Corpus;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'xxgk-load-'));
  for (const f of readdirSync(path.join(FIXTURES, 'seeds'))) copyFileSync(path.join(FIXTURES, 'seeds', f), path.join(root, f));
  mkdirSync(path.join(root, 'formats'));
  for (const f of readdirSync(path.join(FIXTURES, 'formats'))) copyFileSync(path.join(FIXTURES, 'formats', f), path.join(root, 'formats', f));
  const bad = path.join(root, 'bad');
  mkdirSync(bad);
  writeFileSync(path.join(bad, 'empty.txt'), '');
  writeFileSync(path.join(bad, 'blank.html'), '<html><body>  <script>x()</script> </body></html>');
  writeFileSync(path.join(bad, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]));
  writeFileSync(path.join(bad, 'notice.txt'), '关于做好防汛工作的通知\n各乡镇人民政府：\n请于7月1日前上报防汛物资储备情况。\n');
  writeFileSync(path.join(bad, 'figures.csv'), '地区,人口\n甲,100\n');
  writeFileSync(path.join(bad, 'fake.docx'), 'this is not a zip file');
  writeFileSync(path.join(bad, 'scan.pdf'), await imageOnlyPdf());
  writeFileSync(path.join(bad, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]));
  // 50 MB without writing 50 MB: a sparse file. The loader must refuse it from its size, never read it.
  writeFileSync(path.join(bad, 'huge.txt'), '');
  truncateSync(path.join(bad, 'huge.txt'), 50 * 1024 * 1024);
  symlinkSync(path.join(bad, 'gone.txt'), path.join(bad, 'broken-link.txt'));
  symlinkSync(bad, path.join(bad, 'loop'));
  let deep = path.join(root, 'deep');
  for (let i = 0; i <= MAX_DEPTH + 1; i++) deep = path.join(deep, `d${i}`);
  mkdirSync(deep, { recursive: true });
  writeFileSync(path.join(deep, 'lost.txt'), 'x');
  // The product's own path: worker pool (real formats cross threads), no cache (nothing outside the temp folder).
  corpus = await loadCheckedCorpus(root, { thresholds: DEFAULT_THRESHOLDS, cache: false, workers: 2 });
}, 60_000); // workers start the TypeScript sources through tsx and load pdf.js: slow on a busy machine

describe('loading a mixed folder', () => {
  it('parses every good report, recording its source format', () => {
    const byFile = Object.fromEntries(corpus.reports.map((r) => [r.file, r.sourceFormat]));
    const expected: Record<string, string> = {};
    for (const f of readdirSync(path.join(FIXTURES, 'seeds'))) expected[f] = 'txt';
    for (const f of readdirSync(path.join(FIXTURES, 'formats'))) expected[`formats/${f}`] = path.extname(f).slice(1);
    expect(byFile).toEqual(expected);
    const gbk = corpus.reports.find((r) => r.file === 'formats/000_81e12db4ab5ce8f0.gbk.html')!;
    expect(gbk.encoding).toBe('gb18030');
  });

  it('lists every bad file once, with its reason in English and Chinese', () => {
    const codes = Object.fromEntries(corpus.problems.map((p) => [p.file, p.code]));
    expect(codes).toEqual({
      'bad/binary.txt': 'binary',
      'bad/blank.html': 'empty',
      'bad/broken-link.txt': 'not-found',
      'bad/empty.txt': 'empty',
      'bad/fake.docx': 'unreadable-format',
      'bad/figures.csv': 'not-a-report',
      'bad/huge.txt': 'too-large',
      'bad/loop': 'link-loop',
      'bad/notice.txt': 'not-a-report',
      'bad/old.doc': 'unreadable-format',
      'bad/scan.pdf': 'no-text-layer',
      [`deep/${Array.from({ length: MAX_DEPTH }, (_, i) => `d${i}`).join('/')}`]: 'too-deep',
    });
    for (const p of corpus.problems) {
      expect(p.message.length).toBeGreaterThan(3);
      expect(p.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message).not.toMatch(/\n/);
    }
    expect(corpus.problems.find((p) => p.code === 'too-large')!.message).toMatch(/50\.0 MB/);
    expect(corpus.problems.find((p) => p.file === 'bad/old.doc')!.message).toMatch(/save it as \.docx/);
  });
});

describe('readStable', () => {
  const found = { path: '/x/a.txt', file: 'a.txt', size: 3, mtimeMs: 1, ctimeMs: 1, ino: 1 };

  it('re-reads once a file that changed since it was found, and keeps the second read', async () => {
    let reads = 0;
    const io: FileIO = {
      read: async () =>
        ++reads === 1
          ? { bytes: new Uint8Array([1, 2, 3]), size: 4, mtimeMs: 2 } // grew while being read
          : { bytes: new Uint8Array([1, 2, 3, 4]), size: 4, mtimeMs: 2 },
    };
    const result = await readStable('/x', found, 100, io);
    expect(result).toEqual({ bytes: new Uint8Array([1, 2, 3, 4]) });
    expect(reads).toBe(2);
  });

  it('gives up with a problem when the file keeps changing', async () => {
    let mtime = 1;
    const io: FileIO = { read: async () => ({ bytes: new Uint8Array([1, 2, 3]), size: 3, mtimeMs: ++mtime }) };
    const result = await readStable('/x', found, 100, io);
    expect('problem' in result && result.problem.code).toBe('changed-while-reading');
  });

  it('turns a permission error into an unreadable problem', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const io: FileIO = { read: async () => Promise.reject(denied) };
    const result = await readStable('/x', found, 100, io);
    expect('problem' in result && result.problem).toEqual({
      file: 'a.txt',
      code: 'unreadable',
      message: 'permission denied',
      messageZh: '没有读取权限',
    });
  });
});

describe('discover', () => {
  it('gives each file the paths path.join and path.relative would, however the root is written', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'xxgk-discover-'));
    mkdirSync(path.join(root, 'a', 'b c', '深圳'), { recursive: true });
    for (const f of ['top.txt', 'a/one.html', 'a/b c/two.pdf', 'a/b c/深圳/三.docx', 'a/sheet.xlsx']) writeFileSync(path.join(root, f), 'x');
    const found = async (written: string) => {
      const out: Array<{ path: string; file: string }> = [];
      for await (const f of discover(written)) out.push(f.kind === 'file' ? { path: f.found.path, file: f.found.file } : { path: '', file: f.problem.file });
      return out;
    };
    const expected = (written: string) =>
      ['a/b c/two.pdf', 'a/b c/深圳/三.docx', 'a/one.html', 'a/sheet.xlsx', 'top.txt'].map((file) => ({
        path: file.endsWith('.xlsx') ? '' : path.join(written, file),
        file,
      }));
    for (const written of [root, root + '/', root + '//a/..', path.relative(process.cwd(), root)]) {
      expect(await found(written)).toEqual(expected(written));
    }
  });

  it('keeps name order in a folder of hundreds of files, each subfolder in its place', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'xxgk-discover-order-'));
    const names = Array.from({ length: 700 }, (_, i) => `r${String(i).padStart(3, '0')}.txt`);
    for (const name of names) writeFileSync(path.join(root, name), 'x');
    // 'r250.txt' < 'r250d' < 'r251.txt': a folder's files come right after the file before its name.
    for (const folder of ['r000a', 'r250d', 'r511z', 'r699z']) {
      mkdirSync(path.join(root, folder));
      writeFileSync(path.join(root, folder, 'inside.txt'), 'x');
    }
    const expected = [...names, 'r000a/inside.txt', 'r250d/inside.txt', 'r511z/inside.txt', 'r699z/inside.txt'].sort((a, b) => {
      const key = (f: string) => f.replace('/inside.txt', '~'); // a folder's file sorts right after the folder's name
      return key(a) < key(b) ? -1 : 1;
    });
    const files = [...discover(root)].map((f) => (f.kind === 'file' ? f.found.file : `problem ${f.problem.file}`));
    expect(files).toEqual(expected);
  });
});
