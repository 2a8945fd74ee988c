// Tunable limits of the checks. Stored as settings (src/settings) and overridable per run by flags.
import { sha1Hex } from '../sha1.js';

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

/**
 * A short stable key of every threshold value: anomalies computed under one set of thresholds can be stored (the
 * loader's parse cache) and reused only while the key is the same. Entries are sorted, so the order in which a
 * settings file or the flags list them does not matter; any changed value changes the key.
 */
export function thresholdsKey(thresholds: Thresholds): string {
  const entries = Object.entries(thresholds).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha1Hex(JSON.stringify(entries)).slice(0, 12);
}
