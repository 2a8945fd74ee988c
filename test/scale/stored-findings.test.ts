// The cross-report findings a complete pass stores (src/load/stored-findings.ts): used only for the very same
// reports, parser and thresholds, and never when anything about them is damaged or missing.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import { describe, expect, it } from 'vitest';
import { bodyName, makeSyntheticCorpus } from '../../bench/synth.js';
import { loadFolder } from '../../src/load/session.js';
import { parserFingerprint } from '../../src/load/parser-code.js';
import { FINDINGS_CHUNK } from '../../src/load/stored-findings.js';
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';
import type { Report } from '../../src/parse/model.js';
import { asJson, load, tempDir } from './helpers.js';

const crossYear = (reports: Report[]) => reports.flatMap((r) => r.anomalies).filter((a) => a.id === 'copy-of-last-year' || a.id === 'stock-break');

/** Runs `change` on every stored findings chunk (key, value) of the cache; returns how many there were. */
async function eachFindingsChunk(cacheDir: string, change: (db: ClassicLevel<string, Uint8Array>, key: string, value: Uint8Array) => Promise<void>): Promise<number> {
  const db = new ClassicLevel<string, Uint8Array>(path.join(cacheDir, `parse-v${parserFingerprint()}`), { keyEncoding: 'utf8', valueEncoding: 'view' });
  let chunks = 0;
  const found: Array<[string, Uint8Array]> = [];
  for await (const entry of db.iterator({ gte: '\x01findings\x00', lt: '\x01findings\x01' })) found.push(entry);
  for (const [key, value] of found) {
    chunks++;
    await change(db, key, value);
  }
  await db.close();
  return chunks;
}

describe('stored cross-report findings', () => {
  it('serve a second load of the same folder, identical to checking it', async () => {
    const root = tempDir('findings');
    const cacheDir = tempDir('findings-cache');
    await makeSyntheticCorpus(root, 24, { years: 4 });
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
    const root = tempDir('findings-events');
    const cacheDir = tempDir('findings-events-cache');
    await makeSyntheticCorpus(root, 8, { years: 2 });
    await load(root, { cacheDir, workers: 0 });
    const kinds: string[] = [];
    for await (const event of loadFolder(root, { thresholds: DEFAULT_THRESHOLDS, cacheDir, workers: 0 })) {
      kinds.push(event.kind);
      if (event.kind === 'done') expect(event.corpus.stats?.crossReport).toBe('stored');
    }
    expect(kinds.indexOf('checking')).toBeGreaterThan(kinds.lastIndexOf('report'));
    expect(kinds.at(-1)).toBe('done');
  });

  it('are not used once a report changed, was renamed or removed, or the thresholds differ', async () => {
    const root = tempDir('findings-change');
    const cacheDir = tempDir('findings-change-cache');
    await makeSyntheticCorpus(root, 12, { years: 3 });
    await load(root, { cacheDir, workers: 0 });
    const [folder] = await fs.readdir(root);
    const files = (await fs.readdir(path.join(root, folder!))).sort().map((f) => path.join(root, folder!, f));
    const expectChecked = async (thresholds = DEFAULT_THRESHOLDS) => {
      const after = await load(root, { cacheDir, workers: 0, thresholds });
      expect(after.stats?.crossReport).toBe('checked');
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
    await expectChecked({ ...DEFAULT_THRESHOLDS, copySimilarity: 0.5 });
  });

  it('are not used when damaged, and are stored again by the checks that run instead', async () => {
    const root = tempDir('findings-damaged');
    const cacheDir = tempDir('findings-damaged-cache');
    await makeSyntheticCorpus(root, 12, { years: 3 });
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
    const root = tempDir('findings-chunks');
    const cacheDir = tempDir('findings-chunks-cache');
    await makeSyntheticCorpus(root, FINDINGS_CHUNK + 40, { years: 2 });
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
