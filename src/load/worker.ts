// Worker-thread entry: turns the bytes the pool sends into a cache entry (parse, per-report checks, hashing,
// encoding). Reading stays on the main thread; the entry comes back as one transferred buffer.
import { parentPort, workerData } from 'node:worker_threads';
import type { FoundFile } from './discover.js';
import type { ParseContext } from './parse-file.js';
import { loadParser } from './parser-code.js';
import { lowerThisThreadsPriority } from './thread-priority.js';

lowerThisThreadsPriority();

type Job = { id: number; found: FoundFile; bytes: Uint8Array; readAt: number };

// Messages are taken from the start and kept until the parser is loaded, so none is lost or handled early: a spare
// worker (pool.ts, startSpareWorker) is started without a context and is told it in its first message.
const waiting: unknown[] = [];
let take: ((message: unknown) => void) | null = null;
parentPort?.on('message', (message: unknown) => (take ? take(message) : waiting.push(message)));
const nextMessage = (): Promise<unknown> =>
  waiting.length > 0 ? Promise.resolve(waiting.shift()) : new Promise((resolve) => (take = (message) => ((take = null), resolve(message))));

const context = (workerData as ParseContext | null) ?? ((await nextMessage()) as { context: ParseContext }).context;
// The code the main thread chose (parse-file.js or its script bundle).
const { exports: parser, saveCodeCache } = await loadParser(context.module, context.codeCacheDir);

// One job at a time. The pool sends a worker its next job before the answer to the last (pool.ts, IN_FLIGHT); begun at
// once, the two would run interleaved at the parse's awaits, and the first answer would wait for much of the second
// parse (the explorer's first report with an empty cache came 20-40 ms later so).
let queue: Promise<void> = Promise.resolve();

function parse(message: Job): void {
  queue = queue.then(() => parseOne(message));
}

function parseOne(message: Job): Promise<void> {
  return parser.parseFile(message.found, message.bytes, message.readAt, context).then(
    (item) => {
      // After the first report, so the next run's workers start with the code of a whole parse compiled: a few
      // milliseconds, once a version (only when no cache was used). Before answering: once the last answer is in,
      // the pool may end this thread at any moment. This is the one writer of the parser's code cache: the main
      // thread runs other parts of the bundle (the checks), and its code would replace this.
      if (item.kind === 'report') saveCodeCache('if-none');
      parentPort?.postMessage({ id: message.id, item }, item.kind === 'report' ? [item.entry.buffer as ArrayBuffer] : []);
    },
    (err: unknown) => parentPort?.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) }),
  );
}

take = (message) => parse(message as Job);
for (const message of waiting.splice(0)) parse(message as Job);
