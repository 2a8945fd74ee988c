// The report model: what every stage of the parser produces and every consumer (checks, CLI, views) reads.
// Field names and nesting follow ../docs/format.md §8 exactly: a dotted id such as
// `applications.denied.stateSecret` is the path of that figure in the JSON object.

export type FormatGeneration = '2021' | '2019' | 'legacy';
export type Level = 'province' | 'prefecture' | 'county' | 'district' | 'department' | 'unknown';
export type BodyType = 'government' | 'department' | 'township' | 'unknown';
export type Script = 'simplified' | 'traditional';
export type SourceFormat = 'txt' | 'html' | 'docx' | 'doc' | 'pdf' | 'unknown';
export type Severity = 'error' | 'warning' | 'info';

/** A figure: a number, or null when the report leaves it blank or it could not be read. */
export type Figure = number | null;

/** A parse problem. Never thrown: collected and carried with the report. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  messageZh: string;
  /** 1-based line in the decoded text (or block index for grid sources); null when not tied to a line. */
  line: number | null;
}

// ── Table 3: 收到和处理政府信息公开申请情况 ─────────────────────────────────────

export const APPLICANT_COLUMNS = ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'otherOrg', 'total'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export type ApplicationRow = Record<ApplicantColumn, Figure>;

export interface ApplicationTable {
  newReceived: ApplicationRow;
  carriedOver: ApplicationRow;
  granted: ApplicationRow;
  partial: ApplicationRow;
  denied: {
    stateSecret: ApplicationRow;
    lawForbidden: ApplicationRow;
    securityStability: ApplicationRow;
    thirdParty: ApplicationRow;
    internalAffairs: ApplicationRow;
    processInfo: ApplicationRow;
    enforcementFile: ApplicationRow;
    adminQuery: ApplicationRow;
  };
  unavailable: { notHeld: ApplicationRow; needsCreation: ApplicationRow; unclear: ApplicationRow };
  notProcessed: {
    complaint: ApplicationRow;
    duplicate: ApplicationRow;
    publication: ApplicationRow;
    massRepeat: ApplicationRow;
    confirmation: ApplicationRow;
  };
  other: { noCorrection: ApplicationRow; noFee: ApplicationRow; other: ApplicationRow };
  outcomeTotal: ApplicationRow;
  carriedForward: ApplicationRow;
}

// ── Table 4: 政府信息公开行政复议、行政诉讼情况 ───────────────────────────────────

export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export type ReviewGroup = Record<ReviewColumn, Figure>;
export const REVIEW_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type ReviewGroupId = (typeof REVIEW_GROUPS)[number];
export type ReviewTable = Record<ReviewGroupId, ReviewGroup>;

// ── Table 2: 主动公开政府信息情况 ──────────────────────────────────────────────
// Column sets differ between the 2021 and 2019 formats; a row holds whichever columns its format has.

export interface ActiveTable {
  /** 2021: issued/repealed/current. 2019: newlyMade/newlyPublished/totalPublic. */
  regulations?: Partial<Record<'issued' | 'repealed' | 'current' | 'newlyMade' | 'newlyPublished' | 'totalPublic', Figure>>;
  normativeDocuments?: Partial<Record<'issued' | 'repealed' | 'current' | 'newlyMade' | 'newlyPublished' | 'totalPublic', Figure>>;
  /** 2021: decisions. 2019: prevCount/delta/decisions. */
  licensing?: Partial<Record<'decisions' | 'prevCount' | 'delta', Figure>>;
  otherServices?: Partial<Record<'decisions' | 'prevCount' | 'delta', Figure>>;
  punishment?: Partial<Record<'decisions' | 'prevCount' | 'delta', Figure>>;
  enforcement?: Partial<Record<'decisions' | 'prevCount' | 'delta', Figure>>;
  /** 2021: amount (万元). 2019: prevCount/delta. */
  fees?: Partial<Record<'amount' | 'prevCount' | 'delta', Figure>>;
  /** 2019 only. */
  procurement?: { items?: Figure; amount?: Figure; unit?: string | null };
  /** Rows a province added that map to no id, kept with their label. */
  extra?: Array<{ label: string; values: Figure[]; line: number | null }>;
}

// ── Narrative figures (format.md §6) ───────────────────────────────────────────

export const NARRATIVE_IDS = [
  'applicationsReceived',
  'applicationsNew',
  'applicationsConcluded',
  'carriedForward',
  'carriedOver',
  'proactiveItems',
  'feesCharged',
  'reviews',
  'litigations',
  'allConcluded',
] as const;
export type NarrativeId = (typeof NARRATIVE_IDS)[number];

