// Stage 4 — tables: recover tables 2, 3 and 4 from rows of cells, whatever layout they arrived in,
// and map cells to ids by their labels.
import type { ActiveTable, FormatEvidence, ApplicationTable, BlankCell, Diagnostic, ReviewTable, Section } from '../../model.js';
import type { NormalizedDoc } from '../normalize.js';

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

export function extractTables(_doc: NormalizedDoc, _sections: readonly Section[]): Tables {
  // TODO(tables helper)
  return {
    active: null,
    applications: null,
    reviews: null,
    blankCells: [],
    evidence: { labels2019: false, labels2021: false, otherHasSubRows: null },
    diagnostics: [],
  };
}
