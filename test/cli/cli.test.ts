// End-to-end: the built CLI on the seed reports, checked by stdout, stderr and exit code.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_ROWS, getPath } from '../../src/parse/dictionary.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, type Report } from '../../src/parse/model.js';
import { MAIN, ROOT, SEEDS, ensureBuilt, removeTempDirs, replicatedSeeds, tempDir, xxgk } from './run.js';

const SEED_000 = '000_81e12db4ab5ce8f0.txt';
const SEED_001 = '001_3c37fa3851a0a726.txt';
const SEED_002 = '002_8d388e7911cc997b.txt';
const SEED_003 = '003_9f2672fdddbd3341.txt';
const SEED_004 = '004_7155ca732c79b54b.txt';
const expected = (seed: string) => JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/expected', seed.replace('.txt', '.json')), 'utf8'));

const jsonOf = (args: string[]): Report[] => {
  const run = xxgk([SEEDS, '--json', ...args]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report[];
};
const filesOf = (args: string[]) => jsonOf(args).map((r) => r.file);
const oneLine = (s: string) => s.trimEnd().split('\n').length === 1;

beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => removeTempDirs());

describe('help and version', () => {
  it('--help prints usage and examples to stdout', () => {
    const run = xxgk(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage:');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('--jsonl');
    expect(run.stdout).toContain('--correction-rate');
    expect(run.stderr).toBe('');
    expect(xxgk(['-h']).stdout).toBe(run.stdout);
  });

  it('--version prints the version from package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const run = xxgk([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${pkg.version}\n`);
    }
  });
});

