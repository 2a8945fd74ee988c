// Worker-thread entry: turns the bytes the pool sends into a cache entry (parse, per-report checks, hashing,
// encoding). Reading stays on the main thread; the entry comes back as one transferred buffer.
import { parentPort, workerData } from 'node:worker_threads';
import type { FoundFile } from './discover.js';
import type { ParseContext } from './parse-file.js';
import { loadParser } from './parser-code.js';
import { lowerThisThreadsPriority } from './thread-priority.js';

lowerThisThreadsPriority();

const context = workerData as ParseContext;
// The code the main thread chose (parse-file.js or its script bundle). Messages wait in the port until the listener
// below is attached, so none is lost while it loads.
const { exports: parser, saveCodeCache } = await loadParser(context.module, context.codeCacheDir);

parentPort?.on('message', (message: { id: number; found: FoundFile; bytes: Uint8Array; readAt: number }) => {
  parser.parseFile(message.found, message.bytes, message.readAt, context).then(
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
});
