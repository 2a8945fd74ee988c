// Step 1 — rows: normalized lines → rows of cells, each cell knowing its line and column.
// Layouts: tab-separated grids (what the HTML/DOCX/PDF adapters hand over), pipe rows (`label |`, `| | |`),
// one cell per line (tab-indented or not), and space-separated figures left by PDF/Word flattening.

export type CellKind = 'empty' | 'value' | 'blank' | 'unreadable' | 'label';

export interface Cell {
  /** The cell text, trimmed. */
  text: string;
  kind: CellKind;
  /** Parsed figure for `value` cells. */
  value: number | null;
  /** 1-based line number. */
  line: number;
  /** Column index in its row. */
  col: number;
}

export interface Row {
  line: number;
  cells: Cell[];
  /** More than one cell (tab or pipe grid, or label + space-separated figures): empty cells are real positions. */
  structured: boolean;
}

// Figures: plain integers/decimals, thousands separators, an optional leading minus.
// A 2019 本年增/减 is often signed both ways (`+2`, `-3`).
const NUMBER = /^[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
// Tokens a report writes in a cell it leaves blank.
const BLANK = /^(?:\/|／|\\|[—–\-－]+|无|空|——)$/;
// A short cell with digits that is not a figure: `1O`, `12 3`, `3件5`. Labels (with CJK words) are not this.
const DIGITISH = /\d/;
const CJK_RUN = /[\u3400-\u9fff]{2,}/;
const DATE = /^\d{4}\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[-/.]\d{1,2}[-/.]\d{1,2})$/;

const PLAIN_DIGITS = /^\d+$/;

function toNumber(figure: string): number {
  if (PLAIN_DIGITS.test(figure)) return Number(figure); // most figures: nothing to strip
  return Number(figure.replace(/,/g, '').replace('−', '-').replace(/^\+/, ''));
}

/** Classifies one cell's text. Exported for tests. */
export function classifyCell(text: string): { kind: CellKind; value: number | null } {
  const t = text.trim();
  if (t === '') return { kind: 'empty', value: null };
  if (NUMBER.test(t)) return { kind: 'value', value: toNumber(t) };
  if (BLANK.test(t)) return { kind: 'blank', value: null };
  // Figures sometimes carry their unit inside the cell: `12件`, `3.5万元`.
  const withUnit = /^([-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:件|条|个|项|次|万元|元)$/.exec(t);
  if (withUnit) return { kind: 'value', value: toNumber(withUnit[1]!) };
  // A date (a signature under the table, `2024年1月30日`, `2024-01-30`) is text, not a misprinted figure.
  if (DATE.test(t)) return { kind: 'label', value: null };
  if (DIGITISH.test(t) && !CJK_RUN.test(t) && t.length <= 12) return { kind: 'unreadable', value: null };
  return { kind: 'label', value: null };
}

// Page-break debris: `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共5页`, `3/5`, `Page 3`. Each holds a digit (isPageDebris
// skips lines without one).
const DEBRIS = [
  /^[-—–－]+\s*\d+\s*[-—–－]+$/,
  /^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*第\s*\d+\s*页$/,
  /^\d+\s*\/\s*\d+$/,
  /^page\s*\d+(?:\s*(?:of|\/)\s*\d+)?$/i,
];

const HAS_DIGIT = /\d/;

const MARKDOWN_RULE = /^:?-{3,}:?$/;

// Every DEBRIS pattern starts with a dash, 第, 共, a digit or p/P and ends with a dash, 页 or a digit.
const DEBRIS_FIRST = /^[-—–－第共\dpP]/;
const DEBRIS_LAST = /[-—–－页\d]$/;

export function isPageDebris(line: string): boolean {
  return isTrimmedPageDebris(line.trim());
}

/**
 * isPageDebris of a line already trimmed (tabs count as spaces: trimming first, then replacing inner tabs, gives
 * what replacing then trimming gave). splitLine trims each line once and asks with that.
 */
function isTrimmedPageDebris(trimmed: string): boolean {
  if (!HAS_DIGIT.test(trimmed)) return false; // every DEBRIS pattern needs a page number
  if (!DEBRIS_FIRST.test(trimmed) || !DEBRIS_LAST.test(trimmed)) return false; // most lines: a label or a figure row
  // A line that starts with a digit is debris only as `3/5`: a figure cell (`532`, most lines of a table) is not.
  if (isDigit(trimmed.charCodeAt(0)) && !trimmed.includes('/')) return false;
  const t = trimmed.includes('\t') ? trimmed.replace(/\t/g, ' ') : trimmed;
  return DEBRIS.some((re) => re.test(t));
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

// A label followed by space-separated figures (`规章 0 0 0`, `行政许可 1539`), or figures alone (`1 10 3 0 14`).
const FIG = String.raw`(?:[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\/|—+|－|无)`;
const FIG_TOKEN = new RegExp(`^${FIG}$`);
const TOKEN = /\S+/g;

/**
 * The trailing run of whitespace-separated figure tokens and the label before it. Read token by token from the
 * end: a single pattern (label lazily, then figures to the end) retried the whole run from every start
 * position, which is quadratic on a long line of figures that ends in a word.
 */
function trailingFigures(text: string): { label: string; figures: string[] } | null {
  const tokens: Array<{ text: string; at: number }> = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ text: m[0], at: m.index });
  let first = tokens.length;
  while (first > 0 && FIG_TOKEN.test(tokens[first - 1]!.text)) first--;
  if (first === tokens.length) return null;
  const at = tokens[first]!.at;
  return { label: text.slice(0, at).trim(), figures: tokens.slice(first).map((t) => t.text) };
}

