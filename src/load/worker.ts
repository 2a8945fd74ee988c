// Worker-thread entry: parses the bytes the pool sends (reading and hashing stay on the main thread, which
// needs them for the cache anyway; only the CPU-heavy parse crosses over).
import { parentPort } from 'node:worker_threads';
import type { FoundFile } from './discover.js';
import { parseFoundBytes } from './load.js';

parentPort?.on('message', (message: { id: number; found: FoundFile; bytes: Uint8Array }) => {
  parseFoundBytes(message.found, message.bytes).then(
    (item) => parentPort?.postMessage({ id: message.id, item }),
    (err: unknown) => parentPort?.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
