// Loads a folder of reports: discover → read → parse, streamed so that the first report is usable at once.
import { promises as fs } from 'node:fs';
import { parseReport } from '../parse/index.js';
import type { Report } from '../parse/model.js';
import { discover, problemFrom, type FoundFile } from './discover.js';
import type { Corpus, LoadItem, LoadProblem } from './types.js';

export async function* loadReports(root: string): AsyncGenerator<LoadItem> {
  for await (const found of discover(root)) {
    if (found.kind === 'problem') {
      yield found;
      continue;
    }
    yield await readReport(root, found.found);
  }
}

export async function readReport(root: string, found: FoundFile): Promise<LoadItem> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(found.path);
  } catch (err) {
    return { kind: 'problem', problem: problemFrom(root, found.path, err) };
  }
  return { kind: 'report', report: parseReport({ file: found.file, bytes, sourceFormat: 'txt' }) };
}

export async function loadCorpus(root: string): Promise<Corpus> {
  const reports: Report[] = [];
  const problems: LoadProblem[] = [];
  for await (const item of loadReports(root)) {
    if (item.kind === 'report') reports.push(item.report);
    else problems.push(item.problem);
  }
  return { root, reports, problems };
}
