// Explorer responsiveness while a big folder loads: the built CLI runs in a real terminal (tmux) on a synthetic folder
// of four years per body with a warm cache (and one file edited since, so that the cross-report checks run rather than
// their stored findings being taken), and a probe in the process (lag-probe.mjs) records every stretch the
// JavaScript thread was busy without a break. Printed: the longest such stretch while the reports were loading, and
// while they were checked against each other (from the first "Checking" on screen to the end). A key pressed during
// a stretch waits that long.
//
//   node --import tsx bench/responsive.ts [--100k]      (npm run bench builds first; run `npm run build` otherwise)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RACY_MS } from '../src/load/entry.js';
import { editOneReport, makeSyntheticCorpus } from './synth.js';
import { requireTerminalAndBuild } from './terminal.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const CLI = path.join(REPO, 'dist/cli/main.js');
const PROBE = fileURLToPath(new URL('./lag-probe.mjs', import.meta.url));
const SOCKET = `xxgk-bench-responsive-${process.pid}`;
const TIMEOUT_MS = 10 * 60_000;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function measure(count: number): Promise<void> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-responsive-'));
  try {
    const dir = path.join(home, 'corpus');
    await makeSyntheticCorpus(dir, count, { years: 4 });
    await sleep(RACY_MS + 500); // files changed just before a load are not trusted by their stamp (entry.ts)
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache'), LANG: 'C.UTF-8' };
    const warm = spawnSync(process.execPath, [CLI, dir, '--jsonl'], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (warm.status !== 0) throw new Error(`warming the cache failed: ${warm.stderr}`);
    editOneReport(dir);
    const lagFile = path.join(home, 'lag.jsonl');
    const vars = `XDG_CONFIG_HOME=${quote(env.XDG_CONFIG_HOME)} XDG_CACHE_HOME=${quote(env.XDG_CACHE_HOME)} LANG=C.UTF-8 XXGK_LAG_OUT=${quote(lagFile)}`;
    tmux('new-session', '-d', '-s', 'run', '-x', '120', '-y', '40', `cd ${quote(REPO)} && env ${vars} ${quote(process.execPath)} --import ${quote(PROBE)} ${quote(CLI)} ${quote(dir)}; sleep 60`);
    let listedAt: number | null = null;
    let checkingAt: number | null = null;
    let doneAt: number | null = null;
    // A capture can land in the middle of a frame being written (its list drawn, its status line not yet): the load
    // is done when two captures in a row show no progress line.
    let quietSince: number | null = null;
    const started = Date.now();
    while (doneAt === null) {
      const screen = tmux('capture-pane', '-p', '-t', 'run');
      const now = Date.now();
      if (listedAt === null && /›\s*\S.*\b20\d\d\b/.test(screen)) listedAt = now;
      if (checkingAt === null && screen.includes('Checking')) checkingAt = now;
      const quiet = listedAt !== null && !/Loading|Checking/.test(screen);
      if (quiet && quietSince !== null) doneAt = quietSince;
      quietSince = quiet ? (quietSince ?? now) : null;
      if (now - started > TIMEOUT_MS) throw new Error(`the load did not finish within ${TIMEOUT_MS} ms; the screen was:\n${screen}`);
      await sleep(20);
    }
    tmux('send-keys', '-t', 'run', 'q');
    for (let i = 0; i < 100 && !existsSync(lagFile); i++) await sleep(50);
    const gaps = readFileSync(lagFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { ms: number; endedAt: number });
    // A gap belongs to the phase it ended in; the start (module loading, the first frame) is the explorer start-up
    // benchmark's business (tui.ts).
    const longest = (from: number, to: number) => Math.max(0, ...gaps.filter((g) => g.endedAt > from && g.endedAt <= to + 100).map((g) => g.ms));
    const loading = longest(listedAt!, checkingAt ?? doneAt);
    const checking = checkingAt === null ? null : longest(checkingAt, doneAt);
    console.log(`\nexplorer responsiveness, ${count.toLocaleString('en')} reports (four years per body), warm cache, one file edited, tmux 120×40`);
    console.log(`  loaded in ${((doneAt - started) / 1000).toFixed(1)} s; longest the thread was busy without a break:`);
    console.log(`  while loading                  ${String(loading).padStart(6)} ms`);
    console.log(`  while checking across reports  ${checking === null ? '  (too quick to see)' : `${String(checking).padStart(6)} ms`}`);
  } finally {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { stdio: 'ignore' });
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  requireTerminalAndBuild(`bench/responsive.ts`, CLI);
  await measure(process.argv.includes('--100k') ? 100_000 : 10_000);
}
