// Preloaded (`node --import`) into each explorer bench/tui.ts starts: writes to $XXGK_BENCH_FIRST_ROW when the first
// output holding a report row ($XXGK_BENCH_ROW, a pattern) was written to the terminal, by the process's own clock
// (performance.now(): milliseconds since the process started). The screen figure adds the terminal's share (tmux
// starting the pane, a shell, drawing and being polled); this one is the program's alone.
import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.XXGK_BENCH_FIRST_ROW;
const row = process.env.XXGK_BENCH_ROW ? new RegExp(process.env.XXGK_BENCH_ROW) : null;
if (file && row) {
  const write = process.stdout.write.bind(process.stdout);
  let seen = false;
  process.stdout.write = (chunk, ...rest) => {
    if (seen || !row.test(String(chunk))) return write(chunk, ...rest);
    seen = true;
    const at = performance.now();
    const written = write(chunk, ...rest);
    // Written aside, then renamed: the benchmark reads the file as soon as it exists, and must never read it empty.
    writeFileSync(`${file}.tmp`, at.toFixed(1));
    renameSync(`${file}.tmp`, file);
    return written;
  };
}
