// Child process of the load benchmark: loads a folder with the built code and prints its figures as JSON.
import { loadFolder } from '../dist/load/session.js';
import { DEFAULT_THRESHOLDS } from '../dist/parse/checks/thresholds.js';

const [root, cacheDir, cacheFlag] = process.argv.slice(2);
let firstReportMs = null;
let reports = 0;
let stats = null;
for await (const event of loadFolder(root, { thresholds: DEFAULT_THRESHOLDS, cacheDir, cache: cacheFlag !== 'no-cache' })) {
  if (event.kind === 'report') {
    reports++;
    // performance.now() counts from process start, so this includes start-up and module loading.
    firstReportMs ??= performance.now();
  } else if (event.kind === 'done') stats = event.corpus.stats;
}
process.stdout.write(JSON.stringify({ totalMs: performance.now(), firstReportMs, reports, stats, maxRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000 }) + '\n');
