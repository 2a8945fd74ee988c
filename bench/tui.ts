// Explorer start-up benchmark, measured as a person sees it: the built CLI is started in a real terminal (tmux)
// and the screen is read every ~10 ms, once the program says it has written a report row (first-row-probe.mjs),
// until the row is on it. Printed next to the same polling watching a trivial `node -e` print one line (tmux + Node
// start-up, the floor), measured in the same run, and with when the program wrote the row by its own clock. Medians.
//
//   node --import tsx bench/tui.ts [runs] [--100k]      (npm run bench builds first; run `npm run build` otherwise)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RACY_MS } from '../src/load/entry.js';
// @ts-expect-error: a build script in plain JavaScript, without types
import { buildWithoutShippedCode } from '../scripts/build-copy.mjs';
import { SEED_DIR, makeSyntheticCorpus } from './synth.js';
import { requireTerminalAndBuild } from './terminal.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const CLI = path.join(REPO, 'dist/cli/main.js');
/** A private tmux server, so the benchmark neither sees nor disturbs the user's sessions. */
const SOCKET = `xxgk-bench-tui-${process.pid}`;
const POLL_MS = 10;
const TIMEOUT_MS = 60_000;

/** The list's selected row: the cursor mark, then a body name and a year (乌鲁木齐市人… 2021 pref). */
const REPORT_ROW = /›\s*\S.*\b(19|20)\d\d\b/;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let sessionCount = 0;

/** A program to time: its command line and, for the explorer, the file its probe writes (first-row-probe.mjs). */
interface Start {
  command: string;
  probe?: string;
}

/** Milliseconds from spawn until the row was on screen; and when the program wrote it, by its own clock. */
interface Timing {
  screen: number;
  written: number | null;
}

/**
 * Times `start` in a fresh 120×40 pane until `seen(screen)` holds. `lingerMs`: how long the program runs on after
 * that before it is killed (a start the next one learns from: the explorer keeps V8's code just after its first
 * frame). With a probe, the screen is read only once the program has written the row (and every 250 ms before, so a
 * program that never does still shows its screen in the error): each read is a tmux client process, and reading every
 * 10 ms from the start took ~20 % of a core from the program being timed, on a machine of two.
 */
async function timeToScreen(start: Start, seen: (screen: string) => boolean, lingerMs = 0): Promise<Timing> {
  const session = `run${sessionCount++}`;
  const begun = performance.now();
  // `; sleep` keeps the pane (and its last screen) alive if the command ends before it is seen.
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', `${start.command}; sleep 60`);
  try {
    let lastRead = -Infinity;
    for (;;) {
      const now = performance.now() - begun;
      if (start.probe && !existsSync(start.probe) && now - lastRead < 250 && now <= TIMEOUT_MS) {
        await sleep(2);
        continue;
      }
      const screen = tmux('capture-pane', '-p', '-t', session);
      const elapsed = performance.now() - begun;
      lastRead = elapsed;
      if (seen(screen)) {
        await sleep(lingerMs);
        return { screen: elapsed, written: start.probe ? await probed(start.probe) : null };
      }
      if (elapsed > TIMEOUT_MS) throw new Error(`nothing seen after ${TIMEOUT_MS} ms running ${start.command}; the screen was:\n${screen}`);
      await sleep(POLL_MS);
    }
  } finally {
    tmux('kill-session', '-t', session);
  }
}

/** Preloaded into every explorer started here: notes when the first report row was written (first-row-probe.mjs). */
const PROBE = pathToFileURL(path.join(REPO, 'bench/first-row-probe.mjs')).href;
let probes = 0;

/**
 * The CLI's explorer on `dir`, with its own config and cache folders (an empty cache unless `cacheDir` is warm), from
 * the build in `build` (default: this repository's).
 */
function explorerCommand(dir: string, home: string, cacheDir: string, build = REPO): Start {
  const probe = path.join(home, `first-row-${probes++}`);
  const probeEnv = `XXGK_BENCH_FIRST_ROW=${quote(probe)} XXGK_BENCH_ROW=${quote(REPORT_ROW.source)}`;
  const env = `XDG_CONFIG_HOME=${quote(path.join(home, 'config'))} XDG_CACHE_HOME=${quote(cacheDir)} LANG=C.UTF-8 ${probeEnv}`;
  return { command: `cd ${quote(build)} && env ${env} ${quote(process.execPath)} --import ${quote(PROBE)} ${quote(path.join(build, 'dist/cli/main.js'))} ${quote(dir)}`, probe };
}

/** When the probe in `file` saw the first report row written, by the process's clock; null if it never wrote. */
async function probed(file: string): Promise<number | null> {
  for (const deadline = performance.now() + 2000; performance.now() < deadline; await sleep(20)) {
    if (existsSync(file)) return Number(readFileSync(file, 'utf8'));
  }
  return null;
}

/** Fills `cacheDir` the way the explorer would, through a scripted run of the same CLI over the whole folder. */
function warmCache(dir: string, home: string, cacheDir: string): void {
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: cacheDir };
  const out = spawnSync(process.execPath, [CLI, dir, '--jsonl'], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`warming the cache failed: ${out.stderr}`);
}

/**
 * Removes a killed explorer's cache folder. The explorer may still be ending (its store closing, a worker finishing a
 * file) and writing into it, which makes a removal fail with ENOTEMPTY: tried again for up to 10 s, then given up on
 * (the run's folder is removed with the rest at the end).
 */
