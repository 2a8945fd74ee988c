import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLAG_NAMES, parseCommandLine as parseWith, parseYears, ruleIdsFor, UsageError, type RunOptions } from '../../src/cli/args.js';
import { RULES } from '../../src/parse/checks/registry.js';
import { helpText } from '../../src/cli/help.js';

const RULE_IDS = RULES.map((r) => r.id);
const parseCommandLine = (argv: readonly string[]) => parseWith(argv, RULE_IDS);

const run = (argv: string[]): RunOptions => {
  const c = parseCommandLine(argv);
  if (c.kind !== 'run') throw new Error(`expected a run, got ${c.kind}`);
  return c.options;
};

describe('parseCommandLine', () => {
  it('defaults: no folder, no format, fail on error only with --check', () => {
    const o = run([]);
    expect(o).toMatchObject({ dir: null, mode: 'reports', format: null, output: null, failOn: 'error', failOnAnomalies: false, lang: null, noColor: false });
    expect(run(['--check']).failOnAnomalies).toBe(true);
    expect(run(['--fail-on', 'warning'])).toMatchObject({ failOn: 'warning', failOnAnomalies: true });
  });

  it('long and short forms agree', () => {
    expect(run(['-q', 'wlmq', '-y', '2021', '-l', 'county', '-g', '2019', '-j', '-o', 'x.json'])).toEqual(
      run(['--query', 'wlmq', '--year', '2021', '--level', 'county', '--format-gen', '2019', '--json', '--output', 'x.json']),
    );
  });

  it('--csv takes an optional long|wide; a folder after it stays a folder', () => {
    expect(run(['--csv']).format).toBe('csv');
    expect(run(['--csv', 'wide']).format).toBe('csv-wide');
    expect(run(['--csv', 'long', 'reports'])).toMatchObject({ format: 'csv', dir: 'reports' });
    expect(run(['--csv', 'reports'])).toMatchObject({ format: 'csv', dir: 'reports' });
  });

  it('--has-anomaly takes an optional severity or rule', () => {
    expect(run(['--has-anomaly']).selection.hasAnomaly).toBe('any');
    expect(run(['--has-anomaly', 'reports'])).toMatchObject({ dir: 'reports', selection: { hasAnomaly: 'any' } });
    expect(run(['--has-anomaly', 'warning']).selection.hasAnomaly).toBe('warning');
    expect(run(['--has-anomaly', 'late-publication']).selection.hasAnomaly).toEqual({ rule: 'late-publication' });
    expect(run(['--has-anomaly=balance']).selection.hasAnomaly).toEqual({ rule: 'balance' });
    expect(run(['-a', 'missing-table', 'reports'])).toMatchObject({ dir: 'reports', selection: { hasAnomaly: { rule: 'missing-table' } } });
  });

  it('loads the rule catalog only when a flag could need it', async () => {
    expect(await ruleIdsFor([])).toEqual([]);
    expect(await ruleIdsFor(['corpus/sample'])).toEqual([]);
    expect(await ruleIdsFor(['-a', 'balance'])).toEqual(RULE_IDS);
    expect(await ruleIdsFor(['dir', '--has-anomaly=balance'])).toEqual(RULE_IDS);
  });
  it('--has-anomaly rejects a rule id that is not in the catalog', () => {
    expect(() => run(['--has-anomaly=balanse'])).toThrow('unknown rule "balanse" (did you mean balance?)');
    expect(() => run(['--has-anomaly', 'no-such-rule-at-all'])).toThrow(/^--has-anomaly: unknown rule "no-such-rule-at-all";/);
  });

  it('-o - is stdout', () => {
    expect(run(['--csv', '-o', '-']).output).toBeNull();
    expect(run(['--csv', '-o', './-']).output).toBe('./-');
  });

  it('--no-cache turns the parse cache off; it is on by default', () => {
    expect(run([]).cache).toBe(true);
    expect(run(['--no-cache', 'reports'])).toMatchObject({ cache: false, dir: 'reports' });
  });

  it('threshold flags are validated by their settings and mapped to thresholds', () => {
    expect(run(['--correction-rate', '0.3', '--deadline-government', '04-30']).thresholdOverrides).toEqual({ correctionRate: 0.3, deadlineGovernment: '04-30' });
    expect(() => run(['--correction-rate', '1.5'])).toThrow(UsageError);
    expect(() => run(['--deadline-department', '02-30x'])).toThrow(/MM-DD/);
  });

  it('lists of levels and generations', () => {
    expect(run(['--level', 'county,district']).selection.levels).toEqual(['county', 'district']);
    expect(() => run(['--level', 'county,town'])).toThrow(/--level/);
    expect(() => run(['--format-gen', ''])).toThrow(/--format-gen/);
  });

  it('suggests the closest flag for a typo', () => {
    expect(() => run(['--chek'])).toThrow('unknown option --chek (did you mean --check?)');
    expect(() => run(['--zzzzzz'])).toThrow(/^unknown option --zzzzzz$/);
  });

  it('config subcommands', () => {
    expect(parseCommandLine(['config', 'set', 'lang', 'zh'])).toEqual({ kind: 'config', action: 'set', key: 'lang', value: 'zh', lang: null });
    expect(parseCommandLine(['config', 'list'])).toMatchObject({ kind: 'config', action: 'list' });
    expect(() => parseCommandLine(['config', 'get'])).toThrow('usage: xxgk config get KEY');
  });

  it('cache subcommands', () => {
    expect(parseCommandLine(['cache', 'clear'])).toEqual({ kind: 'cache', action: 'clear' });
    expect(parseCommandLine(['cache', 'path'])).toEqual({ kind: 'cache', action: 'path' });
    expect(() => parseCommandLine(['cache'])).toThrow(/^cache: expected clear or path$/);
    expect(() => parseCommandLine(['cache', 'drop'])).toThrow('cache: expected clear or path, got "drop"');
  });
});

describe('parseYears', () => {
  it('reads a year, a range with .. or -, and rejects the rest', () => {
    expect(parseYears('2021')).toEqual({ from: 2021, to: 2021 });
    expect(parseYears('2019..2023')).toEqual({ from: 2019, to: 2023 });
    expect(parseYears('2019-2023')).toEqual({ from: 2019, to: 2023 });
    expect(() => parseYears('21')).toThrow(UsageError);
    expect(() => parseYears('2023..2019')).toThrow(/ends before/);
  });
});

describe('documentation', () => {
  it('docs/cli.md and --help name every flag the parser accepts, and both subcommands', () => {
    const doc = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');
    const help = helpText('0.0.0');
    for (const flag of FLAG_NAMES) {
      expect(doc, `docs/cli.md: --${flag}`).toContain(`--${flag}`);
      expect(help, `--help: --${flag}`).toContain(`--${flag}`);
    }
    for (const sub of ['xxgk config get|set|list|path', 'xxgk cache clear|path']) {
      expect(doc).toContain(sub);
      expect(help).toContain(sub);
    }
  });
});
