// Loads a folder and runs the checks: the one entry point the CLI and the TUI use.
// Files are parsed on a worker pool (the first few on this thread, so the first report shows at once),
// served from the parse cache when their bytes are unchanged, and yielded in discovery order, so a parallel
// run gives exactly what a serial one gives.
import type { Thresholds } from '../parse/checks/thresholds.js';
import type { Report } from '../parse/model.js';
import { ParseCache, codeCacheDir, storeExists } from './cache.js';
import { loadParser, parserFingerprint, parserModule } from './parser-code.js';
import { discover, type FoundFile } from './discover.js';
import { nextTurn } from './event-loop.js';
import { thresholdsKey } from '../parse/checks/thresholds.js';
import { contentHash, encodeEntry, isUnchanged, readEntry, restamp, type Entry, type ParsedFile } from './entry.js';
import { entryReport, storedCorpusFacts } from './lazy-report.js';
import type { ParseContext } from './parse-file.js';
import { FolderIndex, type IndexHit } from './folder-index.js';
import { ParsePool, defaultWorkerCount } from './pool.js';
import { FolderKey, attachFindings, chunksFor, decodeFindingsChunk, encodeFindingsChunk, findingsOf } from './stored-findings.js';
import { ContentHashes, attachReused, bodyRecords, decodeBodyTable, encodeBodyTable, reusePlan, tableBasis, type BodyRecord, type BodyTable } from './reused-findings.js';
import { readFound } from './load.js';
import type { CheckingEvent, Corpus, LoadEvent, LoadItem, LoadProblem } from './types.js';

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
  /**
   * Parse the first file on this thread while the workers boot (default true: the quickest first report when this
   * thread has nothing else to do). The explorer says false: this thread is busy loading and drawing the interface
   * then, and a worker parses the first file meanwhile.
   */
  firstOnThisThread?: boolean;
  /**
   * Workers beyond the first start only once this settles (and the first has answered). The explorer passes its first
   * frame: on two cores, a second worker booting beside the first one's parse took the core that draws the frame,
   * and the first report was listed later (empty cache, 30 alternating runs: sample corpus 254 -> 231 ms, 10,000
   * reports 261 -> 245 ms). A load of many files loses one worker's share of the first few hundred milliseconds.
   */
  moreWorkersAfter?: Promise<unknown>;
  /** Milliseconds of cross-report checking between pauses (default 25); tests pause at every step with 0. */
  checkSliceMs?: number;
  /** Told about cache trouble and the like; the load goes on. */
  onNotice?: (message: string) => void;
}

// The parser and the checks are loaded on first need: a load served wholly from the cache lists its first report
// without loading the parser, and the checks come only for the cross-report pass or changed thresholds.
// Both come from one module (parse-file.js, or its script bundle when one is built: see parserModule), loaded once a
// process. This thread only reads the bundle's code cache; the workers write it (worker.ts says why).
let loadedParser: Promise<typeof import('./parse-file.js')> | null = null;
const parserAndChecks = (codeCacheDir: string | null) => (loadedParser ??= loadParser(parserModule(), codeCacheDir).then((loaded) => loaded.exports));

/** Work between pauses of the cross-report checks: short enough for the explorer to answer a key at once. */
const CHECK_SLICE_MS = 25;

/** Files parsed on this thread while the workers start, so the first report is listed at once. */
const FIRST_ON_MAIN_THREAD = 1;

/** A file's outcome before it is emitted: a problem, or the (cached or new) entry of its checked report. */
type Outcome =
  | { kind: 'problem'; problem: LoadProblem }
  | {
      kind: 'entry';
      entry: Entry;
      path: string;
      file: string;
      position: number;
      /** Where the folder's index had the entry, and whether it is used exactly as stored there. */
      hit: IndexHit | undefined;
      unchanged: boolean;
    };

