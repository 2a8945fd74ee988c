// A load's timeline, for comparing two builds by hand (alternate runs of each): `node bench/tl-child.mjs DIR CACHE`
// prints, in ms from process start, when the loader was imported, the first, 5,000th and 10,000th report came, the
// cross-report stage began and the load was done; memory at the end goes to stderr. Uses the built code (dist), loaded
// as the command loads it (shipped-cli.mjs).
import { shippedCli } from './shipped-cli.mjs';

const { loadFolder, DEFAULT_THRESHOLDS } = await shippedCli(process.argv[3]);
const marks = { imported: performance.now() };
let n = 0;
for await (const event of loadFolder(process.argv[2], { thresholds: DEFAULT_THRESHOLDS, cacheDir: process.argv[3], cache: true })) {
  if (event.kind === 'report') {
    n++;
    if (n === 1) marks.first = performance.now();
    if (n === 5000) marks.half = performance.now();
    if (n === 10000) marks.last = performance.now();
  } else if (event.kind === 'checking' && !marks.checking) marks.checking = performance.now();
  else if (event.kind === 'done') marks.done = performance.now();
}
marks.end = performance.now();
const memory = process.memoryUsage();
console.error(Object.entries(memory).map(([k, v]) => `${k} ${Math.round(v / 1048576)} MB`).join('  '));
console.log(Object.entries(marks).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '));
