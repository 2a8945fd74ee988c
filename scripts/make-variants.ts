// Generates the layout variants of the seed reports used by the golden tests (test/parse/golden.test.ts).
// Each variant is a seed with one thing changed the way real files differ (encoding, line endings, table layout,
// script, blank cells…); its expected JSON is the seed's hand-written expected JSON with the differences applied.
//
//   npx tsx scripts/make-variants.ts          writes test/fixtures/variants/<name>.txt and <name>.json
//
// The output is deterministic: the golden test regenerates every variant in memory and fails when a committed
// file is stale, so edit this script, rerun it, and commit both.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEEDS_DIR = join(ROOT, 'test/fixtures/seeds');
export const EXPECTED_DIR = join(ROOT, 'test/fixtures/expected');
export const VARIANTS_DIR = join(ROOT, 'test/fixtures/variants');

export type Expected = Record<string, unknown>;

export interface VariantSpec {
  name: string;
  /** Seed number prefix (`000` … `004`). */
  seed: string;
  /** What differs from the seed, in one sentence (kept in the expected JSON for readers). */
  description: string;
  make(seedText: string): Uint8Array;
  /** Dotted paths of the expected JSON whose value differs from the seed's. */
  overrides?: Record<string, unknown>;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Applies `edit` to the lines between the first line starting with `from` and the next starting with `to`. */
function editRegion(text: string, from: string, to: string, edit: (lines: string[]) => string[]): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith(from));
  const end = lines.findIndex((l, i) => i > start && l.trimStart().startsWith(to));
  if (start < 0 || end < 0) throw new Error(`region ${from} … ${to} not found`);
  return [...lines.slice(0, start + 1), ...edit(lines.slice(start + 1, end)), ...lines.slice(end)].join('\n');
}

/** Index of the only line containing `needle`; a variant must never silently edit the wrong line. */
function lineIndex(lines: readonly string[], needle: string): number {
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i] : []));
  if (hits.length !== 1) throw new Error(`expected one line containing ${needle}, found ${hits.length}`);
  return hits[0]!;
}

/**
 * In a tab-separated row, replaces the `column`-th numeric cell after the cell holding `label`
 * (0 = 自然人 … 6 = 总计). Empty spacer cells between the label and the numbers are skipped.
 */
function replaceTabCell(text: string, label: string, column: number, token: string): string {
  const lines = text.split('\n');
  const i = lineIndex(lines, label);
  const cells = lines[i]!.split('\t');
  const labelAt = cells.findIndex((c) => c.includes(label));
  const numeric = cells.flatMap((c, j) => (j > labelAt && /^\d+(\.\d+)?$/.test(c.trim()) ? [j] : []));
  const target = numeric[column];
  if (target === undefined) throw new Error(`row ${label} has no numeric cell ${column}`);
  cells[target] = token;
  lines[i] = cells.join('\t');
  return lines.join('\n');
}

/** Replaces cell `column` of the first line after the one containing `needle` (table 4's row of 15 figures). */
function replaceCellOfNextLine(text: string, needle: string, column: number, token: string): string {
  const lines = text.split('\n');
  const i = lineIndex(lines, needle) + 1;
  const cells = lines[i]!.split('\t');
  if (!/^\d+$/.test(cells[column] ?? '')) throw new Error(`no figure at cell ${column} after ${needle}`);
  cells[column] = token;
  lines[i] = cells.join('\t');
  return lines.join('\n');
}

const TABLES_START = '二、主动公开政府信息情况';
const TABLES_END = '五、存在的主要问题';

