// Tunable limits of the checks. Stored as settings (src/settings) and overridable per run by flags.

export interface Thresholds {
  correctionRate: number;
  minDecidedCases: number;
  copySimilarity: number;
  section5MinChars: number;
  deadlineDepartment: string;
  deadlineGovernment: string;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  correctionRate: 0.5,
  minDecidedCases: 3,
  copySimilarity: 0.9,
  section5MinChars: 10,
  deadlineDepartment: '01-31',
  deadlineGovernment: '03-31',
};
