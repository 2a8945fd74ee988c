// Worker-thread entry: runs processFile for each task the pool sends.
import { parentPort } from 'node:worker_threads';
import { processFile, type FileTask } from './process.js';

parentPort?.on('message', (message: { id: number; task: FileTask }) => {
  processFile(message.task).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (err: unknown) => parentPort?.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