/** Splits one normalized line into cells. `line` is the 1-based line number. */
export function splitLine(text: string, line: number): Row | null {
  // Trimmed once: the blank test, the debris test and the pipe borders all read the trimmed line.
  const trimmed = text.trim();
  const hasTab = text.includes('\t');
  if ((trimmed === '' && !hasTab) || isTrimmedPageDebris(trimmed)) return null;
  let parts: string[];
  if (hasTab) {
    // One tab, leading: a tab-indented single cell (what isIndentedSingle finds below), without splitting the line.
    if (text.charCodeAt(0) === 0x09 && text.indexOf('\t', 1) === -1) return makeRow([trimmed], line, false);
    parts = trimEach(text.split('\t'));
    // A tab-indented single cell (`\t532`) or a lone `\t` placeholder is one cell, not a grid row.
    if (isIndentedSingle(parts)) return makeRow([parts.find((p) => p !== '') ?? ''], line, false);
    return makeRow(parts, line, true);
  }
  if (text.includes('|')) {
    // One pipe, ending the line: `label |` or `17 |`, a single cell (what the general case below finds), unsplit.
    if (trimmed.indexOf('|') === trimmed.length - 1) return makeRow([trimmed.slice(0, -1).trim()], line, false);
    parts = trimEach(text.split('|'));
    // The border pipes of `| a | b |` and the terminator of `label |` make no cell.
    if (trimmed.startsWith('|')) parts.shift();
    if (trimmed.endsWith('|')) parts.pop();
    if (parts.length === 0) parts = [''];
    // A Markdown alignment row (`| --- | :---: |`) from an HTML-to-Markdown converter is no row of the table:
    // read as cells its dashes would be blanks.
    if (parts.length > 1 && parts.every((p) => MARKDOWN_RULE.test(p))) return null;
    return makeRow(parts, line, parts.length > 1);
  }
  const spaced = splitSpaced(trimmed);
  if (spaced) return makeRow(spaced, line, spaced.length > 1);
  return makeRow([trimmed], line, false);
}

/** Trims every part in place: the array split made is not copied (this runs on every line of every table). */
function trimEach(parts: string[]): string[] {
  for (let i = 0; i < parts.length; i++) parts[i] = parts[i]!.trim();
  return parts;
}

/**
 * Seed 000 indents every cell with one tab and leaves `\t` alone on a line as a placeholder: those lines are
 * single cells. A grid row with one filled cell and trailing empty columns (`第二十条第(一)项\t\t\t`) is structured.
 */
function isIndentedSingle(parts: string[]): boolean {
  const filledAt = parts.findIndex((p) => p !== '');
  if (filledAt === -1) return parts.length <= 2;
  return filledAt === parts.length - 1 && filledAt <= 1;
}

function splitSpaced(text: string): string[] | null {
  const found = trailingFigures(text);
  if (!found) return null;
  const { label, figures } = found;
  // A lone number after a label is only a figure when separated by a space (`行政许可 1539`, not `2021年`):
  // tokens are whitespace-separated, so a figure glued to its label is never one.
  // Dates and prose (`2024 年`, `共收到 4 件`) end with a word, so they never reach here.
  return label === '' ? figures : [label, ...figures];
}

function makeRow(parts: string[], line: number, structured: boolean): Row {
  return {
    line,
    structured,
    cells: parts.map((text, col) => {
      const { kind, value } = classifyCell(text);
      return { text, line, col, kind, value };
    }),
  };
}

/**
 * A sentence of prose inside a table's region (a summary before the grid: …其中规范性文件5件，行政许可决定1200件。)
 * is no row: read as one, the labels it names would take the figures of the rows below.
 */
function isSentence(row: Row): boolean {
  if (row.structured || row.cells.length !== 1) return false;
  const text = row.cells[0]!.text;
  return text.length >= 20 && /[。；;]/.test(text) && /[，,]/.test(text);
}

/** Rows of lines [from, to] (1-based, inclusive), skipping blank lines, page debris and sentences. */
export function toRows(lines: readonly string[], from: number, to: number): Row[] {
  const rows: Row[] = [];
  for (let n = Math.max(1, from); n <= Math.min(lines.length, to); n++) {
    const row = splitLine(lines[n - 1] ?? '', n);
    if (row && !isSentence(row)) rows.push(row);
  }
  return rows;
}
