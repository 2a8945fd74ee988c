// Time to the first line of `xxgk DIR --jsonl | head -1` on a generated 10,000-report folder, against
// `cat` of the same files as a floor. --jsonl streams, so this should not grow with the folder.
// Run: npm run build && npm run bench   (or: node --import tsx bench/jsonl-first-line.ts [reports])
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = path.join(ROOT, 'dist/cli/main.js');
const SEEDS = path.join(ROOT, 'test/fixtures/seeds');
const REPORTS = Number(process.argv[2] ?? 10_000);
const RUNS = 5;

/** Copies of the seeds with varied file names, folders and report years. */
function generate(count: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-'));
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: readFileSync(path.join(SEEDS, f), 'utf8') }));
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length]!;
    const year = 2015 + (Math.floor(i / seeds.length) % 10);
    const folder = path.join(dir, `region-${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    const text = seed.text.replace(/20(1\d|2\d)年/g, `${year}年`);
    writeFileSync(path.join(folder, `${String(i).padStart(5, '0')}-${year}-${seed.name}`), text);
  }
  return dir;
}

/** Milliseconds from spawning the pipeline to the first complete line on its stdout. */
function firstLineMs(command: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    let done = false;
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (!done && seen.includes('\n')) {
        done = true;
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
      }
    });
    child.on('exit', () => {
      if (!done) reject(new Error(`no line from: ${command}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(label: string, command: string): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstLineMs(command));
  console.log(`${label.padEnd(34)} median ${median(times).toFixed(0).padStart(6)} ms   runs: ${times.map((t) => t.toFixed(0)).join(', ')}`);
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error('build first: npm run build');
  const dir = generate(REPORTS);
  try {
    console.log(`jsonl-first-line: ${REPORTS} reports in ${dir}, ${RUNS} runs each`);
    await measure('cat FILES | head -1 (baseline)', `find "${dir}" -name '*.txt' -print0 | sort -z | xargs -0 cat 2>/dev/null | head -1`);
    await measure('xxgk DIR --jsonl | head -1', `"${process.execPath}" "${MAIN}" "${dir}" --jsonl | head -1`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
