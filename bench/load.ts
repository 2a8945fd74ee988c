// Load benchmark: cold load (no cache), warm load (cache filled), a warm load after one file was edited, time to the
// first listed report and peak RSS, each next to `cat` of the same files measured in the same run. Medians of several runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RACY_MS } from '../src/load/entry.js';
import { editOneReport, makeSyntheticCorpus } from './synth.js';

const CHILD = fileURLToPath(new URL('./load-child.mjs', import.meta.url));

interface ChildResult {
  totalMs: number;
  firstReportMs: number | null;
  reports: number;
  stats: { parsed: number; cached: number; unread: number; crossReport: string } | null;
  deflated: number;
  maxRssMb: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timeCat(root: string): number {
  const start = performance.now();
  execFileSync('sh', ['-c', `find "${root}" -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null`]);
  return performance.now() - start;
}

function runChild(root: string, cacheDir: string, mode: 'cache' | 'no-cache'): ChildResult & { wallMs: number } {
  const start = performance.now();
  const out = spawnSync(process.execPath, ['--max-old-space-size=4096', CHILD, root, cacheDir, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const wallMs = performance.now() - start;
  if (out.status !== 0) throw new Error(`load child failed: ${out.stderr}`);
  return { ...(JSON.parse(out.stdout.trim().split('\n').pop()!) as ChildResult), wallMs };
}

/** `years` > 1: each body reports for that many consecutive years (synth.ts), as in a provincial reviewer's folder. */
export async function benchLoad(count: number, runs: number, years = 1): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), `xxgk-bench-${count}-`));
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-cache-'));
  try {
    const bytes = await makeSyntheticCorpus(root, count, { years });
    timeCat(root); // warm the OS page cache so every measurement below reads from memory alike
    // Real reports were written long before they are loaded. A file changed within RACY_MS of being read is never
    // trusted by its stamp (it could change again within the same mtime tick), so a corpus this fresh would be
    // re-read and hashed on its first warm load: wait that window out, as a real folder has.
    await new Promise((resolve) => setTimeout(resolve, RACY_MS + 500));
    const cat: number[] = [];
    const cold: Array<ChildResult & { wallMs: number }> = [];
    const warm: Array<ChildResult & { wallMs: number }> = [];
    // A clerk adds or corrects one report: that file is parsed again, and the cross-report checks run again (their
    // stored findings were for the folder as it was).
    const edited: Array<ChildResult & { wallMs: number }> = [];
    for (let i = 0; i < runs; i++) {
      cat.push(timeCat(root));
      rmSync(cacheDir, { recursive: true, force: true });
      cold.push(runChild(root, cacheDir, 'cache'));
      warm.push(runChild(root, cacheDir, 'cache'));
      editOneReport(root);
      edited.push(runChild(root, cacheDir, 'cache'));
    }
    const catMs = median(cat);
    const coldMs = median(cold.map((r) => r.wallMs));
    const warmMs = median(warm.map((r) => r.wallMs));
    const editedMs = median(edited.map((r) => r.wallMs));
    const first = median(cold.map((r) => r.firstReportMs ?? NaN));
    const firstWarm = median(warm.map((r) => r.firstReportMs ?? NaN));
    const coldRss = Math.max(...cold.map((r) => r.maxRssMb));
    const warmRss = Math.max(...warm.map((r) => r.maxRssMb));
    const editedRss = Math.max(...edited.map((r) => r.maxRssMb));
    const lastWarm = warm[warm.length - 1]!;
    const lastEdited = edited[edited.length - 1]!;
    const shape = years > 1 ? `${count / years} bodies × ${years} years` : 'one body each';
    console.log(`\nload ${count} reports (${shape}, ${(bytes / 1e6).toFixed(1)} MB, ${runs} runs, medians, ${os.availableParallelism?.() ?? os.cpus().length} cores)`);
    console.log(`  cat of the same files     ${catMs.toFixed(0).padStart(7)} ms   1.0× (baseline)`);
    console.log(`  cold load (parse + cache) ${coldMs.toFixed(0).padStart(7)} ms ${(coldMs / catMs).toFixed(1).padStart(5)}× cat   target ≤ 8×`);
    console.log(`  warm load (from cache)    ${warmMs.toFixed(0).padStart(7)} ms ${(warmMs / catMs).toFixed(1).padStart(5)}× cat   target ≤ 2×   (cached ${lastWarm.stats?.cached ?? 0}/${lastWarm.reports}, ${lastWarm.stats?.unread ?? 0} trusted by stamp unread, ${lastWarm.deflated} left deflated, cross-report findings ${lastWarm.stats?.crossReport})`);
    console.log(`  warm, one file edited     ${editedMs.toFixed(0).padStart(7)} ms ${(editedMs / catMs).toFixed(1).padStart(5)}× cat                (parsed ${lastEdited.stats?.parsed ?? 0}, cross-report findings ${lastEdited.stats?.crossReport})`);
    console.log(`  first report listed       ${first.toFixed(0).padStart(7)} ms cold, ${firstWarm.toFixed(0)} ms warm (from process start)   target ≤ 300 ms`);
    console.log(`  peak RSS                  ${Math.max(coldRss, warmRss, editedRss).toFixed(0).padStart(7)} MB   (cold ${coldRss.toFixed(0)} MB, warm ${warmRss.toFixed(0)} MB, edited ${editedRss.toFixed(0)} MB)   target < 1024 MB at 100,000`);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // bench/load.ts [counts] [runs] [years]; without arguments, 10,000 single-year reports and 10,000 over four years.
  const counts = (process.argv[2] ?? '10000').split(',').map(Number);
  const runs = Number(process.argv[3] ?? 3);
  const years = process.argv[4] ? [Number(process.argv[4])] : process.argv[2] ? [1] : [1, 4];
  for (const n of counts) for (const y of years) await benchLoad(n, runs, y);
}
