import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../../../src/parse/stages/normalize.js';
import { extractTables, type Tables } from '../../../src/parse/stages/tables/index.js';

const SEEDS = join(import.meta.dirname, '../../fixtures/seeds');

export function seedText(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(SEEDS, name), 'utf8');
}

export function tablesOf(text: string): Tables {
  return extractTables(normalize(text), []);
}

/** A table-3 row as the seven figures in column order. */
export function row7(t: Tables, id: string): unknown[] {
  let cur: unknown = t.applications;
  for (const part of id.split('.')) cur = (cur as Record<string, unknown> | null)?.[part];
  const r = cur as Record<string, unknown> | undefined;
  return ['naturalPerson', 'commercial', 'research', 'social', 'legal', 'otherOrg', 'total'].map((c) => r?.[c]);
}

/** Table 4 as three groups of five. */
export function review15(t: Tables): unknown[][] {
  return (['review', 'litigationDirect', 'litigationAfterReview'] as const).map((g) =>
    (['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((c) => t.reviews?.[g][c]),
  );
}