export const VARIANTS: readonly VariantSpec[] = [
  {
    name: '004-gbk',
    seed: '004',
    description: 'seed 004 encoded as GBK (no BOM), as most older portal downloads are',
    make: (text) => {
      const bytes = iconv.encode(text, 'gbk');
      if (iconv.decode(bytes, 'gbk') !== text) throw new Error('seed 004 does not survive a GBK round trip');
      return bytes;
    },
    overrides: { encoding: 'gb18030' },
  },
  {
    name: '002-utf16le-bom',
    seed: '002',
    description: 'seed 002 encoded as UTF-16LE with a byte-order mark (Windows Notepad "Unicode")',
    make: (text) => Uint8Array.from([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]),
    overrides: { encoding: 'utf-16le' },
  },
  {
    name: '002-fullwidth-digits',
    seed: '002',
    description: "seed 002 with every digit in tables 2-4 written full-width (０-９)",
    make: (text) =>
      utf8(
        editRegion(text, TABLES_START, TABLES_END, (lines) =>
          lines.map((l) => l.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))),
        ),
      ),
  },
  {
    name: '004-blank-cells',
    seed: '004',
    description: "seed 004 with '/' in 予以公开·自然人 and an empty cell in 没有现成信息需要另行制作·科研机构",
    make: (text) => {
      const slashed = replaceTabCell(text, '予以公开', 0, '/');
      return utf8(replaceTabCell(slashed, '没有现成信息需要另行制作', 2, ''));
    },
    overrides: {
      'applications.granted.naturalPerson': null,
      'applications.unavailable.needsCreation.research': null,
      blankCells: [
        { cell: 'applications.granted.naturalPerson', token: '/', line: 47 },
        { cell: 'applications.unavailable.needsCreation.research', token: '', line: 59 },
      ],
    },
  },
  {
    name: '004-blank-tokens',
    seed: '004',
    description: "seed 004 with the other blank tokens: '—' for 行政许可, '-' for 上年结转·总计, '无' for 未经复议直接起诉·总计",
    make: (text) => {
      const dashed = replaceTabCell(text, '行政许可', 0, '—');
      const hyphen = replaceTabCell(dashed, '二、上年结转政府信息公开申请数量', 6, '-');
      return utf8(replaceCellOfNextLine(hyphen, '维持\t纠正\t结果\t审\t结', 9, '无'));
    },
    overrides: {
      'active.licensing.decisions': null,
      'applications.carriedOver.total': null,
      'reviews.litigationDirect.total': null,
      blankCells: [
        { cell: 'active.licensing.decisions', token: '—', line: 31 },
        { cell: 'applications.carriedOver.total', token: '-', line: 46 },
        { cell: 'reviews.litigationDirect.total', token: '无', line: 78 },
      ],
    },
  },
  {
    name: '004-wrapped-label',
    seed: '004',
    description: 'seed 004 with the label of 三(六)2 逾期未按收费通知要求缴纳费用 wrapped over two lines, the numbers on the second',
    make: (text) => {
      const lines = text.split('\n');
      const i = lineIndex(lines, '2.申请人逾期未按收费通知要求缴纳费用');
      const line = lines[i]!;
      const cut = line.indexOf('行政机关不再处理') + '行政机关不再处理'.length;
      lines.splice(i, 1, line.slice(0, cut), line.slice(cut));
      return utf8(lines.join('\n'));
    },
  },
  {
    name: '000-wrapped-label',
    seed: '000',
    description: 'seed 000 (one cell per line) with the label of 三(二) 部分公开 wrapped after 只计这一情形，',
    make: (text) => {
      const lines = text.split('\n');
      const i = lineIndex(lines, '（二）部分公开（区分处理的');
      const line = lines[i]!;
      const cut = line.indexOf('只计这一情形，') + '只计这一情形，'.length;
      lines.splice(i, 1, line.slice(0, cut), `\t${line.slice(cut)}`);
      return utf8(lines.join('\n'));
    },
  },
  {
    name: '000-traditional',
    seed: '000',
    description: 'seed 000 converted to Traditional characters (opencc-js cn → tw, character level)',
    make: (text) => utf8(OpenCC.Converter({ from: 'cn', to: 'tw' })(text)),
    overrides: { script: 'traditional' },
  },
  {
    name: '000-flattened',
    seed: '000',
    description: 'seed 000 as a web-page copy-paste gives it: one cell per line, no indentation, no blank lines anywhere',
    make: (text) =>
      utf8(
        text
          .split('\n')
          .map((l) => l.replace(/^\t+/, ''))
          .filter((l) => l.trim() !== '')
          .join('\n') + '\n',
      ),
  },
  {
    name: '004-page-break',
    seed: '004',
    description: 'seed 004 with a page break inside table 3 after 8.属于行政查询事项: a page number line "- 2 -" and the column headers repeated',
    make: (text) => {
      const lines = text.split('\n');
      const headerStart = lineIndex(lines, '(本列数据的勾稽关系为');
      const header = lines.slice(headerStart, headerStart + 3);
      if (!header[2]?.includes('商业企业')) throw new Error('unexpected table-3 header in seed 004');
      const at = lineIndex(lines, '8.属于行政查询事项');
      lines.splice(at + 1, 0, '', '- 2 -', '', ...header);
      return utf8(lines.join('\n'));
    },
  },
  {
    name: '004-space-separated',
    seed: '004',
    description: 'seed 004 with the cells of tables 2-4 separated by single spaces instead of tabs (empty cells vanish)',
    make: (text) =>
      utf8(editRegion(text, TABLES_START, TABLES_END, (lines) => lines.map((l) => l.replace(/\t+/g, ' ').trim()))),
  },
  {
    name: '004-crlf-bom',
    seed: '004',
    description: 'seed 004 saved with Windows line endings (\\r\\n) and a UTF-8 byte-order mark',
    make: (text) => utf8('\uFEFF' + text.replace(/\n/g, '\r\n')),
  },
  {
    name: '002-subtotal-column',
    seed: '002',
    description: 'seed 002 with a 小计 column added to table 3 between 其他 and 总计 (8 numbers per row; 小计 = the five organisation columns)',
    make: (text) =>
      utf8(
        editRegion(text, '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议', (lines) => {
          const out: string[] = [];
          let run: number[] = [];
          let headerDone = false;
          for (const line of lines) {
            out.push(line);
            if (!headerDone && line.startsWith('其他 |')) {
              out.push('小计 |');
              headerDone = true;
            }
            const n = /^(\d+) \|$/.exec(line);
            run = n ? [...run, Number(n[1])] : [];
            // After the sixth number of a row (其他), before 总计.
            if (run.length === 6) out.push(`${run.slice(1, 6).reduce((a, b) => a + b, 0)} |`);
          }
          if (!headerDone) throw new Error('no 其他 column header in seed 002');
          return out;
        }),
      ),
  },
];

