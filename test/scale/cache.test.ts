import { promises as fs } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyName, makeSyntheticCorpus } from '../../bench/synth.js';
import { asJson, load, tempDir } from './helpers.js';
import { isDeflated } from '../../src/load/lazy-report.js';
import { ClassicLevel } from 'classic-level';
import { INDEX_CHUNK, ParseCache, storeExists } from '../../src/load/cache.js';
import { parserFingerprint } from '../../src/load/parser-code.js';
import { RACY_MS } from '../../src/load/entry.js';
import { PARSER_VERSION } from '../../src/parse/index.js';
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';
import { loadFolder } from '../../src/load/session.js';
import { formatSummary } from '../../src/cli/summary.js';

async function cacheFiles(cacheDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await fs.readdir(cacheDir)) {
    for (const f of await fs.readdir(path.join(cacheDir, sub))) out.push(path.join(cacheDir, sub, f));
  }
  return out;
}

describe('parse cache', () => {
  it('serves an unchanged folder from the cache, identical to a fresh parse', async () => {
    const root = tempDir('cache-root');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 20);
    const first = await load(root, { cacheDir, workers: 0 });
    expect(first.stats).toEqual({ parsed: 20, cached: 0, unread: 0, crossReport: 'checked' });
    const second = await load(root, { cacheDir, workers: 0 });
    expect(second.stats).toMatchObject({ parsed: 0, cached: 20 }); // unread: timing-dependent, see the stamp test
    expect(asJson(second)).toBe(asJson(first));
  });

  it('writes every entry when a load spans many batch writes, waiting for the store as it goes', async () => {
    // 300 reports encode to several megabytes: many bounded batches, and puts that wait for a running write.
    const root = tempDir('cache-many');
    const cacheDir = tempDir('cache-many-dir');
    await makeSyntheticCorpus(root, 300);
    const first = await load(root, { cacheDir, workers: 2 });
    expect(first.stats).toEqual({ parsed: 300, cached: 0, unread: 0, crossReport: 'checked' });
    const second = await load(root, { cacheDir, workers: 2 });
    expect(second.stats).toMatchObject({ parsed: 0, cached: 300 }); // unread: timing-dependent, see the stamp test
    expect(asJson(second)).toBe(asJson(first));
  });

  it('re-parses a file whose content changed, even with the same size and modification time', async () => {
    const root = tempDir('cache-edit');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 5);
    await load(root, { cacheDir, workers: 0 });
    const [folder] = await fs.readdir(root);
    const files = (await fs.readdir(path.join(root, folder!))).sort();
    const target = path.join(root, folder!, files[0]!);
    const before = await fs.stat(target);
    const text = await fs.readFile(target, 'utf8');
    // same length, different bytes: one body's name for another's (three characters for three)
    const edited = text.replace(bodyName(0), bodyName(1));
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(before.size);
    await fs.writeFile(target, edited);
    await fs.utimes(target, before.atime, before.mtime);
    const after = await load(root, { cacheDir, workers: 0 });
    expect(after.stats).toMatchObject({ parsed: 1, cached: 4 }); // unread: timing-dependent, see the stamp test
    const fresh = await load(root, { cache: false, workers: 0 });
    expect(asJson(after)).toBe(asJson(fresh));
  });

  it('stores per-report anomalies with the thresholds they were computed with, and recomputes them for others', async () => {
    const root = tempDir('cache-thresholds');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 10);
    const strict = { ...DEFAULT_THRESHOLDS, correctionRate: 0.05, minDecidedCases: 1 };
    await load(root, { cacheDir, workers: 0 });
    const served = await load(root, { cacheDir, workers: 0, thresholds: strict });
    expect(served.stats).toMatchObject({ parsed: 0, cached: 10 }); // unread: timing-dependent, see the stamp test
    const fresh = await load(root, { cache: false, workers: 0, thresholds: strict });
    const count = (c: typeof fresh) => c.reports.flatMap((r) => r.anomalies).filter((a) => a.id === 'high-correction-rate').length;
    // The stricter limit flags more reports than the default one did; the cached run must show exactly those.
    expect(count(fresh)).toBeGreaterThan(count(await load(root, { cache: false, workers: 0 })));
    expect(asJson(served)).toBe(asJson(fresh));
    // The recomputed anomalies were stored back: the next run with the same thresholds matches too.
    expect(asJson(await load(root, { cacheDir, workers: 2, thresholds: strict }))).toBe(asJson(fresh));
  });

  it('ignores entries written by another parser version', async () => {
    const root = tempDir('cache-version');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 4);
    await load(root, { cacheDir, workers: 0, parserVersion: 'old' });
    const next = await load(root, { cacheDir, workers: 0, parserVersion: 'new' });
    expect(next.stats).toEqual({ parsed: 4, cached: 0, unread: 0, crossReport: 'checked' });
    expect(await fs.readdir(cacheDir)).toEqual(['parse-vnew']);
  });

  it('tells, before opening it, whether a store exists for a parser version (a loader then knows it must parse)', async () => {
    const cacheDir = tempDir('cache-exists');
    expect(storeExists(cacheDir, 'one')).toBe(false); // no cache folder at all
    const { cache } = await ParseCache.open(cacheDir, 'one');
    await cache!.close();
    expect(storeExists(cacheDir, 'one')).toBe(true);
    expect(storeExists(cacheDir, 'two')).toBe(false);
    await fs.mkdir(path.join(cacheDir, 'parse-vthree')); // a folder LevelDB never made a store in
    expect(storeExists(cacheDir, 'three')).toBe(false);
    const root = tempDir('cache-exists-root');
    await makeSyntheticCorpus(root, 3);
    // A load with no store yet starts its workers before making the store: the same reports as a load that finds one.
    const first = await load(root, { cacheDir, workers: 2, parserVersion: 'two' });
    expect(first.stats).toEqual({ parsed: 3, cached: 0, unread: 0, crossReport: 'checked' });
    expect(storeExists(cacheDir, 'two')).toBe(true);
    expect(asJson(await load(root, { cacheDir, workers: 2, parserVersion: 'two' }))).toBe(asJson(first));
  });

  it('keys the cache on the parser code itself, not only on the hand-set version', async () => {
    const root = tempDir('cache-fingerprint');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 2);
    await load(root, { cacheDir, workers: 0 });
    const fp = parserFingerprint();
    expect(fp).toMatch(new RegExp(`^${PARSER_VERSION}-[0-9a-f]{12}$`));
    expect(parserFingerprint()).toBe(fp);
    expect(await fs.readdir(cacheDir)).toEqual([`parse-v${fp}`]);
  });

  it('survives a truncated or garbled cache database and re-parses correctly', async () => {
    const root = tempDir('cache-trunc');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 30);
    const fresh = await load(root, { cache: false, workers: 0 });
    await load(root, { cacheDir, workers: 0 });
    await load(root, { cacheDir, workers: 0 }); // reopening compacts the log into a table file
    for (const file of await cacheFiles(cacheDir)) {
      const { size } = await fs.stat(file);
      if (size > 64) await fs.truncate(file, Math.floor(size / 2));
    }
    const afterTruncate = await load(root, { cacheDir, workers: 0 });
    expect(afterTruncate.reports).toHaveLength(30);
    expect(asJson(afterTruncate)).toBe(asJson(fresh));
    for (const file of await cacheFiles(cacheDir)) {
      const handle = await fs.open(file, 'r+');
      const { size } = await handle.stat();
      if (size > 16) await handle.write(Buffer.alloc(Math.min(256, size - 8), 0x5a), 0, Math.min(256, size - 8), 4);
      await handle.close();
    }
    const afterGarble = await load(root, { cacheDir, workers: 0 });
    expect(asJson(afterGarble)).toBe(asJson(fresh));
  });

  it('ignores what a run killed midway left behind', async () => {
    const root = tempDir('cache-kill');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 400);
    const fresh = await load(root, { cache: false, workers: 0 });
    const script = path.resolve('test/scale/load-child.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, root, cacheDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    // Kill it once it has reported some progress, i.e. while it is writing the cache.
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('progress')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    await new Promise((r) => child.on('exit', r));
    const after = await load(root, { cacheDir, workers: 0 });
    expect(after.reports).toHaveLength(400);
    expect(asJson(after)).toBe(asJson(fresh));
  });

  it('trusts an old file by its unchanged stamp without reading it, and reads it again once anything about it changes', async () => {
    const root = tempDir('cache-stamp');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 6);
    // Fresh files are "racy" (changed within the timestamp granularity of their reading): wait until they are not.
    await new Promise((r) => setTimeout(r, RACY_MS + 300));
    await load(root, { cacheDir, workers: 0 });
    const served = await load(root, { cacheDir, workers: 0 });
    expect(served.stats).toEqual({ parsed: 0, cached: 6, unread: 6, crossReport: 'stored' });
    expect(asJson(served)).toBe(asJson(await load(root, { cache: false, workers: 0 })));

    const [folder] = await fs.readdir(root);
    const [edited, touched] = (await fs.readdir(path.join(root, folder!))).sort().map((f) => path.join(root, folder!, f));
    // Same size, mtime put back: only ctime tells.
    const before = await fs.stat(edited!);
    const text = await fs.readFile(edited!, 'utf8');
    expect(text).toContain(bodyName(0));
    await fs.writeFile(edited!, text.replace(bodyName(0), bodyName(1)));
    await fs.utimes(edited!, before.atime, before.mtime);
    const afterEdit = await load(root, { cacheDir, workers: 0 });
    // (The bodies the edit left alone keep their stored cross-report findings: 'updated'.)
    expect(afterEdit.stats).toEqual({ parsed: 1, cached: 5, unread: 5, crossReport: 'updated' });
    expect(asJson(afterEdit)).toBe(asJson(await load(root, { cache: false, workers: 0 })));

    // A new mtime over the same bytes: read and hashed, not parsed. The edited file is read too: it changed
    // moments before the last load read it, so its stamp is not trusted yet.
    await fs.utimes(touched!, new Date(), new Date());
    const afterTouch = await load(root, { cacheDir, workers: 0 });
    // Same bytes, so the same reports: the cross-report findings stored by the last load serve.
    expect(afterTouch.stats).toEqual({ parsed: 0, cached: 6, unread: 4, crossReport: 'stored' });
    expect(asJson(afterTouch)).toBe(asJson(afterEdit));
  });

  it('streams reports in discovery order when files served at once by their stamp follow one that must be parsed', async () => {
    const root = tempDir('cache-order');
    const cacheDir = tempDir('cache-dir');
    // More files than a load keeps in flight: once the folder's index is read, the files after are served at once.
    await makeSyntheticCorpus(root, 100);
    await new Promise((r) => setTimeout(r, RACY_MS + 300));
    const files = (await load(root, { cacheDir, workers: 2 })).reports.map((r) => r.file);
    // An edit late in the folder: the files before and after it are served from their entries without waiting, it is
    // parsed on a worker, and the ones after it must still come after it.
    await fs.appendFile(path.join(root, files[80]!), '\n');
    const streamed: string[] = [];
    let corpus: Awaited<ReturnType<typeof load>> | undefined;
    for await (const event of loadFolder(root, { thresholds: DEFAULT_THRESHOLDS, cacheDir, workers: 2 })) {
      if (event.kind === 'report') streamed.push(event.report.file);
      if (event.kind === 'done') corpus = event.corpus;
    }
    expect(corpus!.stats).toMatchObject({ parsed: 1, cached: 99, unread: 99 });
    expect(streamed).toEqual(files);
    expect(asJson(corpus!)).toBe(asJson(await load(root, { cache: false, workers: 0 })));
  });

  it('checks several years of each body across years without inflating the reports it serves', async () => {
    const root = tempDir('cache-years');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 24, { years: 4 });
    const first = await load(root, { cacheDir, workers: 2 });
    const second = await load(root, { cacheDir, workers: 2 });
    expect(second.stats).toMatchObject({ parsed: 0, cached: 24 });
    // Read before anything serialises the reports (which inflates them).
    const deflated = second.reports.filter(isDeflated).length;
    const crossYear = second.reports.flatMap((r) => r.anomalies).filter((a) => a.id === 'copy-of-last-year' || a.id === 'stock-break');
    expect(deflated).toBe(24);
    expect(crossYear.length).toBeGreaterThan(18); // every later year repeats its body's previous report
    expect(asJson(second)).toBe(asJson(first));
    expect(asJson(second)).toBe(asJson(await load(root, { cache: false, workers: 0 })));
  });

  it('prints the summary table of cached reports from their stored facts, inflating none, as of parsed ones', async () => {
    const root = tempDir('cache-summary');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, 30);
    const parsed = await load(root, { cacheDir, workers: 0 });
    const cached = await load(root, { cacheDir, workers: 0 });
    expect(cached.reports.every(isDeflated)).toBe(true);
    const table = formatSummary(cached.reports, 'zh');
    expect(cached.reports.filter(isDeflated).length).toBe(30);
    expect(table).toBe(formatSummary(parsed.reports, 'zh'));
    // Not a table of blanks: the synthetic reports have table 3, so most rows show its totals.
    expect(parsed.reports.filter((r) => r.applications?.newReceived.total != null).length).toBeGreaterThan(10);
    expect(table).toContain(` ${parsed.reports.find((r) => r.applications?.carriedForward.total)!.applications!.carriedForward.total} `);
  });

  it('loads correctly past a damaged or outdated folder index', async () => {
    const root = tempDir('cache-index');
    const cacheDir = tempDir('cache-dir');
    await makeSyntheticCorpus(root, INDEX_CHUNK + 50);
    await load(root, { cacheDir, workers: 2 });
    // Files added to the first folder shift the later folders' files to other positions in the index.
    const [folder] = await fs.readdir(root);
    for (const name of ['report-aaaa.txt', 'report-aaab.txt']) {
      await fs.copyFile(path.join(root, folder!, 'report-000001.txt'), path.join(root, folder!, name));
    }
    const shifted = await load(root, { cacheDir, workers: 2 });
    // (How many are served unread depends on how long ago the first load read them: not asserted.)
    expect(shifted.stats).toMatchObject({ parsed: 2, cached: INDEX_CHUNK + 50 });
    const fresh = await load(root, { cache: false, workers: 2 });
    expect(asJson(shifted)).toBe(asJson(fresh));
    // The index now lists the folder as found, in discovery order, a chunk per INDEX_CHUNK files.
    const { cache } = await ParseCache.open(cacheDir);
    const chunks0 = await cache!.readIndexChunk(root, 0);
    const chunks1 = await cache!.readIndexChunk(root, 1);
    await cache!.close();
    expect([chunks0.length, chunks1.length]).toEqual([INDEX_CHUNK, 52]);
    expect(chunks1.at(-1)!.path).toBe(path.join(root, 'region-0002', 'report-001049.txt'));
    // Garble every index chunk in place: the per-file entries still serve.
    const db = new ClassicLevel<string, Uint8Array>(path.join(cacheDir, `parse-v${parserFingerprint()}`), { keyEncoding: 'utf8', valueEncoding: 'view' });
    let chunks = 0;
    for await (const [key, value] of db.iterator({ gte: '\x01index\x00', lt: '\x01index\x01' })) {
      chunks++;
      const garbled = value.slice();
      garbled.fill(0x5a, 40, 4000);
      await db.put(key, garbled);
    }
    await db.close();
    expect(chunks).toBe(2);
    const damaged = await load(root, { cacheDir, workers: 2 });
    expect(damaged.stats).toMatchObject({ parsed: 0, cached: INDEX_CHUNK + 52 });
    expect(asJson(damaged)).toBe(asJson(fresh));
  });
});
