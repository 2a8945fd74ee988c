// The cross-report findings a complete pass stores (src/load/stored-findings.ts): used only for the very same
// reports, parser and thresholds, and never when anything about them is damaged or missing.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import { describe, expect, it } from 'vitest';
import { bodyName, editOneReport, makeSyntheticCorpus } from '../../bench/synth.js';
import { loadFolder } from '../../src/load/session.js';
import { parserFingerprint } from '../../src/load/parser-code.js';
import { FINDINGS_CHUNK } from '../../src/load/stored-findings.js';
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';
import type { Report } from '../../src/parse/model.js';
import { asJson, load, tempDir } from './helpers.js';

const crossYear = (reports: Report[]) => reports.flatMap((r) => r.anomalies).filter((a) => a.id === 'copy-of-last-year' || a.id === 'stock-break');

/** A synthetic folder of `count` reports, `years` a body, and an empty cache directory for it. */
async function syntheticFolder(name: string, count: number, years: number): Promise<{ root: string; cacheDir: string }> {
  const root = tempDir(name);
  const cacheDir = tempDir(`${name}-cache`);
  await makeSyntheticCorpus(root, count, { years });
  return { root, cacheDir };
}

type Change = (db: ClassicLevel<string, Uint8Array>, key: string, value: Uint8Array) => Promise<void>;

/** Runs `change` on every stored value of the cache whose key starts with `prefix`; returns how many there were. */
async function eachStored(cacheDir: string, prefix: string, change: Change): Promise<number> {
  const db = new ClassicLevel<string, Uint8Array>(path.join(cacheDir, `parse-v${parserFingerprint()}`), { keyEncoding: 'utf8', valueEncoding: 'view' });
  const found: Array<[string, Uint8Array]> = [];
  for await (const entry of db.iterator({ gte: prefix, lt: prefix.slice(0, -1) + '\x01' })) found.push(entry);
  for (const [key, value] of found) await change(db, key, value);
  await db.close();
  return found.length;
}

/** Runs `change` on every stored findings chunk (key, value) of the cache; returns how many there were. */
const eachFindingsChunk = (cacheDir: string, change: Change) => eachStored(cacheDir, '\x01findings\x00', change);

