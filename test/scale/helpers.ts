import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';
import { loadCheckedCorpus, type LoadOptions } from '../../src/load/session.js';

export const tempDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `xxgk-${prefix}-`));

export async function load(root: string, options: Partial<LoadOptions> = {}) {
  return loadCheckedCorpus(root, { thresholds: DEFAULT_THRESHOLDS, ...options });
}

/** The corpus as JSON text, for comparing two loads exactly. */
export function asJson(corpus: Awaited<ReturnType<typeof load>>): string {
  return JSON.stringify({ reports: corpus.reports, problems: corpus.problems });
}
