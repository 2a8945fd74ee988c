// Stage 3 — segment: find the six statutory sections (一、总体情况 … 六、其他需要报告的事项) or legacy headings.
import type { Diagnostic, Section } from '../model.js';
import type { NormalizedDoc } from './normalize.js';

export interface Segmented {
  sections: Section[];
  diagnostics: Diagnostic[];
}

export function segment(_doc: NormalizedDoc): Segmented {
  return { sections: [], diagnostics: [] }; // TODO(segment helper)
}