describe('stored cross-report findings', () => {
  it('serve a second load of the same folder, identical to checking it', async () => {
    const { root, cacheDir } = await syntheticFolder('findings', 24, 4);
    const first = await load(root, { cacheDir, workers: 0 });
    expect(first.stats?.crossReport).toBe('checked');
    const second = await load(root, { cacheDir, workers: 0 });
    expect(second.stats?.crossReport).toBe('stored');
    expect(crossYear(second.reports).length).toBeGreaterThan(18);
    expect(asJson(second)).toBe(asJson(first));
    expect(asJson(second)).toBe(asJson(await load(root, { cache: false, workers: 0 })));
  });

  it('are neither stored nor looked for on a folder with no report', async () => {
    const root = tempDir('findings-empty');
    const cacheDir = tempDir('findings-empty-cache');
    await fs.writeFile(path.join(root, 'notes.xlsx'), 'x');
    for (let i = 0; i < 2; i++) {
      const corpus = await load(root, { cacheDir, workers: 0 });
      expect(corpus.reports).toHaveLength(0);
      expect(corpus.problems).toHaveLength(1);
      expect(corpus.stats?.crossReport).toBe('checked');
    }
    expect(await eachFindingsChunk(cacheDir, async () => undefined)).toBe(0);
  });

  it('are still announced by a checking event before done', async () => {
    const { root, cacheDir } = await syntheticFolder('findings-events', 8, 2);
    await load(root, { cacheDir, workers: 0 });
    const kinds: string[] = [];
    for await (const event of loadFolder(root, { thresholds: DEFAULT_THRESHOLDS, cacheDir, workers: 0 })) {
      kinds.push(event.kind);
      if (event.kind === 'done') expect(event.corpus.stats?.crossReport).toBe('stored');
    }
    expect(kinds.indexOf('checking')).toBeGreaterThan(kinds.lastIndexOf('report'));
    expect(kinds.at(-1)).toBe('done');
  });

  it('the checking events say what the checks do: read the stored findings, check the changed bodies, or check all', async () => {
    const { root, cacheDir } = await syntheticFolder('findings-stages', 24, 4);
    /** The stages the load's checking events go through, each once (they repeat between slices). */
    const stages = async (cache = true) => {
      const seen: string[] = [];
      for await (const event of loadFolder(root, { thresholds: DEFAULT_THRESHOLDS, cacheDir, cache, workers: 0, checkSliceMs: 0 })) {
        if (event.kind !== 'checking') continue;
        const stage = event.stage === 'changed' ? `changed ${event.changedBodies}` : event.stage;
        if (seen.at(-1) !== stage) seen.push(stage);
      }
      return seen;
    };
    expect(await stages()).toEqual(['stored', 'all']); // nothing stored yet: looked for, then every report checked
    expect(await stages()).toEqual(['stored']);
    const [folder] = await fs.readdir(root);
    const file = path.join(root, folder!, (await fs.readdir(path.join(root, folder!))).sort()[1]!);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/(20[0-9]{2})年/g, (_, y: string) => `${Number(y) + 10}年`));
    expect(await stages()).toEqual(['stored', 'changed 1']); // 6 bodies, one changed
    expect(await stages(false)).toEqual(['all']);
  });

  it('are not used as they are once a report changed, was renamed or removed, or the thresholds differ', async () => {
    const { root, cacheDir } = await syntheticFolder('findings-change', 12, 3);
    await load(root, { cacheDir, workers: 0 });
    const [folder] = await fs.readdir(root);
    const files = (await fs.readdir(path.join(root, folder!))).sort().map((f) => path.join(root, folder!, f));
    // A changed report's body is checked again, the others keep their stored findings ('updated'); other thresholds
    // change every finding ('checked').
    const expectChecked = async (thresholds = DEFAULT_THRESHOLDS, mode: 'updated' | 'checked' = 'updated') => {
      const after = await load(root, { cacheDir, workers: 0, thresholds });
      expect(after.stats?.crossReport).toBe(mode);
      expect(asJson(after)).toBe(asJson(await load(root, { cache: false, workers: 0, thresholds })));
      // ...and what that pass found is what the next load of the same folder gets.
      const again = await load(root, { cacheDir, workers: 0, thresholds });
      expect(again.stats?.crossReport).toBe('stored');
      expect(asJson(again)).toBe(asJson(after));
    };

    // An edit: the report now belongs to another body, so both bodies' year-to-year findings change.
    const text = await fs.readFile(files[1]!, 'utf8');
    expect(text).toContain(bodyName(0));
    await fs.writeFile(files[1]!, text.replace(bodyName(0), bodyName(1)));
    await expectChecked();

    // A rename: the same bytes, but the findings name the file.
    await fs.rename(files[2]!, files[2]!.replace(/\.txt$/, '-renamed.txt'));
    await expectChecked();

    // A removal.
    await fs.rm(files[3]!);
    await expectChecked();

    // Other thresholds (copy-of-last-year's similarity limit is a cross-report one).
    await expectChecked({ ...DEFAULT_THRESHOLDS, copySimilarity: 0.5 }, 'checked');
  });

  it('of the bodies a change left alone are reused, the changed body checked again: the same as checking everything', async () => {
    const { root, cacheDir } = await syntheticFolder('findings-reuse', 24, 4);
    const first = await load(root, { cacheDir, workers: 0 });
    const [folder] = await fs.readdir(root);
    const files = (await fs.readdir(path.join(root, folder!))).sort().map((f) => path.join(root, folder!, f));
    // Body 0's second year moved on by ten years: its series gets a gap and loses a year-to-year pair.
    const text = await fs.readFile(files[1]!, 'utf8');
    const year = /(20[0-9]{2})年/.exec(text)![1]!;
    await fs.writeFile(files[1]!, text.replaceAll(year, String(Number(year) + 10)));
    const after = await load(root, { cacheDir, workers: 0 });
    expect(after.stats?.crossReport).toBe('updated');
    expect(asJson(after)).toBe(asJson(await load(root, { cache: false, workers: 0 })));
    // The edited body's findings did change; every other report's are as before.
    const crossOf = (c: typeof first, i: number) => JSON.stringify(crossYear([c.reports[i]!]));
    const changed = after.reports.map((_, i) => i).filter((i) => crossOf(after, i) !== crossOf(first, i) || after.reports[i]!.file !== first.reports[i]!.file);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((i) => after.reports[i]!.jurisdictionKey === first.reports[0]!.jurisdictionKey)).toBe(true);
    expect(after.reports.flatMap((r) => r.anomalies).some((a) => a.id === 'missing-year')).toBe(true);
    // The pass that updated them stored them whole.
    const again = await load(root, { cacheDir, workers: 0 });
    expect(again.stats?.crossReport).toBe('stored');
    expect(asJson(again)).toBe(asJson(after));
  });

  it('of unchanged bodies are not reused from a damaged table of bodies or a missing chunk: the checks run, and their findings are whole', async () => {
    const { root, cacheDir } = await syntheticFolder('findings-reuse-damaged', FINDINGS_CHUNK + 40, 2);
    await load(root, { cacheDir, workers: 2 });
    editOneReport(root);
    const fresh = asJson(await load(root, { cache: false, workers: 2 }));
    // The table of bodies garbled: nothing to reuse.
    const tables = await eachStored(cacheDir, '\x01bodies\x00', (db, key, value) => {
      const copy = value.slice();
      copy.fill(0x30, 200, 260); // digits inside the positions, past the header
      return db.put(key, copy);
    });
    expect(tables).toBe(1);
    const garbled = await load(root, { cacheDir, workers: 2 });
    expect(garbled.stats?.crossReport).toBe('checked');
    expect(asJson(garbled)).toBe(fresh);
    // Now whole again; the last chunk dropped after another edit: chunk 0's findings, added first, are taken back.
    editOneReport(root);
    const fresh2 = asJson(await load(root, { cache: false, workers: 2 }));
    let seen = 0;
    expect(await eachFindingsChunk(cacheDir, async (db, key) => void (++seen === 2 && (await db.del(key))))).toBe(2);
    const cut = await load(root, { cacheDir, workers: 2 });
    expect(cut.stats?.crossReport).toBe('checked');
    expect(asJson(cut)).toBe(fresh2);
    // And with everything whole, an edit is an update.
    editOneReport(root);
    const updated = await load(root, { cacheDir, workers: 2 });
    expect(updated.stats?.crossReport).toBe('updated');
    expect(asJson(updated)).toBe(asJson(await load(root, { cache: false, workers: 2 })));
  });

  it('are not used when damaged, and are stored again by the checks that run instead', async () => {
    const { root, cacheDir } = await syntheticFolder('findings-damaged', 12, 3);
    const first = await load(root, { cacheDir, workers: 0 });
    const garbled = await eachFindingsChunk(cacheDir, (db, key, value) => {
      const copy = value.slice();
      copy.fill(0x5a, 120, 400); // inside the findings, past the header
      return db.put(key, copy);
    });
    expect(garbled).toBe(1);
    const damaged = await load(root, { cacheDir, workers: 0 });
    expect(damaged.stats?.crossReport).toBe('checked');
    expect(asJson(damaged)).toBe(asJson(first));
    const restored = await load(root, { cacheDir, workers: 0 });
    expect(restored.stats?.crossReport).toBe('stored');
    expect(asJson(restored)).toBe(asJson(first));
  });

  it('are not used when a chunk is missing (a store cut short), and a chunk already added is taken back', async () => {
    const { root, cacheDir } = await syntheticFolder('findings-chunks', FINDINGS_CHUNK + 40, 2);
    const first = await load(root, { cacheDir, workers: 2 });
    expect(crossYear(first.reports.slice(0, FINDINGS_CHUNK)).length).toBeGreaterThan(0);
    expect(crossYear(first.reports.slice(FINDINGS_CHUNK)).length).toBeGreaterThan(0);
    // Drop the last chunk, as if the run had been killed between the store's batch writes.
    let seen = 0;
    const chunks = await eachFindingsChunk(cacheDir, async (db, key) => {
      if (++seen === 2) await db.del(key);
    });
    expect(chunks).toBe(2);
    const cut = await load(root, { cacheDir, workers: 2 });
    expect(cut.stats?.crossReport).toBe('checked');
    // Chunk 0 was read and added before chunk 1 was found missing: added twice, the JSON would differ.
    expect(asJson(cut)).toBe(asJson(first));
    expect((await load(root, { cacheDir, workers: 2 })).stats?.crossReport).toBe('stored');
  });
});
