// Command-line flags → a validated plan. Pure: no I/O, so every bad value is tested without spawning.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Level, Severity, FormatGeneration } from '../parse/model.js';
import { SETTINGS, type Lang } from '../settings/registry.js';
import type { Thresholds } from '../parse/checks/thresholds.js';

export type OutputFormat = 'json' | 'jsonl' | 'csv' | 'csv-wide' | 'summary';
export type Mode = 'reports' | 'stats' | 'check';

export interface Selection {
  query: string | null;
  years: { from: number; to: number } | null;
  levels: Level[] | null;
  formats: Array<FormatGeneration> | null;
  /** undefined: no filter; 'any': any anomaly; a severity: at or above it; else a rule id. */
  hasAnomaly: 'any' | Severity | { rule: string } | undefined;
}

export interface RunOptions {
  dir: string | null;
  mode: Mode;
  /** null: no output flag given (TUI on a terminal, else the summary). */
  format: OutputFormat | null;
  output: string | null;
  selection: Selection;
  failOn: Severity;
  /** Whether anomalies decide the exit code (--check or an explicit --fail-on). */
  failOnAnomalies: boolean;
  thresholdOverrides: Partial<Thresholds>;
  lang: Lang | null;
  noColor: boolean;
  /** False with --no-cache: every file is parsed afresh and nothing is written to the parse cache. */
  cache: boolean;
}

export type Command =
  | { kind: 'run'; options: RunOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'config'; action: 'get' | 'set' | 'list' | 'path'; key: string | null; value: string | null; lang: Lang | null }
  | { kind: 'cache'; action: 'clear' | 'path' };

export class UsageError extends Error {}

export const LEVELS: readonly Level[] = ['province', 'prefecture', 'county', 'district', 'department', 'unknown'];
export const FORMAT_GENERATIONS: readonly FormatGeneration[] = ['2021', '2019', 'legacy'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/**
 * The anomaly ids --has-anomaly accepts: the rule catalog (docs/format.md §9), for parseCommandLine. Only a flag can
 * need them, so `xxgk` and `xxgk DIR` (the explorer) do not load the rule modules before the first frame.
 */
export async function ruleIdsFor(argv: readonly string[]): Promise<readonly string[]> {
  if (!argv.some((arg) => arg.startsWith('-'))) return [];
  return (await import('../parse/checks/registry.js')).RULES.map((r) => r.id);
}

/** Per-run threshold flags, each validated by the setting it overrides. */
export const THRESHOLD_FLAGS: ReadonlyArray<{ flag: string; setting: string; field: keyof Thresholds }> = [
  { flag: 'correction-rate', setting: 'thresholds.correctionRate', field: 'correctionRate' },
  { flag: 'min-decided-cases', setting: 'thresholds.minDecidedCases', field: 'minDecidedCases' },
  { flag: 'copy-similarity', setting: 'thresholds.copySimilarity', field: 'copySimilarity' },
  { flag: 'section5-min-chars', setting: 'thresholds.section5MinChars', field: 'section5MinChars' },
  { flag: 'deadline-department', setting: 'deadlines.department', field: 'deadlineDepartment' },
  { flag: 'deadline-government', setting: 'deadlines.government', field: 'deadlineGovernment' },
];

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  query: { type: 'string', short: 'q' },
  year: { type: 'string', short: 'y' },
  level: { type: 'string', short: 'l' },
  'format-gen': { type: 'string', short: 'g' },
  'has-anomaly': { type: 'string', short: 'a' },
  json: { type: 'boolean', short: 'j' },
  jsonl: { type: 'boolean' },
  csv: { type: 'string' },
  summary: { type: 'boolean', short: 's' },
  stats: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  check: { type: 'boolean', short: 'c' },
  'fail-on': { type: 'string' },
  lang: { type: 'string' },
  'no-color': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  ...Object.fromEntries(THRESHOLD_FLAGS.map((t) => [t.flag, { type: 'string' }])),
} satisfies ParseArgsConfig['options'];

export const FLAG_NAMES: readonly string[] = Object.keys(OPTIONS);