interface Slot {
  settled: boolean;
  /** The outcome, or a promise of it: a file trusted by its stamp has its outcome at once. */
  outcome: Outcome | Promise<Outcome>;
  /** Bytes of the file, counted into progress when its result is emitted. */
  size: number;
}

export async function* loadFolder(root: string, options: LoadOptions): AsyncGenerator<LoadEvent> {
  const version = options.cache === false ? null : (options.parserVersion ?? parserFingerprint());
  const context: ParseContext = {
    parser: version ?? 'uncached',
    module: parserModule(),
    codeCacheDir: version === null ? null : codeCacheDir(options.cacheDir),
    thresholds: options.thresholds,
  };
  const parser = () => parserAndChecks(context.codeCacheDir);
  const checks = parser;
  const workerCount = options.workers ?? defaultWorkerCount();
  let pool: ParsePool | null = null;
  const startPool = (): ParsePool | null => (workerCount > 0 ? (pool ??= new ParsePool(workerCount, context, options.moreWorkersAfter)) : null);
  // A load from the cache never starts the workers. One that will parse starts them as soon as that is certain: a
  // worker takes tens of milliseconds to boot (and the parser's loading more), and started at the first file to parse
  // it would boot only once this thread is free again, after the explorer has imported Ink and drawn its first frame,
  // so the first report would come a frame later. Parsing is certain without a cache and when no store exists yet
  // for this parser (a first run, a new version): then the workers boot while the store is being made. Otherwise,
  // below, once the store is open and has no index of this folder (a folder never loaded) or cannot be opened.
  // The same fact spares the lookups: a store made by this load holds no entry but those this load puts, once each
  // (processSlowly).
  const newStore = version !== null && !storeExists(options.cacheDir, version);
  if (version === null || newStore) startPool();
  const opened = version === null ? { cache: null, warning: null } : await ParseCache.open(options.cacheDir, version);
  const cache = opened.cache;
  if (opened.warning) options.onNotice?.(opened.warning);
  const folderIndex = cache ? new FolderIndex(cache, root) : null;
  const reports: Report[] = [];
  const problems: LoadProblem[] = [];
  const window: Slot[] = [];
  // Enough files in flight to keep the workers busy and batch cache lookups; few enough to bound memory.
  const maxInFlight = Math.max(64, workerCount * 8);
  const stats: NonNullable<Corpus['stats']> = { parsed: 0, cached: 0, unread: 0, crossReport: 'checked' };
  let index = 0;
  let done = 0;
  let bytes = 0;

  let released = false;
  const currentThresholds = thresholdsKey(options.thresholds);
  // What the cross-report checks will be given, so that their findings can be stored under it (stored-findings.ts).
  const folderKey = cache ? new FolderKey(cache.version, currentThresholds) : null;
  // And each report's content hash, to tell which bodies are as they were when a changed folder is checked again.
  const hashes = new ContentHashes();

  if (!folderIndex) startPool();
  else void folderIndex.stored().then((stored) => stored || released || startPool());

  const parse = async (found: FoundFile, bytes: Uint8Array, readAt: number, position: number): Promise<ParsedFile> => {
    // Otherwise the workers start at the first file that needs parsing, and boot while this thread parses the first
    // file itself.
    startPool();
    if ((position < FIRST_ON_MAIN_THREAD && options.firstOnThisThread !== false) || !pool) return (await parser()).parseFile(found, bytes, readAt, context);
    // A dead worker costs speed, not a file: parse here instead (the bytes were moved, so read again).
    return pool.run(found, bytes, readAt).catch(async () => {
      const readAgainAt = Date.now();
      const again = await readFound(root, found);
      return 'problem' in again ? { kind: 'problem' as const, problem: again.problem } : (await parser()).parseFile(found, again.bytes, readAgainAt, context);
    });
  };

  // A file whose stamp is the cached entry's, and trustworthy, is not read at all. Otherwise it is read here
  // (cat-speed sync I/O) and hashed against the entry; a match is re-stamped so the next load need not read it.
  // Parsing, checking, hashing and encoding a new entry happen on a worker.
  const processOne = (found: FoundFile, position: number): Outcome | Promise<Outcome> => {
    const looked = folderIndex?.lookup(found.path, position);
    // Nearly every file of a warm load: its index chunk has been read and its stamp is the entry's. No promise then.
    if (looked !== undefined && !(looked instanceof Promise) && isUnchanged(looked.entry, found)) return unread(found, position, looked);
    return processSlowly(found, position, looked);
  };

  const unread = (found: FoundFile, position: number, hit: IndexHit | undefined, entry = hit!.entry): Outcome => {
    stats.cached++;
    stats.unread++;
    return { kind: 'entry', entry, path: found.path, file: found.file, position, hit, unchanged: true };
  };

  const processSlowly = async (found: FoundFile, position: number, looked: IndexHit | undefined | Promise<IndexHit | undefined>): Promise<Outcome> => {
    const hit = looked instanceof Promise ? await looked : looked;
    const candidate = hit?.entry ?? (cache && !newStore ? await cache.candidate(found.path) : null);
    const outcomeOf = (entry: Entry, unchanged: boolean): Outcome => ({ kind: 'entry', entry, path: found.path, file: found.file, position, hit, unchanged });
    if (candidate && isUnchanged(candidate, found)) return unread(found, position, hit, candidate);
    const readAt = Date.now();
    const read = await readFound(root, found);
    if ('problem' in read) return { kind: 'problem', problem: read.problem };
    if (candidate && candidate.hash === contentHash(read.bytes)) {
      stats.cached++;
      const { size, mtimeMs, ctimeMs, ino } = found;
      const entry = readEntry(restamp(candidate, { ...candidate, size, mtimeMs, ctimeMs, ino, readAt }))!;
      cache!.put(found.path, entry.bytes);
      return outcomeOf(entry, false);
    }
    stats.parsed++;
    const parsed = await parse(found, read.bytes, readAt, position);
    if (parsed.kind === 'problem') return parsed;
    if (cache) {
      cache.put(found.path, parsed.entry);
      await cache.settle();
    }
    const entry = readEntry(parsed.entry);
    if (!entry) throw new Error('a freshly encoded entry does not decode');
    return outcomeOf(entry, false);
  };

  /** processOne's outcome, an internal problem if it throws: a promise only when the file's outcome needs waiting for. */
  const settledOutcome = (found: FoundFile, position: number): Outcome | Promise<Outcome> => {
    const failed = (err: unknown): Outcome => ({ kind: 'problem', problem: internalProblem(found.file, err) });
    try {
      const outcome = processOne(found, position);
      return outcome instanceof Promise ? outcome.catch(failed) : outcome;
    } catch (err) {
      return failed(err);
    }
  };

  /** The entry's report, its per-report anomalies recomputed (and the entry re-stored) if other thresholds made them. */
  const reportOf = (outcome: Extract<Outcome, { kind: 'entry' }>): Report | Promise<Report> => {
    const report = entryReport(outcome.entry);
    report.file = outcome.file; // the same file may be reached from another root
    if (outcome.entry.thresholds !== currentThresholds) return recheck(outcome, report);
    return recorded(outcome, report);
  };

  const recheck = async (outcome: Extract<Outcome, { kind: 'entry' }>, report: Report): Promise<Report> => {
    (await checks()).runChecks([report], options.thresholds, { crossReport: false });
    const bytes = encodeEntry({ ...outcome.entry, thresholds: currentThresholds }, report);
    cache?.put(outcome.path, bytes);
    outcome.entry = readEntry(bytes)!;
    outcome.unchanged = false;
    return recorded(outcome, report);
  };

  const recorded = (outcome: Extract<Outcome, { kind: 'entry' }>, report: Report): Report => {
    folderIndex?.add(outcome.position, outcome.path, outcome.entry.bytes, outcome.hit, outcome.unchanged);
    folderKey?.add(outcome.file, outcome.entry.hash);
    hashes.add(outcome.entry.hash);
    return report;
  };

  /** The outcome as a load item: at once, unless its anomalies must be recomputed. */
  const toItem = (outcome: Outcome): LoadItem | Promise<LoadItem> => {
    if (outcome.kind === 'problem') return outcome;
    try {
      const report = reportOf(outcome);
      if (!(report instanceof Promise)) return { kind: 'report', report };
      return report.then(
        (r): LoadItem => ({ kind: 'report', report: r }),
        (err: unknown): LoadItem => ({ kind: 'problem', problem: internalProblem(outcome.file, err) }),
      );
    } catch (err) {
      return { kind: 'problem', problem: internalProblem(outcome.file, err) };
    }
  };

  // A streamed report already carries its own anomalies (per-report rules); cross-report ones come at the end. Each
  // item is followed by a progress event. (Yielded here, not through a helper generator: `yield*` of a sync generator
  // in an async one wraps every value in another promise, two per file.)
  const counted = (item: LoadItem, size: number): LoadItem => {
    done++;
    bytes += size;
    if (item.kind === 'report') reports.push(item.report);
    else problems.push(item.problem);
    return item;
  };
  const progress = (item: LoadItem): LoadEvent => {
    const current = item.kind === 'report' ? item.report.file : item.problem.file;
    return { kind: 'progress', done, total: discovered ? index : null, bytes, current };
  };

  const releaseWorkers = async (): Promise<void> => {
    await (pool as ParsePool | null)?.close();
  };
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    await releaseWorkers();
    await cache?.close().catch(() => undefined);
  };

  let discovered = false;
  try {
    for (const found of discover(root)) {
      const size = found.kind === 'file' ? found.found.size : 0;
      const outcome = found.kind === 'problem' ? found : settledOutcome(found.found, index);
      index++;
      if (window.length === 0 && !(outcome instanceof Promise)) {
        // Nothing before it still pending (a warm load, file after file): emitted at once, with no promise.
        const next = toItem(outcome);
        const item = counted(next instanceof Promise ? await next : next, size);
        yield item;
        yield progress(item);
        continue;
      }
      const slot: Slot = { settled: !(outcome instanceof Promise), outcome, size };
      if (outcome instanceof Promise) void outcome.then(() => (slot.settled = true));
      window.push(slot);
      while (window.length > 0 && (window[0]!.settled || window.length >= maxInFlight)) {
        const head = window.shift()!;
        const item = counted(await toItem(await head.outcome), head.size);
        yield item;
        yield progress(item);
      }
    }
    discovered = true;
    while (window.length > 0) {
      const head = window.shift()!;
      const item = counted(await toItem(await head.outcome), head.size);
      yield item;
      yield progress(item);
    }
    await folderIndex?.finish(index);
    // The workers' heaps (a few hundred MB on a big folder) are let go before the cross-report pass, whose findings
    // are the last thing a load allocates: the peak of a big load is then the lower.
    await releaseWorkers();
    const sliceMs = options.checkSliceMs ?? CHECK_SLICE_MS;
    // How many anomalies each report has of its own: what the cross-report pass adds comes after.
    const own = Uint32Array.from(reports, (r) => r.anomalies.length);
    // (An empty folder has nothing to check, or to store.)
    const key = reports.length > 0 ? (folderKey?.digest() ?? null) : null;
    const reading: CheckingEvent = { kind: 'checking', reports: reports.length, stage: cache && key ? 'stored' : 'all' };
    yield reading;
    const stored = cache && key ? yield* attachStoredFindings(cache, root, key, reports, own, reading) : false;
    // Otherwise the findings of the bodies that have not changed since the last pass (reused-findings.ts). The body
    // records are made before the pass only when there is a table of that pass to use them with; otherwise after it,
    // for storing: held through the pass they would add to the load's peak of memory, which is in the pass.
    const basis = cache ? tableBasis(cache.version, currentThresholds) : '';
    const table = !stored && cache && key ? await storedBodyTable(cache, root, basis) : null;
    let skipBodies: Set<string> | null = null;
    let bodies: ReadonlyMap<string, readonly Report[]> | undefined;
    let records: Map<string, BodyRecord> | undefined;
    if (cache && table) {
      const { groupByBody, PER_BODY_RULE_IDS } = await checks();
      bodies = groupByBody(reports);
      records = yield* inSlices(bodyRecords(bodies, reports, hashes), sliceMs, reading);
      skipBodies = yield* attachReusedFindings(cache, root, reports, own, table, { bodies, records, keep: PER_BODY_RULE_IDS }, reading);
    }
    // So are the store's buffers, when the checks are to run.
    await release();
    if (stored) stats.crossReport = 'stored';
    else {
      // A slice at a time: on a big folder this pass takes seconds (see inSlices).
      const { checkSteps, inRegistryOrder, groupByBody } = await checks();
      const checking: CheckingEvent =
        skipBodies && bodies
          ? { kind: 'checking', reports: reports.length, stage: 'changed', changedBodies: bodies.size - skipBodies.size }
          : { kind: 'checking', reports: reports.length, stage: 'all' };
      if (checking.stage !== reading.stage) yield checking;
      const skip = skipBodies ?? undefined;
      yield* inSlices(checkSteps(reports, options.thresholds, { crossReport: true, perReport: false, storedFacts: storedCorpusFacts, skipBodies: skip, bodies }), sliceMs, checking);
      if (skipBodies) {
        // A reused body's reports got their per-body findings before the pass, the others' (hierarchy-sum) after.
        yield* inSlices(eachInSteps(reports, (r, i) => inRegistryOrder(r.anomalies, own[i]!)), sliceMs, checking);
        stats.crossReport = 'updated';
      }
      // Storing is for the next load: whatever goes wrong with it, this load has its findings.
      if (cache && key) {
        const made = records ?? (yield* inSlices(bodyRecords(bodies ?? groupByBody(reports), reports, hashes), sliceMs, checking));
        await storeFindings(options.cacheDir, cache.version, root, key, reports, own, () => encodeBodyTable(key, basis, made.values())).catch(() => undefined);
      }
    }
    yield { kind: 'done', corpus: { root, reports, problems, stats } };
  } finally {
    await release();
  }
}

