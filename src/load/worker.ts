// Worker-thread entry: turns the bytes the pool sends into a cache entry (parse, per-report checks, hashing,
// encoding). Reading stays on the main thread; the entry comes back as one transferred buffer.
import { parentPort, workerData } from 'node:worker_threads';
import type { FoundFile } from './discover.js';
import type { ParseContext } from './parse-file.js';
import { lowerThisThreadsPriority } from './thread-priority.js';

lowerThisThreadsPriority();

const context = workerData as ParseContext;
// The module the main thread chose (parse-file.js or its bundle). Messages wait in the port until the listener below
// is attached, so none is lost while it loads.
const { parseFile } = (await import(context.module)) as typeof import('./parse-file.js');

parentPort?.on('message', (message: { id: number; found: FoundFile; bytes: Uint8Array; readAt: number }) => {
  parseFile(message.found, message.bytes, message.readAt, context).then(
    (item) => parentPort?.postMessage({ id: message.id, item }, item.kind === 'report' ? [item.entry.buffer as ArrayBuffer] : []),
    (err: unknown) => parentPort?.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
