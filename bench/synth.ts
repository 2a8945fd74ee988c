// Synthetic corpora for benchmarks and scale tests: the sample reports replicated under varied bodies and
// years, spread over nested folders the way a provincial reviewer's folder is (province/county/year).
import { execFileSync } from 'node:child_process';
import { appendFileSync, promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(new URL('../corpus/sample', import.meta.url));

const BODY_NAMES = /乌鲁木齐|沙依巴克|新疆维吾尔|新疆維吾爾/g;

// Characters of made-up place names: every body gets its own, recognised as a jurisdiction as a real name is.
const NAME_CHARS = [...'安平宁康泰和兴盛永昌丰隆德福嘉瑞祥明清华新远长乐吉顺宜庆同恒广通'];

/** A made-up place name for body k: its digits in base 32, three characters or more. */
export function bodyName(k: number): string {
  let name = '';
  for (let rest = k, digits = 0; digits < 3 || rest > 0; digits++, rest = Math.floor(rest / NAME_CHARS.length)) {
    name = NAME_CHARS[rest % NAME_CHARS.length]! + name;
  }
  return name;
}

const YEAR = /(?<![0-9])(20[0-9]{2})(?=\s*年)/g;

export interface CorpusShape {
  /**
   * Consecutive years each body reports for (default 1: every file a body of its own). A provincial folder holds
   * several years of each body, and then the cross-report checks compare every report with its previous year's:
   * body k's files are one seed with every year in it moved on by 0, 1, 2….
   */
  years?: number;
}

/** Writes `count` report files under `dir` (created) and returns their total size in bytes. */
export async function makeSyntheticCorpus(dir: string, count: number, shape: CorpusShape = {}): Promise<number> {
  const years = Math.max(1, shape.years ?? 1);
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
      // Every body gets a distinct name (bodyName), so cross-report rules see distinct bodies as in a real folder
      // rather than thousands of duplicates of five.
      const body = Math.floor(i / years);
      const shift = i % years;
      let text = seeds[(years === 1 ? i : body) % seeds.length]!.replace(BODY_NAMES, bodyName(body));
      if (shift > 0) text = text.replace(YEAR, (y) => String(Number(y) + shift));
      text += `\n<!-- ${i} -->\n`;
      const bytes = Buffer.from(text);
      total += bytes.length;
      writes.push(fs.writeFile(path.join(folder, `report-${String(i).padStart(6, '0')}.txt`), bytes));
    }
    await Promise.all(writes);
  }
  // On disk before anything is timed, as a folder written long before it is loaded is: the kernel otherwise writes
  // back up to a gigabyte of new files while the loads are being timed, whenever it chooses to.
  execFileSync('sync');
  return total;
}

/**
 * Appends a newline to the first file of a synthetic corpus (in name order): one report changed, as when a clerk
 * corrects one, so a warm load parses it again and the cross-report checks run again.
 */
export function editOneReport(dir: string): void {
  const folder = path.join(dir, readdirSync(dir).sort()[0]!);
  appendFileSync(path.join(folder, readdirSync(folder).sort()[0]!), '\n');
}
