// Hand-built reports for the view tests: every field present, table 3 filled from a few named cells.
import { emptyApplicationTable, emptyReviewTable, setPath } from '../../../src/parse/dictionary.js';
import type { Anomaly, ApplicationTable, Report, ReviewTable } from '../../../src/parse/model.js';
import { emptyReport } from '../../fixtures/model.js';

export function makeReport(overrides: Partial<Report> = {}): Report {
  return emptyReport({
    file: 'a/report.txt',
    title: '某某区人民政府2022年政府信息公开工作年度报告',
    jurisdiction: '某某区人民政府',
    jurisdictionKey: 'x-district',
    level: 'district',
    bodyType: 'government',
    year: 2022,
    ...overrides,
  });
}

/** Table 3 from `{ 'granted.total': 5, … }`; every other cell blank. */
export function table3(cells: Record<string, number>): ApplicationTable {
  const table = emptyApplicationTable();
  for (const [path, value] of Object.entries(cells)) setPath(table as unknown as Record<string, unknown>, path, value);
  return table;
}

export function table4(cells: Record<string, number>): ReviewTable {
  const table = emptyReviewTable();
  for (const [path, value] of Object.entries(cells)) setPath(table as unknown as Record<string, unknown>, path, value);
  return table;
}

export function makeAnomaly(overrides: Partial<Anomaly> = {}): Anomaly {
  return {
    id: 'balance',
    severity: 'error',
    message: 'newReceived + carriedOver ≠ outcomeTotal + carriedForward',
    messageZh: '本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度',
    cells: ['applications.newReceived.total'],
    fingerprint: 'balance|x-district|2022|applications.newReceived.total',
    ...overrides,
  };
}
