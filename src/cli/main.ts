#!/usr/bin/env node
// Entry point. Wires load → parse → output; the TUI and the full flag set arrive in their own modules.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../load/load.js';
import { formatSummary } from './summary.js';

export const SAMPLE_CORPUS = fileURLToPath(new URL('../../corpus/sample', import.meta.url));

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const positional = argv.filter((a) => !a.startsWith('-'));
  const dir = path.resolve(positional[0] ?? SAMPLE_CORPUS);
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    process.stderr.write(`xxgk: cannot open folder ${dir}: ${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : code}\n`);
    return 2;
  }
  const corpus = await loadCorpus(dir);
  for (const p of corpus.problems) process.stderr.write(`xxgk: ${p.file}: ${p.message}\n`);
  if (json) process.stdout.write(JSON.stringify(corpus.reports, null, 2) + '\n');
  else process.stdout.write(formatSummary(corpus.reports));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`xxgk: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