describe('usage errors exit 2 with one line on stderr and nothing on stdout', () => {
  const cases: Array<[string[], string]> = [
    [['--jsn'], 'unknown option --jsn (did you mean --json?)'],
    [['--frobnicate'], 'unknown option --frobnicate'],
    [['--year', '20x1'], '--year'],
    [['--year', '2023..2019'], 'ends before it starts'],
    [['--level', 'city'], '--level'],
    [['--format-gen', '2020'], '--format-gen'],
    [['--fail-on', 'fatal'], '--fail-on'],
    [['--lang', 'fr'], '--lang'],
    [['--csv=tall'], '--csv: expected long or wide'],
    [['--correction-rate', '2'], '--correction-rate'],
    [['--copy-similarity', 'high'], '--copy-similarity'],
    [['--deadline-department', '13-01'], '--deadline-department'],
    [['--deadline-government', '3/31'], '--deadline-government'],
    [['--has-anomaly=Bad!'], '--has-anomaly'],
    [['--json', '--csv'], 'choose one output format'],
    [['--stats', '--check'], 'cannot be combined'],
    [['--stats', '--jsonl'], '--stats'],
    [['-q'], 'needs a value'],
    [['--json', '-o', ''], '--output'],
    [[SEEDS, SEEDS], 'expected one folder'],
  ];
  for (const [args, message] of cases) {
    it(args.join(' ') || '(empty)', () => {
      const run = xxgk(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(oneLine(run.stderr)).toBe(true);
      expect(run.stderr).toMatch(/^xxgk: /);
      expect(run.stderr).toContain('--help');
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});

describe('folders', () => {
  it('a missing folder: exit 2, one clear line', () => {
    const run = xxgk(['/no/such/folder', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('xxgk: no such folder: /no/such/folder\n');
  });

  it('a file instead of a folder: exit 2', () => {
    const run = xxgk([path.join(SEEDS, SEED_000)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a folder');
  });

  it('an empty folder: exit 1, nothing matched, valid empty JSON', () => {
    const dir = tempDir();
    const run = xxgk([dir, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toContain('the folder is empty');
    const summary = xxgk([dir]);
    expect(summary.code).toBe(1);
    expect(summary.stdout).toBe('');
  });

  it('a folder with no report files: exit 1 and says so', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.md'), '# not a report\n');
    const run = xxgk([dir, '--jsonl']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no report files');
  });

  it('without DIR, scripted runs read the bundled sample corpus', () => {
    const run = xxgk(['--json']);
    expect(run.code).toBe(0);
    const files = (JSON.parse(run.stdout) as Report[]).map((r) => r.file).sort();
    expect(files).toEqual(readdirSync(path.join(ROOT, 'corpus/sample')).filter((f) => f.endsWith('.txt')).sort());
  });
});

describe('default output when stdout is not a terminal', () => {
  it('prints the summary table, never the explorer or colour', () => {
    const run = xxgk([SEEDS]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^Body\s+Year/);
    expect(run.stdout).toContain('乌鲁木齐市人民政府');
    expect(run.stdout).not.toContain('\u001b');
    expect(lines.find((l) => l.includes(SEED_000))).toMatch(/\b2021\b.*\b703\b/);
    expect(xxgk([SEEDS, '--summary']).stdout).toBe(run.stdout);
  });

  it('--lang zh prints Chinese headings', () => {
    expect(xxgk([SEEDS, '--lang', 'zh']).stdout).toMatch(/^机关\s+年度/);
  });
});

describe('--json and --jsonl', () => {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'docs/report.schema.json'), 'utf8')));
  const explain = () => ajv.errorsText(validate.errors);

  it('--json prints one array with the seeds’ real figures', () => {
    const reports = jsonOf([]);
    expect(reports.map((r) => r.file)).toEqual([SEED_000, SEED_001, SEED_002, SEED_003, SEED_004]);
    expect(reports[0]!.applications?.newReceived.total).toBe(703);
    expect(reports[4]!.active?.licensing?.decisions).toBe(1539);
    for (const r of reports) expect(validate(r), `${r.file}: ${explain()}`).toBe(true);
  });

  it('--jsonl prints one valid report per line', () => {
    const run = xxgk([SEEDS, '--jsonl']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(validate(JSON.parse(line)), explain()).toBe(true);
  });

  it('every fixture folder’s output validates against docs/report.schema.json', () => {
    for (const folder of ['seeds', 'variants', 'formats']) {
      const run = xxgk([path.join(ROOT, 'test/fixtures', folder), '--jsonl']);
      expect(run.code).toBe(0);
      const reports = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Report);
      expect(reports.length).toBeGreaterThan(0);
      for (const r of reports) expect(validate(r), `${folder}/${r.file}: ${explain()}`).toBe(true);
    }
  });

  it('-j is --json', () => {
    expect(xxgk([SEEDS, '-j']).stdout).toBe(xxgk([SEEDS, '--json']).stdout);
  });

  it('a reader that stops early (| head -1) gets one line and the run ends quietly with 0', () => {
    const dir = replicatedSeeds(200);
    const result = spawnShell(`"${process.execPath}" "${MAIN}" "${dir}" --jsonl | head -1 > /dev/null; echo "\${PIPESTATUS[0]}"`);
    expect(result.stdout.trim()).toBe('0');
    expect(result.stderr).toBe('');
  });
});

describe('--csv', () => {
  type Row = { file: string; jurisdiction: string; year: string; table: string; row: string; column: string; value: string };
  const rows = (): Row[] => {
    const run = xxgk([SEEDS, '--csv']);
    expect(run.code).toBe(0);
    expect(run.raw[0]).not.toBe(0xef); // no BOM on stdout
    return parseCsv(run.stdout, { columns: true, skip_empty_lines: true }) as Row[];
  };

  it('long form round-trips: every table figure of every seed is recovered', () => {
    const all = rows();
    expect(Object.keys(all[0]!)).toEqual(['file', 'jurisdiction', 'year', 'table', 'row', 'column', 'value']);
    const value = (file: string, table: string, row: string, column: string) => {
      const hit = all.filter((r) => r.file === file && r.table === table && r.row === row && r.column === column);
      expect(hit.length, `${file} ${table}.${row}.${column}`).toBe(1);
      return hit[0]!.value === '' ? null : Number(hit[0]!.value);
    };
    for (const seed of [SEED_000, SEED_002, SEED_004]) {
      const want = expected(seed);
      for (const def of APPLICATION_ROWS) {
        for (const c of APPLICANT_COLUMNS) expect(value(seed, 'applications', def.id, c)).toBe((getPath(want.applications, def.id) as Record<string, number | null>)[c]);
      }
      for (const g of REVIEW_GROUPS) for (const c of REVIEW_COLUMNS) expect(value(seed, 'reviews', g, c)).toBe(want.reviews[g][c]);
      for (const [row, cols] of Object.entries(want.active as Record<string, Record<string, number | null>>)) {
        if (row === 'extra' || row === 'procurement') continue;
        for (const [c, v] of Object.entries(cols)) expect(value(seed, 'active', row, c)).toBe(v);
      }
    }
    expect(value(SEED_000, 'applications', 'newReceived', 'total')).toBe(703);
    expect(value(SEED_004, 'active', 'licensing', 'decisions')).toBe(1539);
  });

  it('wide form: one row per report with the main totals', () => {
    const run = xxgk([SEEDS, '--csv', 'wide']);
    const table = parseCsv(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(table).toHaveLength(5);
    const byFile = Object.fromEntries(table.map((r) => [r.file, r]));
    expect(byFile[SEED_000]!.newReceived).toBe('703');
    expect(byFile[SEED_000]!.year).toBe('2021');
    expect(byFile[SEED_004]!.licensingDecisions).toBe('1539');
    expect(byFile[SEED_003]!.newReceived).toBe(''); // a legacy report has no table 3: blank, not 0
  });

  it('-o writes a file with a BOM, atomically, and nothing to stdout', () => {
    const dir = tempDir();
    const target = path.join(dir, 'figures.csv');
    const run = xxgk([SEEDS, '--csv', '-o', target]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const bytes = readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(xxgk([SEEDS, '--csv']).stdout);
    expect(readdirSync(dir)).toEqual(['figures.csv']); // no temp file left
  });

  it('-o into a folder that does not exist: exit 2', () => {
    const run = xxgk([SEEDS, '--json', '-o', '/no/such/dir/out.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^xxgk: cannot write .*ENOENT/);
  });

  it('strips control characters from text fields (a file name with an escape sequence)', () => {
    const dir = tempDir();
    copyFileSync(path.join(SEEDS, SEED_004), path.join(dir, 'a\u001b[31mred\u0007.txt'));
    for (const args of [['--csv'], ['--csv', 'wide'], ['--summary']]) {
      const run = xxgk([dir, ...args]);
      expect(run.stdout, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(run.stdout).toContain('ared.txt'); // the whole escape sequence goes, not only ESC
    }
  });
});

describe('selection', () => {
  it('-q uses the explorer’s search: pinyin, Traditional input, a year', () => {
    expect(filesOf(['-q', 'wlmq']).sort()).toEqual([SEED_000, SEED_003, SEED_004]);
    expect(filesOf(['-q', '新疆維吾爾'])).toEqual([SEED_001]);
    expect(filesOf(['--query', 'wlmq 2021'])).toEqual([SEED_000]);
    expect(filesOf(['-q', 'sybk'])).toEqual([SEED_002]);
  });

  it('--year, a single year or a range', () => {
    expect(filesOf(['--year', '2021'])).toEqual([SEED_000, SEED_001]);
    expect(filesOf(['-y', '2021..2023'])).toEqual([SEED_000, SEED_001, SEED_002]);
  });

  it('--level and --format-gen', () => {
    expect(filesOf(['--level', 'county'])).toEqual([SEED_004]);
    expect(filesOf(['--level', 'province,department'])).toEqual([SEED_001, SEED_002]);
    expect(filesOf(['--format-gen', 'legacy'])).toEqual([SEED_003]);
  });

  it('--has-anomaly: any, a severity at or above, a rule', () => {
    const all = jsonOf([]);
    const withAny = all.filter((r) => r.anomalies.length > 0).map((r) => r.file);
    const withError = all.filter((r) => r.anomalies.some((a) => a.severity === 'error')).map((r) => r.file);
    const withWarningOrError = all.filter((r) => r.anomalies.some((a) => a.severity !== 'info')).map((r) => r.file);
    expect(filesOf(['--has-anomaly'])).toEqual(withAny);
    expect(filesOf(['--has-anomaly', 'error'])).toEqual(withError);
    expect(filesOf(['--has-anomaly', 'warning'])).toEqual(withWarningOrError);
    const rule = all.flatMap((r) => r.anomalies)[0]?.id ?? 'balance';
    expect(filesOf([`--has-anomaly=${rule}`])).toEqual(all.filter((r) => r.anomalies.some((a) => a.id === rule)).map((r) => r.file));
  });

  it('nothing matched: exit 1 and a message on stderr', () => {
    const run = xxgk([SEEDS, '-q', '上海市', '--jsonl']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no report matches');
  });

  it('--jsonl streams the same selection', () => {
    const lines = xxgk([SEEDS, '--jsonl', '-q', 'wlmq', '--year', '2017..2021']).stdout.trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Report).file)).toEqual([SEED_000, SEED_003]);
  });
});

describe('--stats', () => {
  it('--json: outcome totals and rates per group and applicant type, by year and overall', () => {
    const run = xxgk([SEEDS, '--stats', '--json']);
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout) as Array<{ scope: string; year: number | null; reports: number; outcomes: Record<string, Record<string, number>>; rates: Record<string, Record<string, number | null>> }>;
    expect(stats.map((s) => s.year)).toEqual([2017, 2021, 2023, 2024, null]);
    const y2021 = stats.find((s) => s.year === 2021)!;
    expect(y2021.reports).toBe(2);
    const want = expected(SEED_000).applications;
    expect(y2021.outcomes.granted!.total).toBe(want.granted.total);
    expect(y2021.outcomes.partial!.naturalPerson).toBe(want.partial.naturalPerson);
    expect(y2021.rates.granted!.total).toBeCloseTo(want.granted.total / want.outcomeTotal.total, 6);
    const all = stats.at(-1)!;
    expect(all.scope).toBe('all');
    expect(all.reports).toBe(5);
  });

  it('--csv: year,group,column,count,rate', () => {
    const rows = parseCsv(xxgk([SEEDS, '--stats', '--csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    const granted = rows.find((r) => r.year === '2021' && r.group === 'granted' && r.column === 'total')!;
    expect(Number(granted.count)).toBe(expected(SEED_000).applications.granted.total);
    expect(rows.filter((r) => r.year === 'all')).toHaveLength(6 * 7);
  });

  it('text: a table per year', () => {
    const run = xxgk([SEEDS, '--stats', '--year', '2024']);
    expect(run.stdout).toContain('2024: 1 report,');
    expect(run.stdout).toMatch(/Granted/);
  });
});

describe('--check and exit codes', () => {
  const all = () => jsonOf([]);

  it('groups anomalies by report and ends with a one-line tally; exit follows --fail-on', () => {
    const reports = all();
    const anomalies = reports.flatMap((r) => r.anomalies);
    const run = xxgk([SEEDS, '--check']);
    expect(run.code).toBe(anomalies.some((a) => a.severity === 'error') ? 1 : 0);
    const lastLine = run.stdout.trimEnd().split('\n').at(-1)!;
    const count = (s: string) => anomalies.filter((a) => a.severity === s).length;
    const n = (k: number, noun: string) => `${k} ${noun}${k === 1 ? '' : 's'}`;
    expect(lastLine).toBe(`5 reports checked: ${n(count('error'), 'error')}, ${n(count('warning'), 'warning')}, ${count('info')} info in ${n(reports.filter((r) => r.anomalies.length).length, 'report')}`);
    for (const a of anomalies) expect(run.stdout).toContain(`${a.id}: ${a.message}`);
    expect(xxgk([SEEDS, '--check', '--fail-on', 'info']).code).toBe(anomalies.length > 0 ? 1 : 0);
  });

  it('a report with no anomalies passes', () => {
    const clean = all().filter((r) => r.anomalies.length === 0);
    for (const r of clean) {
      const run = xxgk([SEEDS, '--check', '--fail-on', 'info', '-q', `'${r.file}`]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('1 report checked: 0 errors');
    }
  });

  it('speaks Chinese with --lang zh', () => {
    const run = xxgk([SEEDS, '--check', '--lang', 'zh']);
    expect(run.stdout).toContain('共检查 5 份报告');
    const zh = all().flatMap((r) => r.anomalies)[0];
    if (zh) expect(run.stdout).toContain(zh.messageZh);
  });

  it('--check --json lists anomalies with their report; the tally goes to stderr', () => {
    const run = xxgk([SEEDS, '--check', '--json', '--fail-on', 'info']);
    const records = JSON.parse(run.stdout) as Array<{ file: string; id: string; severity: string }>;
    expect(records.length).toBe(all().flatMap((r) => r.anomalies).length);
    expect(run.stderr).toContain('reports checked');
  });

  it('--fail-on alone sets the exit code of other outputs; without it they exit 0', () => {
    const hasError = all().some((r) => r.anomalies.some((a) => a.severity === 'error'));
    expect(xxgk([SEEDS, '--json']).code).toBe(0);
    expect(xxgk([SEEDS, '--json', '--fail-on', 'error']).code).toBe(hasError ? 1 : 0);
  });

  it('threshold flags override the settings for one run', () => {
    // Seed 000: review correction rate 10 / 14 = 71 %: flagged at 0.5, not at 0.8.
    const correction = (args: string[]) => jsonOf(['-q', 'wlmq 2021', ...args])[0]!.anomalies.filter((a) => a.id === 'high-correction-rate').length;
    expect(correction(['--correction-rate', '0.5'])).toBeGreaterThan(0);
    expect(correction(['--correction-rate', '0.8'])).toBe(0);
  });

  it('--no-color and piped output never contain escape sequences', () => {
    expect(xxgk([SEEDS, '--check', '--no-color']).stdout).not.toContain('\u001b');
    expect(xxgk([SEEDS, '--check']).stdout).not.toContain('\u001b');
  });

  it('SIGINT: exit 130 and no partial output file', async () => {
    const dir = replicatedSeeds(400);
    const out = path.join(tempDir(), 'out.json');
    const child = spawn(process.execPath, [MAIN, dir, '--json', '-o', out], { stdio: ['pipe', 'pipe', 'pipe'] });
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });
});

describe('xxgk config', () => {
  it('set, get, list and path over the settings registry', () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: home };
    expect(xxgk(['config', 'set', 'thresholds.correctionRate', '0.3'], env).code).toBe(0);
    expect(xxgk(['config', 'get', 'thresholds.correctionRate'], env).stdout).toBe('0.3\n');
    expect(xxgk(['config', 'list'], env).stdout).toMatch(/thresholds\.correctionRate\s+0\.3/);
    expect(xxgk(['config', 'path'], env).stdout.startsWith(home)).toBe(true);
  });

  it('a stored threshold applies to runs, and a flag overrides it', () => {
    const env = { XDG_CONFIG_HOME: tempDir() };
    xxgk(['config', 'set', 'thresholds.correctionRate', '0.9'], env);
    const flagged = (args: string[]) =>
      (JSON.parse(xxgk([SEEDS, '--json', '-q', 'wlmq 2021', ...args], env).stdout) as Report[])[0]!.anomalies.some((a) => a.id === 'high-correction-rate');
    expect(flagged([])).toBe(false);
    expect(flagged(['--correction-rate', '0.5'])).toBe(true);
  });

  it('bad values and keys: exit 2 with the message', () => {
    const env = { XDG_CONFIG_HOME: tempDir() };
    const bad = xxgk(['config', 'set', 'lang', 'fr'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('xxgk: lang: expected zh or en\n');
    expect(xxgk(['config', 'get', 'nope'], env).code).toBe(2);
    expect(xxgk(['config', 'frob'], env).code).toBe(2);
    expect(xxgk(['config', 'set', 'lang'], env).code).toBe(2);
  });
});

function spawnShell(script: string): { stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', script], { env: { ...process.env, XDG_CONFIG_HOME: tempDir() } });
  return { stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}
