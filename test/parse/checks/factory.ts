// Builds Report objects for the rule tests: a clean, balanced 2021-format county report by default,
// changed cell by cell with `set`, so each test shows exactly what it breaks.
import { emptyApplicationTable, emptyReviewTable, setPath } from '../../../src/parse/dictionary.js';
import { APPLICATION_ROWS } from '../../../src/parse/dictionary.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, SECTION_KEYS } from '../../../src/parse/model.js';
import type { ApplicationTable, NarrativeMention, Report, ReviewTable, Section } from '../../../src/parse/model.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../../src/parse/checks/thresholds.js';

export const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS };

/** Table 3 with every cell 0, then `rows` (row id → total) put into naturalPerson and total. */
export function applications(rows: Record<string, number> = {}): ApplicationTable {
  const t = emptyApplicationTable();
  for (const def of APPLICATION_ROWS) for (const c of APPLICANT_COLUMNS) setPath(t as unknown as Record<string, unknown>, `${def.id}.${c}`, 0);
  for (const [row, n] of Object.entries(rows)) {
    setPath(t as unknown as Record<string, unknown>, `${row}.naturalPerson`, n);
    setPath(t as unknown as Record<string, unknown>, `${row}.total`, n);
  }
  return t;
}

/** A balanced table 3: 新收 n + 结转 0 = 予以公开 n = 总计 n, 结转下年度 0. */
export function balancedApplications(n = 4): ApplicationTable {
  return applications({ newReceived: n, granted: n, outcomeTotal: n });
}

export function reviews(values: Partial<Record<string, number>> = {}): ReviewTable {
  const t = emptyReviewTable();
  for (const g of REVIEW_GROUPS) for (const c of REVIEW_COLUMNS) t[g][c] = 0;
  for (const [path, n] of Object.entries(values)) setPath(t as unknown as Record<string, unknown>, path, n);
  return t;
}

export function sections(overrides: Partial<Record<string, Partial<Section>>> = {}): Section[] {
  return SECTION_KEYS.map((key, i) => ({
    key,
    ordinal: i + 1,
    title: key,
    line: 10 * (i + 1),
    endLine: 10 * (i + 1) + 9,
    firstLine: '正文内容，足够长的一段说明文字。',
    length: 200,
    ...overrides[key],
  }));
}

export function mention(m: Partial<NarrativeMention> & Pick<NarrativeMention, 'id' | 'value'>): NarrativeMention {
  return { text: `句子 ${String(m.value)}`, line: 5, ...m };
}

export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    file: 'county/2023.txt',
    sourceFormat: 'txt',
    encoding: 'utf-8',
    format: '2021',
    formatEvidence: { labels2019: false, labels2021: true, otherHasSubRows: true, cited: '2021' },
    title: '乌鲁木齐县2023年政府信息公开工作年度报告',
    jurisdiction: '乌鲁木齐县人民政府',
    jurisdictionKey: '乌鲁木齐县',
    level: 'county',
    bodyType: 'government',
    divisionCode: null,
    year: 2023,
    publishedAt: '2024-01-20',
    signedAt: null,
    script: 'simplified',
    sections: sections(),
    active: {
      regulations: { issued: 0, repealed: 0, current: 0 },
      normativeDocuments: { issued: 2, repealed: 0, current: 2 },
      licensing: { decisions: 10 },
      punishment: { decisions: 3 },
      enforcement: { decisions: 1 },
      fees: { amount: 12.5 },
    },
    applications: balancedApplications(),
    reviews: reviews(),
    narrative: {},
    narrativeMentions: [mention({ id: 'feesCharged', value: false, text: '本年度未收取信息处理费。' })],
    legacy: null,
    blankCells: [],
    diagnostics: [],
    anomalies: [],
    ...overrides,
  };
}

/** Sets one figure by its JSON path (`applications.newReceived.total`). */
export function set(report: Report, path: string, value: unknown): Report {
  setPath(report as unknown as Record<string, unknown>, path, value);
  return report;
}
