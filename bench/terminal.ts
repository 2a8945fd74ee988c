// What the benchmarks that run the explorer in a real terminal need before they start: tmux, and the built CLI.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Exits with a message naming the benchmark when tmux or the built CLI is missing. */
export function requireTerminalAndBuild(bench: string, cli: string): void {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    console.error(`${bench}: tmux is not installed (apt-get install tmux); this benchmark needs a real terminal.`);
    process.exit(1);
  }
  if (!existsSync(cli)) {
    console.error(`${bench}: ${cli} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
}
