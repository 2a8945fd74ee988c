// The settings registry (keys, descriptions, validators), the language default and the thresholds read from
// settings. No conf here: the CLI and the explorer read settings at start without loading conf and its validator
// (tens of milliseconds before the first frame); conf is loaded only to write (settings.ts, lazy.ts).
import envPaths from 'env-paths';
import path from 'node:path';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../parse/checks/thresholds.js';

export { DEFAULT_THRESHOLDS, type Thresholds };

export type Lang = 'zh' | 'en';

export interface SettingDef {
  key: string;
  description: string;
  descriptionZh: string;
  default: unknown;
  /** Parses a value typed on the command line; returns an error message for a bad one. */
  parse: (raw: string) => { value: unknown } | { error: string };
}

const number = (min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? { value: n } : { error: `expected a number from ${min} to ${max}` };
};
const monthDay = (raw: string) =>
  /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(raw) ? { value: raw } : { error: 'expected a date as MM-DD, e.g. 03-31' };

/** Structure only (an object of key specs); the explorer checks command names and keys when it starts. */
function parseKeyOverrides(raw: string): { value: unknown } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { error: 'expected JSON, e.g. {"nextAnomaly":["n","]"]}' };
  }
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string' || (Array.isArray(v) && v.every((k) => typeof k === 'string')));
  return ok ? { value } : { error: 'expected an object of command → key or [keys]' };
}

export const SETTINGS: readonly SettingDef[] = [
  {
    key: 'lang',
    description: 'Language of the interface and of messages: zh or en (default: from the locale)',
    descriptionZh: '界面和提示语言：zh 或 en（默认按系统语言）',
    default: null,
    parse: (raw) => (raw === 'zh' || raw === 'en' ? { value: raw } : { error: 'expected zh or en' }),
  },
  {
    key: 'thresholds.correctionRate',
    description: 'high-correction-rate: a review or litigation correction rate above this is flagged',
    descriptionZh: '复议/诉讼纠错率高于此值时提示',
    default: 0.5,
    parse: number(0, 1),
  },
  {
    key: 'thresholds.minDecidedCases',
    description: 'high-correction-rate: decided cases needed before a rate is judged',
    descriptionZh: '计算纠错率所需的最少已审结案件数',
    default: 3,
    parse: number(1, 1e6),
  },
  {
    key: 'thresholds.copySimilarity',
    description: 'copy-of-last-year: similarity (0-1) of section 一 or 五 to last year at or above which it is flagged',
    descriptionZh: '与上年报告第一或第五部分相似度达到此值时提示内容雷同',
    default: 0.9,
    parse: number(0, 1),
  },
  {
    key: 'thresholds.section5MinChars',
    description: 'section5-empty: section 五 shorter than this many characters is flagged',
    descriptionZh: '第五部分少于此字数时提示',
    default: 10,
    parse: number(0, 10000),
  },
  {
    key: 'deadlines.department',
    description: 'late-publication: deadline (MM-DD of the following year) for a department report (条例 第四十九条)',
    descriptionZh: '部门年度报告的公布期限（次年 月-日）',
    default: '01-31',
    parse: monthDay,
  },
  {
    key: 'deadlines.government',
    description: 'late-publication: deadline (MM-DD of the following year) for a 本级政府 report, and for every report before 2019',
    descriptionZh: '本级政府年度报告（及2019年前各类报告）的公布期限（次年 月-日）',
    default: '03-31',
    parse: monthDay,
  },
  {
    key: 'keys',
    description: 'Key binding overrides as JSON, e.g. {"nextAnomaly":["n","]"]} (commands: docs/keys.md)',
    descriptionZh: '按键覆盖（JSON），例如 {"nextAnomaly":["n","]"]}（命令见 docs/keys.md）',
    default: {},
    parse: parseKeyOverrides,
  },
  {
    key: 'lastFolder',
    description: 'The folder opened last (remembered by the explorer)',
    descriptionZh: '上次打开的文件夹',
    default: null,
    parse: (raw) => ({ value: raw }),
  },
];

/** Where conf keeps the settings (xxgk's config directory, XDG on Linux): the same path conf computes. */
export function settingsPath(cwd?: string): string {
  return path.resolve(cwd ?? envPaths('xxgk', { suffix: '' }).config, 'config.json');
}

/** The check thresholds from settings (`get`), each falling back to its default when unset or of the wrong type. */
export function thresholdsFrom(get: (key: string) => unknown): Thresholds {
  const t = DEFAULT_THRESHOLDS;
  return {
    correctionRate: numberOr(get('thresholds.correctionRate'), t.correctionRate),
    minDecidedCases: numberOr(get('thresholds.minDecidedCases'), t.minDecidedCases),
    copySimilarity: numberOr(get('thresholds.copySimilarity'), t.copySimilarity),
    section5MinChars: numberOr(get('thresholds.section5MinChars'), t.section5MinChars),
    deadlineDepartment: stringOr(get('deadlines.department'), t.deadlineDepartment),
    deadlineGovernment: stringOr(get('deadlines.government'), t.deadlineGovernment),
  };
}

/** What the explorer needs of the settings; both Settings (conf) and LazySettings provide it. */
export interface SettingsStore {
  readonly path: string;
  get(key: string): unknown;
  /** A write; LazySettings finishes it later (it loads conf first). Failures are for the caller to ignore or report. */
  set(key: string, value: unknown): void | Promise<void>;
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
function stringOr(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

/** The language from the settings, else from the locale (LC_ALL, LC_MESSAGES, LANG): zh_* → zh, anything else → en. */
export function defaultLang(stored: unknown, env: NodeJS.ProcessEnv = process.env): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