async function removeOnceWritten(dir: string): Promise<void> {
  for (const deadline = performance.now() + 10_000; ; ) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch (err) {
      if (performance.now() > deadline) return console.warn(`(could not remove ${dir} yet: ${(err as Error).message})`);
      await sleep(100);
    }
  }
}

interface Scenario {
  label: string;
  run: (i: number) => Promise<Timing>;
}

export async function benchTui(runs: number, withHundredThousand: boolean): Promise<void> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-tui-'));
  // The same build without the compiled code it ships (scripts/seed-code-cache.mjs), as a package built by another
  // Node would be: its first start compiles the bundles. It shows what that code is worth to an empty cache.
  const unshipped = buildWithoutShippedCode('bench-tui-');
  try {
    tmux('new-session', '-d', '-s', 'keepalive', 'sleep 100000'); // the server stays up: every run starts a pane, not a server
    const counts = withHundredThousand ? [10_000, 100_000] : [10_000];
    const folders = new Map<number, string>();
    for (const n of counts) {
      const dir = path.join(home, `corpus-${n}`);
      await makeSyntheticCorpus(dir, n);
      folders.set(n, dir);
    }
    // As in load.ts: files changed within RACY_MS of being read are not trusted by their stamp; real reports are old.
    await new Promise((resolve) => setTimeout(resolve, RACY_MS + 500));
    const scenarios: Scenario[] = [
      {
        label: 'baseline: node -e printing one line',
        run: () => timeToScreen({ command: `${quote(process.execPath)} -e "console.log('xxgk-ready')"` }, (s) => s.includes('xxgk-ready')),
      },
      {
        // As `npm start` the first time after `npm install`: no cache, the compiled code the build left (shipped).
        label: 'sample corpus (5 reports), empty cache',
        run: (i) => timeToScreen(explorerCommand(SEED_DIR, home, path.join(home, `cache-sample-${i}`)), (s) => REPORT_ROW.test(s)),
      },
      {
        label: 'sample, empty cache, no shipped code',
        run: (i) => timeToScreen(explorerCommand(SEED_DIR, home, path.join(home, `cache-sample-unshipped-${i}`), unshipped), (s) => REPORT_ROW.test(s)),
      },
      {
        // As `npm start` the second time: the cache holds the sample's reports and the explorer's compiled code.
        label: 'sample corpus, second start',
        run: (i) => {
          const cache = path.join(home, `cache-sample-again-${i}`);
          return timeToScreen(explorerCommand(SEED_DIR, home, cache), (s) => REPORT_ROW.test(s), 1000).then(() => timeToScreen(explorerCommand(SEED_DIR, home, cache), (s) => REPORT_ROW.test(s)));
        },
      },
    ];
    for (const [n, dir] of folders) {
      const warm = path.join(home, `cache-warm-${n}`);
      mkdirSync(warm, { recursive: true });
      warmCache(dir, home, warm);
      // …and the explorer has been opened before, as a user who opens a folder again has: it kept its compiled code.
      await timeToScreen(explorerCommand(dir, home, warm), (s) => REPORT_ROW.test(s), 1000);
      scenarios.push(
        {
          label: `${n.toLocaleString('en')} reports, empty cache`,
          run: (i) => {
            const cold = path.join(home, `cache-cold-${n}-${i}`);
            return timeToScreen(explorerCommand(dir, home, cold), (s) => REPORT_ROW.test(s)).finally(() => removeOnceWritten(cold));
          },
        },
        {
          label: `${n.toLocaleString('en')}, empty cache, no shipped code`,
          run: (i) => {
            const cold = path.join(home, `cache-cold-unshipped-${n}-${i}`);
            return timeToScreen(explorerCommand(dir, home, cold, unshipped), (s) => REPORT_ROW.test(s)).finally(() => removeOnceWritten(cold));
          },
        },
        { label: `${n.toLocaleString('en')} reports, warm cache`, run: () => timeToScreen(explorerCommand(dir, home, warm), (s) => REPORT_ROW.test(s)) },
      );
    }
    const times = scenarios.map(() => [] as number[]);
    const written = scenarios.map(() => [] as number[]);
    // Interleaved (one of each, then again), so a burst of load on the machine spreads over every scenario.
    for (let i = 0; i < runs; i++) {
      for (const [k, scenario] of scenarios.entries()) {
        const { screen, written: at } = await scenario.run(i);
        times[k]!.push(screen);
        if (at !== null) written[k]!.push(at);
        await sleep(300); // let the killed explorer's workers exit before the next start
      }
    }
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    console.log(`\nexplorer: first report row on screen, from spawn (tmux 120×40, polled every ${POLL_MS} ms, ${runs} runs, medians, ${cores} cores)`);
    console.log(`  and, after "written at", when the program wrote it to the terminal by its own clock (from process start)`);
    const baseline = median(times[0]!);
    for (const [k, scenario] of scenarios.entries()) {
      const ms = median(times[k]!);
      const own = written[k]!.length > 0 ? `   written at ${median(written[k]!).toFixed(0)} ms` : '';
      const extra = k === 0 ? '(floor: tmux + node start)' : `+${(ms - baseline).toFixed(0)} ms over baseline${own}   target ≤ 300 ms`;
      console.log(`  ${scenario.label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms   ${extra}   [${times[k]!.map((t) => t.toFixed(0)).join(' ')}]`);
    }
  } finally {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { stdio: 'ignore' });
    rmSync(home, { recursive: true, force: true });
    rmSync(unshipped, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  requireTerminalAndBuild(`bench/tui.ts`, CLI);
  const args = process.argv.slice(2);
  const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
  await benchTui(runs, args.includes('--100k'));
}
