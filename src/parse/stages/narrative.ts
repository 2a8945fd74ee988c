// Stage 5 — narrative: figures stated in sentences (format.md §6), each with the sentence it came from,
// and for legacy reports the local statistics (`legacy.*`).
import type { Diagnostic, NarrativeFigure, NarrativeId, NarrativeMention, Report, Section } from '../model.js';
import type { NormalizedDoc } from './normalize.js';

export interface Narrative {
  narrative: Partial<Record<NarrativeId, NarrativeFigure>>;
  mentions: NarrativeMention[];
  legacy: Report['legacy'];
  diagnostics: Diagnostic[];
}

export function extractNarrative(_doc: NormalizedDoc, _sections: readonly Section[]): Narrative {
  return { narrative: {}, mentions: [], legacy: null, diagnostics: [] }; // TODO(narrative helper)
}
