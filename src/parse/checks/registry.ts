// Every rule, in the order of docs/format.md §9. docs/anomalies.md is generated from this list (scripts/gen-anomalies-doc.ts).
import { rule as balance } from './rules/balance.js';
import { rule as rowSum } from './rules/row-sum.js';
import { rule as outcomeSum } from './rules/outcome-sum.js';
import { rule as reviewSum } from './rules/review-sum.js';
import { rule as badCell } from './rules/bad-cell.js';
import { rule as blankCells } from './rules/blank-cells.js';
import { rule as missingTable } from './rules/missing-table.js';
import { rule as missingSection } from './rules/missing-section.js';
import { rule as sectionMisnumbered } from './rules/section-misnumbered.js';
import { rule as section5Empty } from './rules/section5-empty.js';
import { rule as feeStatementMissing } from './rules/fee-statement-missing.js';
import { rule as outdatedFormat } from './rules/outdated-format.js';
import { rule as mixedFormat } from './rules/mixed-format.js';
import { rule as legacyFormat } from './rules/legacy-format.js';
import { rule as templateLeftover } from './rules/template-leftover.js';
import { rule as latePublication } from './rules/late-publication.js';
import { rule as noPublicationDate } from './rules/no-publication-date.js';
import { rule as yearMismatch } from './rules/year-mismatch.js';
import { rule as narrativeMismatch } from './rules/narrative-mismatch.js';
import { rule as narrativeInternal } from './rules/narrative-internal.js';
import { rule as feeNoticeMismatch } from './rules/fee-notice-mismatch.js';
import { rule as allZero } from './rules/all-zero.js';
import { rule as carryoverBreak } from './rules/carryover-break.js';
import { rule as stockBreak } from './rules/stock-break.js';
import { rule as stockBelowFlow } from './rules/stock-below-flow.js';
import { rule as duplicateReport } from './rules/duplicate-report.js';
import { rule as republishedDifferent } from './rules/republished-different.js';
import { rule as copyOfLastYear } from './rules/copy-of-last-year.js';
import { rule as hierarchySum } from './rules/hierarchy-sum.js';
import { rule as missingYear } from './rules/missing-year.js';
import { rule as highCorrectionRate } from './rules/high-correction-rate.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  balance,
  rowSum,
  outcomeSum,
  reviewSum,
  badCell,
  blankCells,
  missingTable,
  missingSection,
  sectionMisnumbered,
  section5Empty,
  feeStatementMissing,
  outdatedFormat,
  mixedFormat,
  legacyFormat,
  templateLeftover,
  latePublication,
  noPublicationDate,
  yearMismatch,
  narrativeMismatch,
  narrativeInternal,
  feeNoticeMismatch,
  allZero,
  carryoverBreak,
  stockBreak,
  stockBelowFlow,
  duplicateReport,
  republishedDifferent,
  copyOfLastYear,
  hierarchySum,
  missingYear,
  highCorrectionRate,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
