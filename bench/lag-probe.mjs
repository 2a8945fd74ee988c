// Preloaded into the explorer by bench/responsive.ts (`node --import ./bench/lag-probe.mjs …`): measures how long the
// JavaScript thread is ever busy without a break. A 10 ms timer notes every gap longer than 50 ms between its ticks
// (a key pressed then would wait as long), and at exit the gaps are written as JSON lines to XXGK_LAG_OUT, each with
// the wall-clock time it ended, so the benchmark can match them with what it saw on the screen.
import { appendFileSync } from 'node:fs';

const out = process.env.XXGK_LAG_OUT;
if (out) {
  const gaps = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 50) gaps.push({ ms: Math.round(now - last), endedAt: Date.now() });
    last = now;
  }, 10).unref();
  process.on('exit', () => appendFileSync(out, gaps.map((g) => JSON.stringify(g)).join('\n') + '\n'));
}
