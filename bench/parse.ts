// Parse benchmark: median CPU milliseconds per report of parseReport over the seed reports and their layout
// variants, next to a baseline measured in the same run on the same files (read from disk + UTF-8 decode),
// so the ratio stays comparable across machines. Also prints parse + per-report checks, the all-in figure the
// load budget (≈1 ms of CPU per report) is about.
// Run: node --import tsx bench/parse.ts [rounds]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport, DEFAULT_THRESHOLDS } from '../src/parse/checks/index.js';
import { parseReport } from '../src/parse/index.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const DIRS = ['seeds', 'variants'];
const ROUNDS = Number(process.argv[2] ?? 15);
/** Each round parses every file this many times, so one round lasts long enough to time reliably. */
const REPEAT = 4;
/** The baseline is ~100× cheaper: more repetitions for the same round length. */
const BASELINE_REPEAT = 100;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const paths = DIRS.flatMap((d) =>
  readdirSync(path.join(FIXTURES, d))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(FIXTURES, d, f)),
);
const files = paths.map((p) => ({ file: path.relative(FIXTURES, p), bytes: readFileSync(p) }));
const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
const decoder = new TextDecoder('utf-8');

/** CPU milliseconds (user + system: other processes on a busy machine do not count) per report of `run`. */
function timeRound(run: (f: (typeof files)[number], p: string) => void, repeat = REPEAT): number {
  const start = process.cpuUsage();
  for (let r = 0; r < repeat; r++) for (let i = 0; i < files.length; i++) run(files[i]!, paths[i]!);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / (repeat * files.length);
}

let sink = 0; // keeps the baseline's work observable so it is not optimised away
const baselineRun = (_f: (typeof files)[number], p: string): void => {
  sink += decoder.decode(readFileSync(p)).length;
};
const parseRun = (f: (typeof files)[number]): void => {
  sink += parseReport({ file: f.file, bytes: f.bytes }).sections.length;
};
let checksAvailable = true;
const allInRun = (f: (typeof files)[number]): void => {
  const report = parseReport({ file: f.file, bytes: f.bytes });
  if (checksAvailable) {
    try {
      sink += checkReport(report, DEFAULT_THRESHOLDS).length;
    } catch {
      checksAvailable = false; // another engineer's rule mid-edit must not break the parse figure
    }
  }
};

// Warm-up: the JIT, opencc's tables and every lazy regex, so rounds measure the steady state a 10,000-file load sees.
for (let k = 0; k < 3; k++) {
  timeRound(baselineRun, BASELINE_REPEAT);
  timeRound(parseRun);
  timeRound(allInRun);
}

const baseline: number[] = [];
const parse: number[] = [];
const allIn: number[] = [];
for (let k = 0; k < ROUNDS; k++) {
  baseline.push(timeRound(baselineRun, BASELINE_REPEAT));
  parse.push(timeRound(parseRun));
  allIn.push(timeRound(allInRun));
}

const perFile = files.map((f) => {
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const start = process.cpuUsage();
    parseReport({ file: f.file, bytes: f.bytes });
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return { file: f.file, kb: f.bytes.length / 1024, ms: median(times) };
});

const b = median(baseline);
const p = median(parse);
const a = median(allIn);
console.log(`parse benchmark (CPU time): ${files.length} reports (${(totalBytes / 1024).toFixed(0)} KB, mean ${(totalBytes / files.length / 1024).toFixed(1)} KB), ${ROUNDS} rounds × ${REPEAT}`);
console.log(`  baseline (read + utf-8 decode)  ${b.toFixed(4)} ms/report`);
console.log(`  parseReport                     ${p.toFixed(3)} ms/report   ${(p / b).toFixed(1)}× baseline`);
console.log(`  parseReport + checkReport       ${checksAvailable ? `${a.toFixed(3)} ms/report   ${(a / b).toFixed(1)}× baseline` : 'n/a (checks failed)'}`);
console.log('  slowest reports (median of 7):');
for (const r of perFile.sort((x, y) => y.ms - x.ms).slice(0, 5)) {
  console.log(`    ${r.ms.toFixed(3)} ms  ${r.kb.toFixed(1)} KB  ${r.file}`);
}
if (sink < 0) console.log(sink);
