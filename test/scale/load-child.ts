// Child process for the kill-midway test: loads a folder with the cache and prints progress.
import { DEFAULT_THRESHOLDS } from '../../src/parse/checks/thresholds.js';
import { loadFolder } from '../../src/load/session.js';

const [root, cacheDir] = process.argv.slice(2);
let n = 0;
for await (const event of loadFolder(root!, { thresholds: DEFAULT_THRESHOLDS, cacheDir, workers: 0 })) {
  if (event.kind === 'progress' && ++n % 50 === 0) process.stdout.write(`progress ${event.done}\n`);
}
process.stdout.write('done\n');
