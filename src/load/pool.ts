// A pool of worker threads over files. The parser is pure, so parallel parsing is just a queue of files:
// results are returned per task, and the loader keeps the files' order, so serial and parallel runs agree.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FoundFile } from './discover.js';
import type { ParsedFile } from './entry.js';
import type { ParseContext } from './parse-file.js';

interface Job {
  id: number;
  found: FoundFile;
  bytes: Uint8Array;
  readAt: number;
}

interface Pending {
  resolve: (r: ParsedFile) => void;
  reject: (e: Error) => void;
}

/** How many workers to start: one per core, at most 8 (reading is I/O-bound beyond that). */
export function defaultWorkerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(8, cores));
}

/**
 * A worker parses one file at a time and keeps nothing, but V8 lets an idle heap grow lazily; a modest limit makes
 * it collect early, which bounds the whole process's memory on a big folder. A file that needs more (a huge PDF)
 * kills only its worker, and the pool parses that file on the main thread instead.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/**
 * Jobs sent to a worker before its answer to the first comes back: with one, a worker waits idle for every round
 * trip through the main thread (which is also reading files and storing entries); a second job queued in the
 * worker keeps it busy. Results are matched by id, so order does not matter here.
 */
const IN_FLIGHT = 2;

/**
 * Starts a worker thread. With `context` null it waits for a `{ context }` message before it loads the parser (a spare
 * worker, started before the context is known: see startSpareWorker).
 */
function startWorker(context: ParseContext | null): Worker {
  const options = { resourceLimits: WORKER_LIMITS, workerData: context, eval: true };
  // From a one-line bootstrap that imports the worker's file, not from the file itself: a worker takes the process's
  // Node options, and one started from a file refuses `--input-type`, so in a program run as
  // `node --input-type=module -e …` every worker died and every file was parsed on the main thread. Giving the
  // worker its own list of options instead is no way out: Node refuses V8's (`--max-old-space-size`) in it.
  if (!import.meta.url.endsWith('.ts')) return new Worker(`import(${JSON.stringify(new URL('./worker.js', import.meta.url).href)});`, options);
  // Running from TypeScript sources (tests, benchmarks): register tsx inside the worker, then load the .ts entry.
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, options);
}

// A worker started ahead of the pool (by the entry point, before the CLI is even loaded) waits here to be adopted.
// Kept on the global object under a registered symbol: the entry point and the CLI's bundle each hold their own copy
// of this module.
const SPARE = Symbol.for('xxgk.spareParseWorker');
type SpareHolder = { [SPARE]?: Worker };

/**
 * Starts one worker before any pool exists, for a process that will almost certainly parse (no parse cache yet): it
 * boots (tens of milliseconds) while the program itself is still loading, and the first pool made adopts it. One
 * that no pool adopts is idle and unreferenced: it keeps no process alive.
 */
export function startSpareWorker(): void {
  const holder = globalThis as SpareHolder;
  if (holder[SPARE]) return;
  const worker = startWorker(null);
  worker.unref();
  // A spare that fails to boot is simply not there for the pool to adopt.
  worker.once('error', () => {
    if (holder[SPARE] === worker) holder[SPARE] = undefined;
  });
  holder[SPARE] = worker;
}

