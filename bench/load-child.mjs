// Child process of the load benchmark: loads a folder with the built code, as the command does (shipped-cli.mjs), and
// prints its figures as JSON.
import { shippedCli } from './shipped-cli.mjs';

const [root, cacheDir, cacheFlag] = process.argv.slice(2);
const { loadFolder, DEFAULT_THRESHOLDS, isDeflated } = await shippedCli(cacheDir, cacheFlag !== 'no-cache');
let firstReportMs = null;
let reports = 0;
let stats = null;
let deflated = 0;
for await (const event of loadFolder(root, { thresholds: DEFAULT_THRESHOLDS, cacheDir, cache: cacheFlag !== 'no-cache' })) {
  if (event.kind === 'report') {
    reports++;
    // performance.now() counts from process start, so this includes start-up and module loading.
    firstReportMs ??= performance.now();
  } else if (event.kind === 'done') {
    stats = event.corpus.stats;
    // Reports whose detail the load (cross-report checks included) never needed to inflate.
    deflated = event.corpus.reports.filter(isDeflated).length;
  }
}
process.stdout.write(JSON.stringify({ totalMs: performance.now(), firstReportMs, reports, stats, deflated, maxRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000 }) + '\n');
