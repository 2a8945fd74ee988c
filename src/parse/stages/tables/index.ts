// Stage 4 — tables: recover tables 2, 3 and 4 from rows of cells, whatever layout they arrived in,
// and map cells to ids by their labels.
// rows (rows.ts) → locate (locate.ts) → labels (labels.ts) → values (values.ts), one reader per table.
import { diagnostic } from '../../diagnostics.js';
import type { ActiveTable, FormatEvidence, ApplicationTable, BlankCell, Diagnostic, ReviewTable, Section } from '../../model.js';
import type { NormalizedDoc } from '../normalize.js';
import { readActive } from './active.js';
import { readApplications } from './applications.js';
import { locateTables, type Region, type TableKey } from './locate.js';
import { readReviews } from './reviews.js';
import { toRows } from './rows.js';

/** What the table labels say about the format generation. */
export type TableEvidence = Omit<FormatEvidence, 'cited'>;

export interface Tables {
  active: ActiveTable | null;
  applications: ApplicationTable | null;
  reviews: ReviewTable | null;
  blankCells: BlankCell[];
  evidence: TableEvidence;
  diagnostics: Diagnostic[];
}

const TABLE_NAMES: Record<TableKey, { en: string; zh: string }> = {
  active: { en: 'table 2 (proactive disclosure)', zh: '表二（主动公开政府信息情况）' },
  applications: { en: 'table 3 (applications)', zh: '表三（收到和处理政府信息公开申请情况）' },
  reviews: { en: 'table 4 (reviews and litigation)', zh: '表四（行政复议、行政诉讼情况）' },
};

function emptyWarning(key: TableKey, region: Region): Diagnostic {
  const name = TABLE_NAMES[key];
  return diagnostic('table-empty', 'warning', region.heading, `${name.en} has no figures`, `${name.zh}没有数据`);
}

/**
 * A heading followed at once by prose (二、主动公开政府信息情况 / 本年度制发规范性文件2件…) is a section written
 * as prose, as 2020 reports without tables are: nothing to warn about here (the missing-table check says it).
 * A heading with nothing or empty grid rows under it is a table that lost its figures, and is warned about.
 */
function isProseSection(lines: readonly string[], region: Region): boolean {
  if (!region.byHeading) return false;
  for (let n = region.heading + 1; n <= lines.length; n++) {
    const line = lines[n - 1] ?? '';
    if (line.trim() === '') continue;
    return !/[\t|]/.test(line) && /[。；;]/.test(line) && line.trim().length >= 12;
  }
  return false;
}

/** A bug in one table's reader costs that table only, as a diagnostic; the other tables still parse. */
function safely<T>(key: TableKey, region: Region, diagnostics: Diagnostic[], run: () => T): T | null {
  try {
    return run();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    diagnostics.push(diagnostic('internal-error', 'error', region.heading, `reading ${TABLE_NAMES[key].en} failed: ${why}`, `读取${TABLE_NAMES[key].zh}出错：${why}`));
    return null;
  }
}

export function extractTables(doc: NormalizedDoc, sections: readonly Section[]): Tables {
  const regions = locateTables(doc.lines, sections);
  const blankCells: BlankCell[] = [];
  const diagnostics: Diagnostic[] = [];
  const evidence: TableEvidence = { labels2019: false, labels2021: false, otherHasSubRows: null };
  let active: ActiveTable | null = null;
  let applications: ApplicationTable | null = null;
  let reviews: ReviewTable | null = null;

  const region2 = regions.active;
  const result2 = region2 ? safely('active', region2, diagnostics, () => readActive(toRows(doc.lines, region2.from, region2.to), region2.heading)) : null;
  if (region2 && result2) {
    evidence.labels2019 = result2.labels2019;
    evidence.labels2021 = result2.labels2021;
    active = result2.table;
    if (active) blankCells.push(...result2.reader.blankCells);
    diagnostics.push(...(active ? [...result2.reader.diagnostics, ...result2.diagnostics] : (isProseSection(doc.lines, region2) ? [] : [emptyWarning('active', region2)])));
  }
  const region3 = regions.applications;
  const result3 = region3 ? safely('applications', region3, diagnostics, () => readApplications(toRows(doc.lines, region3.from, region3.to), region3.heading)) : null;
  if (region3 && result3) {
    evidence.otherHasSubRows = result3.otherHasSubRows;
    applications = result3.table;
    if (applications) blankCells.push(...result3.reader.blankCells);
    diagnostics.push(...(applications ? [...result3.reader.diagnostics, ...result3.diagnostics] : (isProseSection(doc.lines, region3) ? [] : [emptyWarning('applications', region3)])));
  }
  const region4 = regions.reviews;
  const result4 = region4 ? safely('reviews', region4, diagnostics, () => readReviews(toRows(doc.lines, region4.from, region4.to), region4.heading)) : null;
  if (region4 && result4) {
    reviews = result4.table;
    if (reviews) blankCells.push(...result4.reader.blankCells);
    diagnostics.push(...(reviews ? [...result4.reader.diagnostics, ...result4.diagnostics] : (isProseSection(doc.lines, region4) ? [] : [emptyWarning('reviews', region4)])));
  }
  return { active, applications, reviews, blankCells, evidence, diagnostics };
}