/** The spare worker, told its context; undefined when there is none. */
function adoptSpareWorker(context: ParseContext): Worker | undefined {
  const holder = globalThis as SpareHolder;
  const spare = holder[SPARE];
  holder[SPARE] = undefined;
  spare?.postMessage({ context });
  return spare;
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  /** Workers still to start: the first answers before the others boot (see the constructor). */
  private toStart: number;
  /** Whether the first worker has answered. */
  private answered = false;
  /** Whether the others may start once it has (the constructor's `othersAfter` has settled, or there is none). */
  private goAhead: boolean;
  /** Workers with room for another job, once per free place (a worker appears up to IN_FLIGHT times). */
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly busy = new Map<Worker, Set<number>>();
  private nextId = 0;
  private closed = false;

  /**
   * Starts one worker now (the spare, if one is waiting) and the others once it has answered. Booting a worker takes
   * a core for tens of milliseconds: two booting at once, beside this thread loading the explorer, slowed each other
   * and the first report with them (on two cores, the first file's worker was often the later one online). With the
   * spare and one job at a time per worker, the explorer's first row with an empty cache went from 358 to 294 ms on
   * 10,000 reports (README, Speed-ups). A load of many files loses a worker's boot time, once.
   *
   * `othersAfter`: the others wait for it too. The explorer passes its first frame: a worker booting while that frame
   * is drawn takes a core from it (see LoadOptions.moreWorkersAfter).
   */
  constructor(
    size: number,
    private readonly context: ParseContext,
    othersAfter?: Promise<unknown>,
  ) {
    this.toStart = Math.max(1, size);
    this.goAhead = othersAfter === undefined;
    this.addWorker(adoptSpareWorker(context) ?? startWorker(context));
    void othersAfter?.then(
      () => this.allowTheRest(),
      () => this.allowTheRest(),
    );
  }

  private allowTheRest(): void {
    this.goAhead = true;
    if (this.answered) this.startTheRest();
  }

  private addWorker(worker: Worker): void {
    this.toStart--;
    worker.on('message', (msg: { id: number; item?: ParsedFile; error?: string }) => this.onMessage(worker, msg));
    worker.on('error', (err) => this.onWorkerError(worker, err));
    // An idle worker must not keep the process alive (a consumer that stops early, like `| head -1`, simply
    // exits); a busy one must, or the process would end while waiting for its answer.
    worker.unref();
    this.workers.push(worker);
    for (let n = 0; n < IN_FLIGHT; n++) this.idle.push(worker);
  }

  private startTheRest(): void {
    while (this.toStart > 0 && !this.closed) this.addWorker(startWorker(this.context));
  }

  /** Worker threads started so far (for tests). */
  get started(): number {
    return this.workers.length;
  }

  /** Parses a file's bytes on a worker. The bytes are moved, not copied: the caller must not use them after. */
  run(found: FoundFile, bytes: Uint8Array, readAt: number): Promise<ParsedFile> {
    if (this.closed) return Promise.reject(new Error('pool closed'));
    const id = this.nextId++;
    const promise = new Promise<ParsedFile>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, found, bytes: ownBuffer(bytes), readAt });
    this.dispatch();
    return promise;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      const jobs = this.busy.get(worker) ?? new Set<number>();
      jobs.add(job.id);
      this.busy.set(worker, jobs);
      worker.ref();
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    }
  }

  private onMessage(worker: Worker, msg: { id: number; item?: ParsedFile; error?: string }): void {
    this.answered = true;
    if (this.goAhead) this.startTheRest();
    const jobs = this.busy.get(worker);
    jobs?.delete(msg.id);
    if (!jobs?.size) {
      this.busy.delete(worker);
      worker.unref();
    }
    if (this.workers.includes(worker)) this.idle.push(worker);
    const p = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    if (p) {
      if (msg.item) p.resolve(msg.item);
      else p.reject(new Error(msg.error ?? 'worker failed'));
    }
    this.dispatch();
  }

  private onWorkerError(worker: Worker, err: Error): void {
    for (const id of this.busy.get(worker) ?? []) {
      this.pending.get(id)?.reject(err);
      this.pending.delete(id);
    }
    this.busy.delete(worker);
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    for (let i = this.idle.indexOf(worker); i >= 0; i = this.idle.indexOf(worker)) this.idle.splice(i, 1);
    // The first worker died before answering: the others take over (its files were rejected above, and are parsed
    // on the main thread).
    this.startTheRest();
    this.dispatch();
    if (this.workers.length === 0) {
      for (const [, p] of this.pending) p.reject(err);
      this.pending.clear();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A view that owns its whole ArrayBuffer, so it can be transferred without taking a shared pool buffer along. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
