import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseYears, UsageError, type RunOptions } from '../../src/cli/args.js';

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
