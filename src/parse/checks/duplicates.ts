// Reports that give the same body and year, split by whether their figures agree.
// Linear in the number of reports: each report's figures are read once and reduced to a signature, and a report
// is compared with one representative of each differing signature — a folder holding the same report a thousand
// times gives a thousand findings, not a million.
import type { Report } from '../model.js';
import { figureCells } from './rules/bad-cell.js';
import { groupByYear } from './format.js';
import { CHECKPOINT } from './types.js';

export interface DuplicateSet {
  report: Report;
  /** Other files of the same body and year with the same figures. */
  same: Report[];
  /** Other files of the same body and year whose figures differ, and the differences with the first of them. */
  different: Report[];
  differing: Array<{ path: string; mine: unknown; theirs: unknown }>;
}

function figures(r: Report): Map<string, unknown> {
  return new Map(figureCells(r).map((c) => [c.path, c.value ?? null]));
}

function signatureOf(f: Map<string, unknown>): string {
  return JSON.stringify([...f.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

function differences(mine: Map<string, unknown>, theirs: Map<string, unknown>): DuplicateSet['differing'] {
  const paths = new Set([...mine.keys(), ...theirs.keys()]);
  return [...paths]
    .filter((p) => (mine.get(p) ?? null) !== (theirs.get(p) ?? null))
    .map((p) => ({ path: p, mine: mine.get(p) ?? null, theirs: theirs.get(p) ?? null }));
}

/**
 * For every report that shares body and year with another: the others, split by same or different figures; and a
 * CHECKPOINT after each body, for the rules built on this to pass on.
 */
export function* duplicateSets(bodies: ReadonlyMap<string, readonly Report[]>): Generator<DuplicateSet | typeof CHECKPOINT> {
  for (const list of bodies.values()) {
    yield CHECKPOINT;
    for (const group of groupByYear(list).values()) {
      if (group.length < 2) continue;
      const figs = new Map(group.map((r) => [r, figures(r)]));
      const sigs = new Map(group.map((r) => [r, signatureOf(figs.get(r)!)]));
      for (const r of group) {
        const same = group.filter((o) => o !== r && sigs.get(o) === sigs.get(r));
        const different = group.filter((o) => sigs.get(o) !== sigs.get(r));
        const differing = different.length > 0 ? differences(figs.get(r)!, figs.get(different[0]!)!) : [];
        yield { report: r, same, different, differing };
      }
    }
  }
}

/** "a.txt", "a.txt, b.txt", "a.txt, b.txt, c.txt (+4)": other files named in a message. */
export function fileList(files: readonly Report[], shown = 3): string {
  const names = files.slice(0, shown).map((r) => r.file).join(', ');
  return files.length > shown ? `${names} (+${files.length - shown})` : names;
}