// parseArgs has no optional values: `--csv` alone means long form and `--has-anomaly` alone means any.
// They are rewritten to `--flag=value` first, taking the next word only when it is a value they accept.
function withOptionalValues(argv: readonly string[], ruleIds: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === '--csv') {
      if (next === 'wide' || next === 'long') {
        out.push(`--csv=${next}`);
        i++;
      } else out.push('--csv=long');
    } else if (arg === '--has-anomaly' || arg === '-a') {
      if (next !== undefined && looksLikeAnomalyFilter(next, ruleIds)) {
        out.push(`--has-anomaly=${next}`);
        i++;
      } else out.push('--has-anomaly=');
    } else out.push(arg);
  }
  return out;
}

// A DIR may follow a bare --has-anomaly: only a severity, a catalog rule id or a rule-shaped word
// (late-publicaton, a typo to be reported) is taken as its value.
function looksLikeAnomalyFilter(word: string, ruleIds: readonly string[]): boolean {
  return SEVERITIES.includes(word as Severity) || word === 'any' || ruleIds.includes(word) || /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(word);
}

/** `ruleIds`: from ruleIdsFor(argv). */
export function parseCommandLine(argv: readonly string[], ruleIds: readonly string[]): Command {
  if (argv[0] === 'config') return parseConfig(argv.slice(1));
  if (argv[0] === 'cache') return parseCache(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({ args: withOptionalValues(argv, ruleIds), options: OPTIONS, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  if (parsed.positionals.length > 1) {
    throw new UsageError(`expected one folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`);
  }
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);

  const modes = (['stats', 'check'] as const).filter((m) => v[m]);
  if (modes.length > 1) throw new UsageError('--stats and --check cannot be combined');
  const formats: OutputFormat[] = [];
  if (v.json) formats.push('json');
  if (v.jsonl) formats.push('jsonl');
  if (str('csv') !== undefined) formats.push(parseCsvKind(str('csv')!));
  if (v.summary) formats.push('summary');
  if (formats.length > 1) throw new UsageError(`choose one output format, not ${formats.map(flagOfFormat).join(' and ')}`);
  const format = formats[0] ?? null;
  const mode: Mode = modes[0] ?? 'reports';
  if (mode === 'stats' && format === 'jsonl') throw new UsageError('--stats prints one table: use --json or --csv, not --jsonl');
  if (mode === 'stats' && format === 'csv-wide') throw new UsageError('--stats has one CSV form: use --csv');

  const failOn = str('fail-on');
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) {
    throw new UsageError(`--fail-on: expected error, warning or info, got "${failOn}"`);
  }
  const lang = str('lang');
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang: expected zh or en, got "${lang}"`);
  const output = str('output');
  if (output !== undefined && output.trim() === '') throw new UsageError('--output: expected a file name');

  return {
    kind: 'run',
    options: {
      dir: parsed.positionals[0] ?? null,
      mode,
      format,
      output: output === undefined || output === '-' ? null : output, // `-o -`: stdout, as in most tools
      selection: {
        query: str('query') ?? null,
        years: str('year') === undefined ? null : parseYears(str('year')!),
        levels: str('level') === undefined ? null : parseList('--level', str('level')!, LEVELS),
        formats: str('format-gen') === undefined ? null : parseList('--format-gen', str('format-gen')!, FORMAT_GENERATIONS),
        hasAnomaly: str('has-anomaly') === undefined ? undefined : parseHasAnomaly(str('has-anomaly')!, ruleIds),
      },
      failOn: (failOn as Severity | undefined) ?? 'error',
      failOnAnomalies: mode === 'check' || failOn !== undefined,
      thresholdOverrides: parseThresholds(str),
      lang: (lang as Lang | undefined) ?? null,
      noColor: v['no-color'] === true,
      cache: v['no-cache'] !== true,
    },
  };
}

function flagOfFormat(f: OutputFormat): string {
  return f === 'csv-wide' ? '--csv wide' : `--${f}`;
}

function parseCsvKind(raw: string): OutputFormat {
  if (raw === 'long' || raw === '') return 'csv';
  if (raw === 'wide') return 'csv-wide';
  throw new UsageError(`--csv: expected long or wide, got "${raw}"`);
}

export function parseYears(raw: string): { from: number; to: number } {
  const m = /^\s*(\d{4})\s*(?:(?:\.\.|-|–)\s*(\d{4})\s*)?$/.exec(raw);
  if (!m) throw new UsageError(`--year: expected a year like 2021 or a range like 2019..2023, got "${raw}"`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (from > to) throw new UsageError(`--year: the range ${raw} ends before it starts`);
  return { from, to };
}

function parseList<T extends string>(flag: string, raw: string, allowed: readonly T[]): T[] {
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const bad = items.filter((s) => !allowed.includes(s as T));
  if (items.length === 0 || bad.length > 0) {
    throw new UsageError(`${flag}: expected ${allowed.join(', ')} (comma-separated), got "${raw}"`);
  }
  return items as T[];
}

function parseHasAnomaly(raw: string, ruleIds: readonly string[]): Selection['hasAnomaly'] {
  if (raw === '' || raw === 'any') return 'any';
  if (SEVERITIES.includes(raw as Severity)) return raw as Severity;
  if (ruleIds.includes(raw)) return { rule: raw };
  // A misspelt rule would silently match nothing: say so, with the nearest id.
  const near = closest(raw, ruleIds);
  throw new UsageError(`--has-anomaly: unknown rule "${raw}"${near ? ` (did you mean ${near}?)` : ''}; expected error, warning, info or a rule id of docs/anomalies.md`);
}

function parseThresholds(str: (name: string) => string | undefined): Partial<Thresholds> {
  const overrides: Partial<Thresholds> = {};
  for (const t of THRESHOLD_FLAGS) {
    const raw = str(t.flag);
    if (raw === undefined) continue;
    const parsed = SETTINGS.find((s) => s.key === t.setting)!.parse(raw);
    if ('error' in parsed) throw new UsageError(`--${t.flag}: ${parsed.error}, got "${raw}"`);
    (overrides as Record<string, unknown>)[t.field] = parsed.value;
  }
  return overrides;
}

function parseConfig(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
  if (parsed.values.help) return { kind: 'help' };
  const lang = parsed.values.lang;
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang: expected zh or en, got "${lang}"`);
  const [action, key, value, ...rest] = parsed.positionals;
  const arity: Record<string, number> = { get: 1, set: 2, list: 0, path: 0 };
  if (action === undefined || !(action in arity)) {
    throw new UsageError(`config: expected get, set, list or path${action ? `, got "${action}"` : ''}`);
  }
  const given = [key, value].filter((x) => x !== undefined).length + rest.length;
  if (given !== arity[action]) {
    const usage = { get: 'config get KEY', set: 'config set KEY VALUE', list: 'config list', path: 'config path' }[action];
    throw new UsageError(`usage: xxgk ${usage}`);
  }
  return { kind: 'config', action: action as 'get' | 'set' | 'list' | 'path', key: key ?? null, value: value ?? null, lang: (lang as Lang | undefined) ?? null };
}

function parseCache(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
  if (parsed.values.help) return { kind: 'help' };
  const [action, ...rest] = parsed.positionals;
  if ((action !== 'clear' && action !== 'path') || rest.length > 0) {
    throw new UsageError(`cache: expected clear or path${action ? `, got "${parsed.positionals.join(' ')}"` : ''}`);
  }
  return { kind: 'cache', action };
}

/** One line from parseArgs' error, with the closest real flag when it looks like a typo. */
function describeParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const message = String(e.message ?? err);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? '?';
    const name = flag.replace(/^-+/, '').split('=')[0]!;
    const near = closest(name, FLAG_NAMES);
    return `unknown option ${flag}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /Option '([^']+)'/.exec(message)?.[1];
    if (message.includes('argument missing')) return `${flag ?? 'an option'} needs a value`;
    if (message.includes('does not take an argument')) return `${flag ?? 'an option'} does not take a value`;
  }
  return message.split('\n')[0]!;
}

function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
