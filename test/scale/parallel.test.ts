import { describe, expect, it } from 'vitest';
import { makeSyntheticCorpus } from '../../bench/synth.js';
import { asJson, load, tempDir } from './helpers.js';

describe('parallel parsing', () => {
  it('gives exactly the JSON of a serial run, in the same order', async () => {
    const root = tempDir('parallel');
    await makeSyntheticCorpus(root, 60);
    const serial = await load(root, { workers: 0, cache: false });
    const parallel = await load(root, { workers: 2, cache: false });
    expect(serial.reports).toHaveLength(60);
    expect(parallel.reports.map((r) => r.file)).toEqual(serial.reports.map((r) => r.file));
    expect(asJson(parallel)).toBe(asJson(serial));
    expect(parallel.stats).toEqual({ parsed: 60, cached: 0, unread: 0, crossReport: 'checked' });
    // As the explorer loads: every file on the workers, the first one included.
    const allOnWorkers = await load(root, { workers: 2, cache: false, firstOnThisThread: false });
    expect(asJson(allOnWorkers)).toBe(asJson(serial));
  });
});