/**
 * Adds the findings the last complete pass over this folder stored under `key` (the same reports, parser and
 * thresholds), chunk by chunk, yielding `event` between chunks. False, with every report as it was, when any chunk is
 * missing, damaged or from another pass: the checks must run.
 */
async function* attachStoredFindings(
  cache: ParseCache,
  root: string,
  key: string,
  reports: readonly Report[],
  own: Uint32Array,
  event: LoadEvent,
): AsyncGenerator<LoadEvent, boolean> {
  const chunks = chunksFor(reports.length);
  for (let c = 0; c < chunks; c++) {
    const raw = await cache.readFindingsChunk(root, c);
    const chunk = raw && decodeFindingsChunk(raw, key, c);
    if (!chunk || chunk.chunks !== chunks || !attachFindings(reports, c, chunk.findings)) {
      takeBack(reports, own);
      return false;
    }
    yield event;
  }
  return true;
}

/**
 * Runs `steps` (a generator whose every `yield` is a point where it may pause) `sliceMs` at a time and returns what it
 * returns. Between slices the event loop has a turn (the explorer draws and takes keys) and `event` is yielded, so a
 * consumer that has stopped (Esc) ends the load there.
 */
async function* inSlices<T>(steps: Generator<unknown, T>, sliceMs: number, event: LoadEvent): AsyncGenerator<LoadEvent, T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await nextTurn();
    yield event;
    sliceStart = performance.now();
  }
}

