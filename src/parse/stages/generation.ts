// Which generation of the format a report follows (format.md §1, §7): the tables' own labels first,
// the cited document number second, the year last.
import type { FormatEvidence, FormatGeneration } from '../model.js';

export function detectGeneration(evidence: FormatEvidence, year: number | null, hasAnyTable: boolean): FormatGeneration | null {
  if (evidence.labels2021 || evidence.otherHasSubRows === true) return '2021';
  if (evidence.labels2019 || evidence.otherHasSubRows === false) return '2019';
  if (evidence.cited) return evidence.cited;
  if (year === null) return hasAnyTable ? '2021' : null;
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return 'legacy';
}
