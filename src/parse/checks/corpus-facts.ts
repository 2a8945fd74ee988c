// What the cross-report rules read of a report's tables and sections, apart from the list fields every report
// keeps in memory (file, year, body, format). A cached report keeps these few figures and signatures next to its
// deflated detail (load/entry.ts), so checking a folder of many years does not inflate every report's detail; a
// parsed report gives them from its own tables.
import { APPLICANT_COLUMNS, type ApplicationRow, type Figure, type Report } from '../model.js';
import { sectionOf } from './report-facts.js';

/** Table-2 rows and columns the stock rule carries over from one year to the next (rules/stock-break.ts). */
export const STOCK_CELLS = {
  regulations: ['issued', 'repealed', 'current'],
  normativeDocuments: ['issued', 'repealed', 'current'],
  licensing: ['prevCount', 'delta'],
  otherServices: ['prevCount', 'delta'],
  punishment: ['prevCount', 'delta'],
  enforcement: ['prevCount', 'delta'],
  fees: ['prevCount', 'delta'],
} as const;
export type StockRow = keyof typeof STOCK_CELLS;
const STOCK_ROWS = Object.keys(STOCK_CELLS) as StockRow[];

/** Sections copy-of-last-year compares. */
export const COMPARED_SECTIONS = ['overview', 'problems'] as const;
export type ComparedSection = (typeof COMPARED_SECTIONS)[number];

export interface CorpusFacts {
  /** Table 3 (null when the report has none): the rows compared across years and up the hierarchy. */
  applications: {
    carriedOver: ApplicationRow;
    carriedForward: ApplicationRow;
    newReceivedTotal: Figure;
    outcomeTotalTotal: Figure;
  } | null;
  /** Table 2's stock cells, by row and column as in STOCK_CELLS (null: blank, absent, or no table 2). */
  stock: Record<StockRow, Record<string, Figure>>;
  /** The first section of each compared kind: its similarity signature and heading line. */
  sections: Partial<Record<ComparedSection, { signature: number[] | undefined; line: number }>>;
}

function figure(v: unknown): Figure {
  return typeof v === 'number' ? v : null;
}

/** The facts of a report whose tables and sections are at hand. */
export function corpusFacts(r: Report): CorpusFacts {
  const a = r.applications;
  const active = r.active as Record<string, Record<string, unknown> | undefined> | null;
  const stock = {} as CorpusFacts['stock'];
  for (const row of STOCK_ROWS) {
    const cells: Record<string, Figure> = {};
    for (const col of STOCK_CELLS[row]) cells[col] = figure(active?.[row]?.[col]);
    stock[row] = cells;
  }
  const sections: CorpusFacts['sections'] = {};
  for (const key of COMPARED_SECTIONS) {
    const s = sectionOf(r, key);
    if (s) sections[key] = { signature: s.signature, line: s.line };
  }
  return {
    applications: a && {
      carriedOver: a.carriedOver,
      carriedForward: a.carriedForward,
      newReceivedTotal: a.newReceived.total,
      outcomeTotalTotal: a.outcomeTotal.total,
    },
    stock,
    sections,
  };
}

// The stored form: one line of JSON, figures as arrays in a fixed order and signatures as base64 of their 32-bit
// words, so that a cached report keeps ~0.4 KB of bytes for them rather than objects.
type Stored = [
  applications: [Figure[], Figure[], Figure, Figure] | null,
  stock: Figure[],
  sections: Array<[ComparedSection, string | null, number]>,
];

function encodeSignature(signature: readonly number[]): string {
  const words = new Uint32Array(signature);
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength).toString('base64');
}

function decodeSignature(text: string): number[] {
  const bytes = Buffer.from(text, 'base64');
  const out: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 4) out.push(bytes.readUInt32LE(at));
  return out;
}

const rowOf = (figures: readonly Figure[]): ApplicationRow =>
  Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, figures[i] ?? null])) as ApplicationRow;

/** The facts as one line of JSON (no newline in it: load/entry.ts ends the part with one). */
export function encodeCorpusFacts(facts: CorpusFacts): string {
  const a = facts.applications;
  const stored: Stored = [
    a && [APPLICANT_COLUMNS.map((c) => a.carriedOver[c]), APPLICANT_COLUMNS.map((c) => a.carriedForward[c]), a.newReceivedTotal, a.outcomeTotalTotal],
    STOCK_ROWS.flatMap((row) => STOCK_CELLS[row].map((col) => facts.stock[row][col] ?? null)),
    COMPARED_SECTIONS.flatMap((key) => {
      const s = facts.sections[key];
      return s ? [[key, s.signature ? encodeSignature(s.signature) : null, s.line] as [ComparedSection, string | null, number]] : [];
    }),
  ];
  return JSON.stringify(stored);
}

/** The facts from their stored form. Throws on text that encodeCorpusFacts did not write. */
export function decodeCorpusFacts(text: string): CorpusFacts {
  const [a, cells, sections] = JSON.parse(text) as Stored;
  const stock = {} as CorpusFacts['stock'];
  let at = 0;
  for (const row of STOCK_ROWS) {
    const values: Record<string, Figure> = {};
    for (const col of STOCK_CELLS[row]) values[col] = cells[at++] ?? null;
    stock[row] = values;
  }
  const facts: CorpusFacts = {
    applications: a && { carriedOver: rowOf(a[0]), carriedForward: rowOf(a[1]), newReceivedTotal: a[2], outcomeTotalTotal: a[3] },
    stock,
    sections: {},
  };
  for (const [key, signature, line] of sections) facts.sections[key] = { signature: signature === null ? undefined : decodeSignature(signature), line };
  return facts;
}