/** `each` over the reports, with a point to pause every few thousand. */
function* eachInSteps(reports: readonly Report[], each: (report: Report, position: number) => void): Generator<void> {
  for (let i = 0; i < reports.length; i++) {
    each(reports[i]!, i);
    if (i % 4096 === 4095) yield;
  }
}

/** The table of bodies stored with this folder's findings, if there is one made under `basis` and whole. */
async function storedBodyTable(cache: ParseCache, root: string, basis: string): Promise<BodyTable | null> {
  const raw = await cache.readBodyTable(root);
  return raw ? decodeBodyTable(raw, basis) : null;
}

/** Every report with only its own anomalies again: what stored findings added is taken back. */
function takeBack(reports: readonly Report[], own: Uint32Array): void {
  reports.forEach((r, i) => (r.anomalies.length = own[i]!));
}

/**
 * Adds, to the reports of every body whose reports are those of a body of the last pass (same digest in `table`), the
 * per-body rules' findings that pass stored for them. The keys of those bodies (for the checks to skip), or null, with
 * every report as it was, when a chunk is missing or damaged, or there is no body to reuse.
 */
async function* attachReusedFindings(
  cache: ParseCache,
  root: string,
  reports: readonly Report[],
  own: Uint32Array,
  table: BodyTable,
  reuse: { bodies: ReadonlyMap<string, readonly Report[]>; records: ReadonlyMap<string, BodyRecord>; keep: ReadonlySet<string> },
  event: LoadEvent,
): AsyncGenerator<LoadEvent, Set<string> | null> {
  const { skip, targets } = reusePlan(table, reuse.records, reuse.bodies);
  if (skip.size === 0) return null;
  for (let c = 0; c < table.chunks; c++) {
    const chunkRaw = await cache.readFindingsChunk(root, c);
    const chunk = chunkRaw && decodeFindingsChunk(chunkRaw, table.folderKey, c);
    if (!chunk || chunk.chunks !== table.chunks || !attachReused(chunk.findings, c, table.reports, targets, reuse.keep)) {
      takeBack(reports, own);
      return null;
    }
    yield event;
  }
  return skip;
}

