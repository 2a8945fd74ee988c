// Synthetic corpora for benchmarks and scale tests: the sample reports replicated under varied bodies and
// years, spread over nested folders the way a provincial reviewer's folder is (province/county/year).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(new URL('../corpus/sample', import.meta.url));

const BODY_NAMES = /乌鲁木齐|沙依巴克|新疆维吾尔|新疆維吾爾/g;

/** Writes `count` report files under `dir` (created) and returns their total size in bytes. */
export async function makeSyntheticCorpus(dir: string, count: number): Promise<number> {
  const names = (await fs.readdir(SEED_DIR)).filter((n) => n.endsWith('.txt')).sort();
  const seeds = await Promise.all(names.map((n) => fs.readFile(path.join(SEED_DIR, n), 'utf8')));
  let total = 0;
  const perFolder = 500;
  for (let start = 0; start < count; start += perFolder) {
    const folder = path.join(dir, `region-${String(Math.floor(start / perFolder)).padStart(4, '0')}`);
    await fs.mkdir(folder, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(count, start + perFolder); i++) {
      // Vary the body name and a figure so no two files are byte-identical (a cache keyed on content must work).
      // Every seed's body gets a distinct name (测试N号县…), so cross-report rules see distinct bodies as in a
      // real folder rather than thousands of duplicates of five.
      const text = seeds[i % seeds.length]!.replace(BODY_NAMES, `测试${i}号`) + `\n<!-- ${i} -->\n`;
      const bytes = Buffer.from(text);
      total += bytes.length;
      writes.push(fs.writeFile(path.join(folder, `report-${String(i).padStart(6, '0')}.txt`), bytes));
    }
    await Promise.all(writes);
  }
  return total;
}
