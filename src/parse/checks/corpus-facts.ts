// What the cross-report rules read of a report's tables and sections, apart from the list fields every report
// keeps in memory (file, year, body, format). A cached report keeps these few figures and signatures next to its
// deflated detail (load/entry.ts), so checking a folder of many years does not inflate every report's detail; a
// parsed report gives them from its own tables.
import { APPLICANT_COLUMNS, type Figure, type Report } from '../model.js';
import { sectionOf } from './report-facts.js';
import { SIGNED_SECTION_KEYS } from './similarity.js';

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

/** Sections copy-of-last-year compares: the ones the parser signs. */
export const COMPARED_SECTIONS = SIGNED_SECTION_KEYS;
export type ComparedSection = (typeof COMPARED_SECTIONS)[number];

export interface CorpusFacts {
  /** Table 3 (null when the report has none): the rows compared across years (APPLICANT_COLUMNS order) and totals. */
  applications: {
    carriedOver: readonly Figure[];
    carriedForward: readonly Figure[];
    newReceivedTotal: Figure;
    outcomeTotalTotal: Figure;
  } | null;
  /** Table 2's stock cells in STOCK_CELLS order (null: blank, absent, or no table 2); find a cell with stockIndex. */
  stock: readonly Figure[];
  /**
   * The first section of each compared kind: its heading line and its similarity signature as base64 of the 32-bit
   * words (null when unsigned), decoded only for the pairs compared (sectionSignature): a folder's worth of decoded
   * signatures would be most of what the checks hold.
   */
  sections: Partial<Record<ComparedSection, { signature: string | null; line: number }>>;
}

/** Where a stock cell sits in CorpusFacts.stock: look it up once, then read `facts.stock[index]`. */
export function stockIndex(row: StockRow, column: string): number {
  let at = 0;
  for (const r of STOCK_ROWS) {
    for (const c of STOCK_CELLS[r]) {
      if (r === row && c === column) return at;
      at++;
    }
  }
  throw new Error(`${row}.${column} is not a stock cell`); // a programming error
}

function encodeSignature(signature: readonly number[]): string {
  const words = new Uint32Array(signature);
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength).toString('base64');
}

/** A compared section's signature, as similarity() takes it. */
export function sectionSignature(section: { signature: string | null } | undefined): ArrayLike<number> | undefined {
  if (!section || section.signature === null) return undefined;
  const bytes = Buffer.from(section.signature, 'base64');
  // The words in place where they are aligned (small Buffers come 8-byte aligned from Node's pool), else copied.
  const words = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new Uint32Array(words.buffer, words.byteOffset, words.length >> 2);
}

function figure(v: unknown): Figure {
  return typeof v === 'number' ? v : null;
}

/** The facts of a report whose tables and sections are at hand. */
export function corpusFacts(r: Report): CorpusFacts {
  const a = r.applications;
  const active = r.active as Record<string, Record<string, unknown> | undefined> | null;
  const sections: CorpusFacts['sections'] = {};
  for (const key of COMPARED_SECTIONS) {
    const s = sectionOf(r, key);
    if (s) sections[key] = { signature: s.signature ? encodeSignature(s.signature) : null, line: s.line };
  }
  return {
    applications: a && {
      carriedOver: APPLICANT_COLUMNS.map((c) => a.carriedOver[c]),
      carriedForward: APPLICANT_COLUMNS.map((c) => a.carriedForward[c]),
      newReceivedTotal: a.newReceived.total,
      outcomeTotalTotal: a.outcomeTotal.total,
    },
    stock: STOCK_ROWS.flatMap((row) => STOCK_CELLS[row].map((col) => figure(active?.[row]?.[col]))),
    sections,
  };
}

// The stored form: one line of JSON, the facts' own arrays in a fixed order.
type Stored = [
  applications: [Figure[], Figure[], Figure, Figure] | null,
  stock: Figure[],
  sections: Array<[ComparedSection, string | null, number]>,
];

/** The facts as one line of JSON (no newline in it: load/entry.ts ends the part with one). */
export function encodeCorpusFacts(facts: CorpusFacts): string {
  const a = facts.applications;
  const stored: Stored = [
    a && [[...a.carriedOver], [...a.carriedForward], a.newReceivedTotal, a.outcomeTotalTotal],
    [...facts.stock],
    COMPARED_SECTIONS.flatMap((key) => {
      const s = facts.sections[key];
      return s ? [[key, s.signature, s.line] as [ComparedSection, string | null, number]] : [];
    }),
  ];
  return JSON.stringify(stored);
}

/** The facts from their stored form. Throws on text that encodeCorpusFacts did not write. */
export function decodeCorpusFacts(text: string): CorpusFacts {
  const [a, stock, stored] = JSON.parse(text) as Stored;
  const sections: CorpusFacts['sections'] = {};
  for (const [key, signature, line] of stored) sections[key] = { signature, line };
  return {
    applications: a && { carriedOver: a[0], carriedForward: a[1], newReceivedTotal: a[2], outcomeTotalTotal: a[3] },
    stock,
    sections,
  };
}
