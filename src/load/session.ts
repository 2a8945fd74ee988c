// Loads a folder and runs the checks: the one entry point the CLI and the TUI use.
// Files are parsed on a worker pool (the first few on this thread, so the first report shows at once),
// served from the parse cache when their bytes are unchanged, and yielded in discovery order, so a parallel
// run gives exactly what a serial one gives.
import { runChecks } from '../parse/checks/index.js';
import type { Thresholds } from '../parse/checks/thresholds.js';
import type { Report } from '../parse/model.js';
import { ParseCache, contentHash } from './cache.js';
import { compactReport } from './compact.js';
import { discover, type FoundFile } from './discover.js';
import { ParsePool, defaultWorkerCount } from './pool.js';
import { parseFoundBytes, readFound } from './load.js';
import type { LoadEvent, LoadItem, LoadProblem } from './types.js';

export interface LoadOptions {
  thresholds: Thresholds;
  /** Use the parse cache (default true). */
  cache?: boolean;
  /** Cache directory (default: the user's cache directory). */
  cacheDir?: string;
  /** Parser version the cache entries must carry (default: PARSER_VERSION); for tests. */
  parserVersion?: string;
  /** Worker threads; 0 parses on this thread (default: one per core). */
  workers?: number;
  /** Told about cache trouble and the like; the load goes on. */
  onNotice?: (message: string) => void;
}

/** Files parsed on this thread while the workers start, so the first report is listed at once. */
const FIRST_ON_MAIN_THREAD = 4;

interface Slot {
  settled: boolean;
  promise: Promise<LoadItem>;
  /** Bytes of the file, counted into progress when its result is emitted. */
  size: number;
}

export async function* loadFolder(root: string, options: LoadOptions): AsyncGenerator<LoadEvent> {
  const opened = options.cache === false ? { cache: null, warning: null } : await ParseCache.open(options.cacheDir, options.parserVersion);
  const cache = opened.cache;
  if (opened.warning) options.onNotice?.(opened.warning);
  const workerCount = options.workers ?? defaultWorkerCount();
  let pool: ParsePool | null = null;
  const reports: Report[] = [];
  const problems: LoadProblem[] = [];
  const window: Slot[] = [];
  // Enough files in flight to keep the workers busy and batch cache lookups; few enough to bound memory.
  const maxInFlight = Math.max(64, workerCount * 8);
  const stats = { parsed: 0, cached: 0 };
  let index = 0;
  let done = 0;
  let bytes = 0;

  // Reading and hashing happen here (the cache needs the hash; cat-speed I/O); only parsing goes to a worker.
  const processOne = async (found: FoundFile, position: number): Promise<LoadItem> => {
    const key = { path: found.path, size: found.size, mtimeMs: found.mtimeMs };
    const [candidate, read] = await Promise.all([cache ? cache.candidate(key) : null, readFound(root, found)]);
    if ('problem' in read) return { kind: 'problem', problem: read.problem };
    const hash = cache ? contentHash(read.bytes) : null;
    if (candidate && candidate.hash === hash) {
      candidate.report.file = found.file; // the same file may be reached from another root
      stats.cached++;
      return { kind: 'report', report: candidate.report };
    }
    stats.parsed++;
    let item: LoadItem;
    if (position < FIRST_ON_MAIN_THREAD || workerCount === 0) {
      item = await parseFoundBytes(found, read.bytes);
    } else {
      pool ??= new ParsePool(workerCount);
      const bytes = read.bytes;
      // A dead worker costs speed, not a file: parse here instead (the bytes were moved, so read again).
      item = await pool.run(found, bytes).catch(async () => {
        const again = await readFound(root, found);
        return 'problem' in again ? { kind: 'problem' as const, problem: again.problem } : parseFoundBytes(found, again.bytes);
      });
    }
    if (cache && hash && item.kind === 'report') {
      cache.put(key, hash, item.report);
      await cache.settle();
    }
    return item;
  };

  const emit = function* (item: LoadItem, size: number): Generator<LoadEvent> {
    done++;
    bytes += size;
    if (item.kind === 'report') {
      compactReport(item.report);
      // Per-report rules now, so a streamed report already carries its own anomalies.
      runChecks([item.report], options.thresholds, { crossReport: false });
      reports.push(item.report);
    } else {
      problems.push(item.problem);
    }
    yield item;
    const current = item.kind === 'report' ? item.report.file : item.problem.file;
    yield { kind: 'progress', done, total: discovered ? index : null, bytes, current };
  };

  let discovered = false;
  try {
    for await (const found of discover(root)) {
      let promise: Promise<LoadItem>;
      if (found.kind === 'problem') promise = Promise.resolve(found);
      else {
        const file = found.found.file;
        promise = processOne(found.found, index).catch(
          (err: unknown): LoadItem => ({
            kind: 'problem',
            problem: { file, code: 'internal-error', message: `could not be processed: ${err instanceof Error ? err.message : String(err)}`, messageZh: '处理失败' },
          }),
        );
      }
      index++;
      const slot: Slot = { settled: false, promise, size: found.kind === 'file' ? found.found.size : 0 };
      promise.then(() => (slot.settled = true), () => (slot.settled = true));
      window.push(slot);
      while (window.length > 0 && (window[0]!.settled || window.length >= maxInFlight)) {
        const head = window.shift()!;
        yield* emit(await head.promise, head.size);
      }
    }
    discovered = true;
    while (window.length > 0) {
      const head = window.shift()!;
      yield* emit(await head.promise, head.size);
    }
    runChecks(reports, options.thresholds, { crossReport: true, perReport: false });
    yield { kind: 'done', corpus: { root, reports, problems, stats } };
  } finally {
    await (pool as ParsePool | null)?.close();
    await cache?.close().catch(() => undefined);
  }
}

/** Loads everything and returns the checked corpus. */
export async function loadCheckedCorpus(root: string, options: LoadOptions) {
  for await (const event of loadFolder(root, options)) if (event.kind === 'done') return event.corpus;
  throw new Error('unreachable: loadFolder always ends with done');
}
