// The parser's public face: bytes (or already-extracted text) in, a Report out. Never throws.
// decode → normalize → segment → tables → narrative → metadata → generation; each stage is a pure function
// in ./stages with its own tests. Checks run after, in ./checks, over the finished model.
import { signSections } from './checks/similarity.js';
import { computeTextFlags } from './checks/text-signals.js';
import { diagnostic } from './diagnostics.js';
import type { Diagnostic, Report, SourceFormat } from './model.js';
import { decode } from './stages/decode.js';
import { detectGeneration } from './stages/generation.js';
import { extractMetadata, type Metadata } from './stages/metadata.js';
import { extractNarrative, type Narrative } from './stages/narrative.js';
import { normalize, type NormalizedDoc } from './stages/normalize.js';
import { segment, type Segmented } from './stages/segment.js';
import { extractTables, type Tables } from './stages/tables/index.js';

export type { Report } from './model.js';

export { PARSER_VERSION } from './version.js';

export interface ParseInput {
  /** Path relative to the loaded folder, forward slashes. */
  file: string;
  /** Raw bytes of a text file, or text already extracted by an input adapter (HTML, DOCX, PDF). */
  bytes?: Uint8Array;
  text?: string;
  sourceFormat?: SourceFormat;
  /** Encoding, when an adapter already decoded the text. */
  encoding?: string;
  /** Problems an input adapter found before parsing. */
  diagnostics?: Diagnostic[];
}

export function parseReport(input: ParseInput): Report {
  const diagnostics: Diagnostic[] = [...(input.diagnostics ?? [])];
  let text = input.text ?? '';
  let encoding = input.encoding ?? 'utf-8';
  if (input.text === undefined && input.bytes) {
    const decoded = guard('decode', diagnostics, () => decode(input.bytes!), null);
    if (decoded) {
      text = decoded.text;
      encoding = decoded.encoding;
      diagnostics.push(...decoded.diagnostics);
    }
  }
  const doc: NormalizedDoc = guard('normalize', diagnostics, () => normalize(text), null) ?? {
    original: [],
    lines: [],
    script: 'simplified',
  };
  const seg: Segmented = guard('segment', diagnostics, () => segment(doc), null) ?? { sections: [], diagnostics: [] };
  // Text-derived signals the checks need, computed while the text is at hand: the model keeps no full text.
  guard('signatures', diagnostics, () => signSections(doc.lines, seg.sections), null);
  const textFlags = guard('text-signals', diagnostics, () => computeTextFlags({ lines: doc.lines, original: doc.original }), null);
  const tables: Tables = guard('tables', diagnostics, () => extractTables(doc, seg.sections), null) ?? {
    active: null,
    applications: null,
    reviews: null,
    blankCells: [],
    evidence: { labels2019: false, labels2021: false, otherHasSubRows: null },
    diagnostics: [],
  };
  const narrative: Narrative = guard('narrative', diagnostics, () => extractNarrative(doc, seg.sections), null) ?? {
    narrative: {},
    mentions: [],
    legacy: null,
    diagnostics: [],
  };
  const meta: Metadata = guard('metadata', diagnostics, () => extractMetadata(doc, seg.sections, input.file), null) ?? {
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
  diagnostics.push(...seg.diagnostics, ...tables.diagnostics, ...narrative.diagnostics, ...meta.diagnostics);
  const formatEvidence = { ...tables.evidence, cited: meta.citedFormat };
  const hasAnyTable = tables.active !== null || tables.applications !== null || tables.reviews !== null;
  return {
    file: input.file,
    sourceFormat: input.sourceFormat ?? 'txt',
    encoding,
    format: detectGeneration(formatEvidence, meta.year, hasAnyTable),
    formatEvidence,
    title: meta.title,
    jurisdiction: meta.jurisdiction,
    jurisdictionKey: meta.jurisdictionKey,
    level: meta.level,
    bodyType: meta.bodyType,
    divisionCode: null,
    year: meta.year,
    publishedAt: meta.publishedAt,
    signedAt: meta.signedAt,
    script: doc.script,
    sections: seg.sections,
    active: tables.active,
    applications: tables.applications,
    reviews: tables.reviews,
    narrative: narrative.narrative,
    narrativeMentions: narrative.mentions,
    legacy: narrative.legacy,
    blankCells: tables.blankCells,
    ...(textFlags ? { textFlags } : {}),
    diagnostics: diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    anomalies: [],
  };
}

/** Runs a stage; a bug in one stage becomes a diagnostic and the rest of the report still parses. */
function guard<T>(stage: string, diagnostics: Diagnostic[], run: () => T, fallback: T | null): T | null {
  try {
    return run();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    diagnostics.push(
      diagnostic('internal-error', 'error', null, `the ${stage} stage failed: ${why}`, `${stage} 阶段出错：${why}`),
    );
    return fallback;
  }
}