/** The seed file whose name starts with `prefix`. */
export function seedFileName(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}`);
  return name;
}

/** The hand-written expected JSON of a seed file (`000_….txt` → expected/000_….json). */
export function readSeedExpected(seedFile: string): Expected {
  return JSON.parse(readFileSync(join(EXPECTED_DIR, seedFile.replace(/\.txt$/, '.json')), 'utf8')) as Expected;
}

function withOverrides(expected: Expected, overrides: Record<string, unknown>): Expected {
  const copy = structuredClone(expected);
  for (const [path, value] of Object.entries(overrides)) {
    const parts = path.split('.');
    let cur: Record<string, unknown> = copy;
    for (const part of parts.slice(0, -1)) {
      const next = cur[part];
      if (typeof next !== 'object' || next === null) throw new Error(`override ${path}: no ${part} in the seed expected`);
      cur = next as Record<string, unknown>;
    }
    const last = parts[parts.length - 1]!;
    if (!(last in cur)) throw new Error(`override ${path}: the seed expected has no such figure`);
    cur[last] = value;
  }
  return copy;
}

export interface BuiltVariant {
  name: string;
  bytes: Uint8Array;
  /** Pretty-printed expected JSON, exactly as written to disk. */
  expectedJson: string;
}

export function buildVariant(spec: VariantSpec): BuiltVariant {
  const seedFile = seedFileName(spec.seed);
  const seedText = readFileSync(join(SEEDS_DIR, seedFile), 'utf8');
  const expected = {
    _seed: seedFile,
    _variant: spec.description,
    ...withOverrides(readSeedExpected(seedFile), spec.overrides ?? {}),
  };
  return { name: spec.name, bytes: spec.make(seedText), expectedJson: JSON.stringify(expected, null, 2) + '\n' };
}

function main(): void {
  mkdirSync(VARIANTS_DIR, { recursive: true });
  for (const spec of VARIANTS) {
    const built = buildVariant(spec);
    writeFileSync(join(VARIANTS_DIR, `${built.name}.txt`), built.bytes);
    writeFileSync(join(VARIANTS_DIR, `${built.name}.json`), built.expectedJson);
    console.log(`${built.name}.txt  ${built.bytes.length} bytes  (${spec.description})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