/**
 * Stores what a complete cross-report pass added, for the next load of the same reports. The store was closed for
 * the pass (its buffers are let go at the peak), so it is opened again; if it cannot be, nothing is stored. With the
 * findings, the table of the pass's bodies (`bodyTable`, reused-findings.ts).
 */
async function storeFindings(
  cacheDir: string | undefined,
  version: string,
  root: string,
  key: string,
  reports: readonly Report[],
  own: Uint32Array,
  bodyTable: () => Uint8Array,
): Promise<void> {
  const { cache } = await ParseCache.open(cacheDir, version);
  if (!cache) return;
  try {
    const chunks = chunksFor(reports.length);
    for (let c = 0; c < chunks; c++) {
      cache.putFindingsChunk(root, c, encodeFindingsChunk(key, c, chunks, findingsOf(reports, own, c)));
      await cache.settle();
    }
    await cache.trimFindings(root, chunks);
    // After the chunks: a table names the key of the chunks it goes with, and is used only with them.
    cache.putBodyTable(root, bodyTable());
  } finally {
    await cache.close().catch(() => undefined);
  }
}

function internalProblem(file: string, err: unknown): LoadProblem {
  return { file, code: 'internal-error', message: `could not be processed: ${err instanceof Error ? err.message : String(err)}`, messageZh: '处理失败' };
}

/** Loads everything and returns the checked corpus. */
export async function loadCheckedCorpus(root: string, options: LoadOptions) {
  for await (const event of loadFolder(root, options)) if (event.kind === 'done') return event.corpus;
  throw new Error('unreachable: loadFolder always ends with done');
}
