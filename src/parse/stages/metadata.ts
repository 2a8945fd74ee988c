// Stage 6 — metadata: who reports, for which year, when it was published (format.md §2).
import type { BodyType, Diagnostic, Level, Section } from '../model.js';
import type { NormalizedDoc } from './normalize.js';

export interface Metadata {
  title: string | null;
  jurisdiction: string | null;
  jurisdictionKey: string | null;
  level: Level;
  bodyType: BodyType;
  year: number | null;
  publishedAt: string | null;
  signedAt: string | null;
  /** The format document the report cites: 〔2019〕60号 → '2019', 〔2021〕30号 → '2021'. */
  citedFormat: '2019' | '2021' | null;
  diagnostics: Diagnostic[];
}

export function extractMetadata(_doc: NormalizedDoc, _sections: readonly Section[], _fileName: string): Metadata {
  // TODO(metadata helper)
  return {
    title: null,
    jurisdiction: null,
    jurisdictionKey: null,
    level: 'unknown',
    bodyType: 'unknown',
    year: null,
    publishedAt: null,
    signedAt: null,
    citedFormat: null,
    diagnostics: [],
  };
}