export interface NarrativeFigure {
  /** A count, or for feesCharged / allConcluded a yes/no. */
  value: number | boolean;
  /** The sentence the figure came from, as it reads in the report (original script). */
  text: string;
  line: number | null;
  /** applicationsReceived: the sentence says the count includes 上年结转. */
  includesCarriedOver?: boolean;
  /** The year the sentence attributes the figure to, when it names one. */
  year?: number;
}

export interface NarrativeMention extends NarrativeFigure {
  id: NarrativeId;
}

// ── Sections ───────────────────────────────────────────────────────────────────

export const SECTION_KEYS = ['overview', 'active', 'applications', 'reviews', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface Section {
  /** Statutory section this heading was recognised as, or `legacy` for a pre-2019 heading. */
  key: SectionKey | 'legacy';
  /** The ordinal written in the heading (一 = 1 …), null when none. */
  ordinal: number | null;
  title: string;
  /** First and last line of the section (heading included), 1-based. */
  line: number;
  endLine: number;
  /** First line of body text, for the overview pane. */
  firstLine: string;
  /** Characters of body text (whitespace excluded). */
  length: number;
  /** Compact similarity signature of the body text (MinHash, checks/similarity.ts), for copy-of-last-year. */
  signature?: number[];
}

/** A blank cell kept with its original token, for the blank-cells check and the views. */
export interface BlankCell {
  cell: string;
  token: string;
  line: number | null;
}

export interface Anomaly {
  id: string;
  severity: Severity;
  message: string;
  messageZh: string;
  /** Paths of the figures involved, e.g. `applications.newReceived.total`, `publishedAt`. */
  cells: string[];
  /** Stable across runs: rule id + report identity + cells. */
  fingerprint: string;
  line?: number | null;
  /** The sentence involved, for prose rules. */
  text?: string;
  /** Other files involved, for cross-report rules. */
  related?: string[];
}

export interface FormatEvidence {
  /** Table labels of the 2019 format were seen (本年新制作数量, 上一年项目数量, 第（九）项…). */
  labels2019: boolean;
  /** Table labels of the 2021 format were seen (本年制发件数, 现行有效件数). */
  labels2021: boolean;
  /** （六）其他处理 has the three 2021 sub-rows (true), is a single 2019 row (false), or unknown (null). */
  otherHasSubRows: boolean | null;
  /** The format document the report cites: 〔2019〕60号 → '2019', 〔2021〕30号 → '2021'. */
  cited: '2019' | '2021' | null;
}

/** Signals computed from the text at parse time (checks/text-signals.ts), for rules that need more than the model. */
export interface TextFlags {
  /** Template placeholders left in: （文字描述）, XX, ××, "主动公开信息  条" with the number missing. */
  templateLeftovers: Array<{ line: number; text: string }>;
  /** Years named by the statistics period ("统计期限为2024年1月1日至2024年12月31日"). */
  periodYears: Array<{ year: number; line: number; text: string }>;
  /** A sentence saying no fee (notice) was issued: 未发出收费通知, 未产生信息处理费, 未收取… */
  noFeeStatement: { line: number; text: string } | null;
  /** Percentages stated with their own count and base, e.g. "共受理200件…予以公开150件，占75%". */
  ratios: Array<{ line: number; text: string; count: number; base: number; percent: number }>;
}

export interface Report {
  /** Path relative to the loaded folder, with forward slashes. */
  file: string;
  sourceFormat: SourceFormat;
  encoding: string;
  format: FormatGeneration | null;
  /** What the format generation was decided from, for the mixed/outdated-format checks. */
  formatEvidence: FormatEvidence;
  title: string | null;
  jurisdiction: string | null;
  jurisdictionKey: string | null;
  level: Level;
  bodyType: BodyType;
  divisionCode: string | null;
  year: number | null;
  publishedAt: string | null;
  signedAt: string | null;
  script: Script;
  sections: Section[];
  active: ActiveTable | null;
  applications: ApplicationTable | null;
  reviews: ReviewTable | null;
  narrative: Partial<Record<NarrativeId, NarrativeFigure>>;
  /** Every narrative match in reading order (narrative holds the first of each id). */
  narrativeMentions: NarrativeMention[];
  legacy: Record<string, { value: number; label: string; line: number | null }> | null;
  blankCells: BlankCell[];
  diagnostics: Diagnostic[];
  anomalies: Anomaly[];
  /** Text signals for the checks (optional: absent when the pipeline did not compute them). */
  textFlags?: TextFlags;
}
