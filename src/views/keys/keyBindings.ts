// The one keymap. Commands with their descriptions and categories, and the keys bound to them by default.
// The help overlay, the status-bar hints and docs/keys.md are all generated from this module, so what the
// screen says and what the keys do cannot drift apart. Users override bindings under the settings key `keys`.

export const COMMANDS = [
  'up',
  'down',
  'left',
  'right',
  'top',
  'bottom',
  'pageUp',
  'pageDown',
  'nextTab',
  'prevTab',
  'focusList',
  'tabOverview',
  'tabActive',
  'tabApplications',
  'tabReviews',
  'tabOutcomes',
  'tabAnomalies',
  'tabProblems',
  'tabReview',
  'enter',
  'back',
  'search',
  'nextAnomaly',
  'prevAnomaly',
  'reviewConfirm',
  'reviewDismiss',
  'reviewUndo',
  'reviewNote',
  'reviewFilterSeverity',
  'reviewFilterRule',
  'reviewFilterDecision',
  'toggleLang',
  'help',
  'quit',
  'forceQuit',
] as const;
export type Command = (typeof COMMANDS)[number];

export type Category = 'move' | 'panes' | 'actions' | 'review' | 'app';
export const CATEGORIES: readonly Category[] = ['move', 'panes', 'actions', 'review', 'app'];
export const CATEGORY_LABELS: Record<Category, { zh: string; en: string }> = {
  move: { zh: '移动', en: 'Moving' },
  panes: { zh: '窗格与标签页', en: 'Panes and tabs' },
  actions: { zh: '操作', en: 'Actions' },
  review: { zh: '审阅队列（n/N、Enter 同上）', en: 'Review queue (n/N, Enter as above)' },
  app: { zh: '程序', en: 'Application' },
};

export interface CommandInfo {
  category: Category;
  zh: string;
  en: string;
  /** Short form for the status-bar hints. */
  hintZh: string;
  hintEn: string;
}

export const COMMAND_INFO: Record<Command, CommandInfo> = {
  up: { category: 'move', zh: '上移一行', en: 'Move up', hintZh: '上', hintEn: 'up' },
  down: { category: 'move', zh: '下移一行', en: 'Move down', hintZh: '下', hintEn: 'down' },
  left: { category: 'move', zh: '表格中左移一列', en: 'Previous table column', hintZh: '左', hintEn: 'left' },
  right: { category: 'move', zh: '表格中右移一列', en: 'Next table column', hintZh: '右', hintEn: 'right' },
  top: { category: 'move', zh: '跳到第一行', en: 'Go to the first row', hintZh: '顶部', hintEn: 'top' },
  bottom: { category: 'move', zh: '跳到最后一行', en: 'Go to the last row', hintZh: '底部', hintEn: 'bottom' },
  pageUp: { category: 'move', zh: '上翻一页', en: 'Page up', hintZh: '上页', hintEn: 'page up' },
  pageDown: { category: 'move', zh: '下翻一页', en: 'Page down', hintZh: '下页', hintEn: 'page down' },
  nextTab: { category: 'panes', zh: '下一个标签页', en: 'Next tab', hintZh: '标签', hintEn: 'tab' },
  prevTab: { category: 'panes', zh: '上一个标签页', en: 'Previous tab', hintZh: '上个标签', hintEn: 'prev tab' },
  focusList: { category: 'panes', zh: '转到报告列表', en: 'Go to the report list', hintZh: '列表', hintEn: 'list' },
  tabOverview: { category: 'panes', zh: '概况', en: 'Overview', hintZh: '概况', hintEn: 'overview' },
  tabActive: { category: 'panes', zh: '主动公开（表二）', en: 'Proactive disclosure (table 2)', hintZh: '表二', hintEn: 'table 2' },
  tabApplications: { category: 'panes', zh: '依申请公开（表三）', en: 'Applications (table 3)', hintZh: '表三', hintEn: 'table 3' },
  tabReviews: { category: 'panes', zh: '复议诉讼（表四）', en: 'Reviews and litigation (table 4)', hintZh: '表四', hintEn: 'table 4' },
  tabOutcomes: { category: 'panes', zh: '办理结果分布', en: 'Outcome breakdown', hintZh: '办理结果', hintEn: 'outcomes' },
  tabAnomalies: { category: 'panes', zh: '异常', en: 'Anomalies', hintZh: '异常', hintEn: 'anomalies' },
  tabProblems: { category: 'panes', zh: '无法读取的文件', en: 'Files that failed to load', hintZh: '问题文件', hintEn: 'problems' },
  tabReview: { category: 'panes', zh: '审阅队列（整个文件夹的异常）', en: 'Review queue (every anomaly of the folder)', hintZh: '审阅', hintEn: 'review' },
  enter: { category: 'actions', zh: '进入详情 / 查看单元格', en: 'Drill in / inspect the cell', hintZh: '进入', hintEn: 'open' },
  back: { category: 'actions', zh: '返回 / 清除筛选 / 取消读取', en: 'Back / clear the filter / stop loading', hintZh: '返回', hintEn: 'back' },
  search: { category: 'actions', zh: '搜索报告', en: 'Search reports', hintZh: '搜索', hintEn: 'search' },
  nextAnomaly: { category: 'actions', zh: '下一个异常（跳到相关单元格）', en: 'Next anomaly (jumps to its cell)', hintZh: '下个异常', hintEn: 'next anomaly' },
  prevAnomaly: { category: 'actions', zh: '上一个异常', en: 'Previous anomaly', hintZh: '上个异常', hintEn: 'prev anomaly' },
  reviewConfirm: { category: 'review', zh: '确认（确有问题）并继续', en: 'Confirm (a real problem) and go on', hintZh: '确认', hintEn: 'confirm' },
  reviewDismiss: { category: 'review', zh: '驳回（并非问题）并继续', en: 'Dismiss (not a problem) and go on', hintZh: '驳回', hintEn: 'dismiss' },
  reviewUndo: { category: 'review', zh: '撤销上一个决定', en: 'Undo the last decision', hintZh: '撤销', hintEn: 'undo' },
  reviewNote: { category: 'review', zh: '备注（Enter 保存，Esc 取消）', en: 'Note (Enter saves, Esc cancels)', hintZh: '备注', hintEn: 'note' },
  reviewFilterSeverity: { category: 'review', zh: '按严重程度筛选', en: 'Filter by severity', hintZh: '级别', hintEn: 'severity' },
  reviewFilterRule: { category: 'review', zh: '按规则筛选', en: 'Filter by rule', hintZh: '规则', hintEn: 'rule' },
  reviewFilterDecision: { category: 'review', zh: '按决定筛选', en: 'Filter by decision', hintZh: '决定', hintEn: 'decision' },
  toggleLang: { category: 'app', zh: '切换界面语言（中文/English）', en: 'Switch language (中文/English)', hintZh: '语言', hintEn: 'language' },
  help: { category: 'app', zh: '显示/关闭帮助', en: 'Show/close help', hintZh: '帮助', hintEn: 'help' },
  quit: { category: 'app', zh: '退出', en: 'Quit', hintZh: '退出', hintEn: 'quit' },
  forceQuit: { category: 'app', zh: '立即退出（始终有效）', en: 'Quit at once (always works)', hintZh: '退出', hintEn: 'quit' },
};

/**
 * A key as written in the keymap and in settings: a single character (`j`, `G`, `/`, `?`) or a named key
 * (`up`, `down`, `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `return`, `escape`, `tab`, `backspace`,
 * `delete`, `space`), optionally prefixed by `ctrl+`, `shift+` (named keys only) or `meta+`.
 */
export type KeySpec = string;

export type KeyBindings = Record<Command, readonly KeySpec[]>;

export const DEFAULT_KEY_BINDINGS: KeyBindings = {
  up: ['up', 'k'],
  down: ['down', 'j'],
  left: ['left', 'h'],
  right: ['right', 'l'],
  top: ['g', 'home'],
  bottom: ['G', 'end'],
  pageUp: ['pageup', 'ctrl+b'],
  pageDown: ['pagedown', 'ctrl+f', 'space'],
  nextTab: ['tab'],
  prevTab: ['shift+tab'],
  focusList: ['1'],
  tabOverview: ['2'],
  tabActive: ['3'],
  tabApplications: ['4'],
  tabReviews: ['5'],
  tabOutcomes: ['6'],
  tabAnomalies: ['7'],
  tabProblems: ['8'],
  tabReview: ['9', 'R'],
  enter: ['return'],
  back: ['escape'],
  search: ['/'],
  nextAnomaly: ['n'],
  prevAnomaly: ['N'],
  reviewConfirm: ['c'],
  reviewDismiss: ['d'],
  reviewUndo: ['u'],
  reviewNote: ['m'],
  reviewFilterSeverity: ['s'],
  reviewFilterRule: ['r'],
  reviewFilterDecision: ['f'],
  toggleLang: ['L'],
  help: ['?'],
  quit: ['q'],
  forceQuit: ['ctrl+c'],
};

export const NAMED_KEYS = ['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'return', 'escape', 'tab', 'backspace', 'delete', 'space'] as const;
export type NamedKey = (typeof NAMED_KEYS)[number];

export interface ParsedKey {
  name: string;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
}

/** Parses a key spec; returns an error message for one that no keyboard can send. */
export function parseKeySpec(spec: string): ParsedKey | { error: string } {
  const parts = spec.split('+');
  // A lone '+' is a character, not a separator.
  const name = spec.endsWith('++') || spec === '+' ? '+' : parts[parts.length - 1]!;
  const modifiers = spec === '+' ? [] : spec.endsWith('++') ? parts.slice(0, -2) : parts.slice(0, -1);
  const key: ParsedKey = { name, ctrl: false, shift: false, meta: false };
  for (const m of modifiers) {
    const lower = m.toLowerCase();
    if (lower === 'ctrl' || lower === 'shift' || lower === 'meta') key[lower] = true;
    else return { error: `"${spec}": unknown modifier "${m}" (use ctrl, shift or meta)` };
  }
  const named = (NAMED_KEYS as readonly string[]).includes(name.toLowerCase());
  if (named) key.name = name.toLowerCase();
  else if ([...name].length !== 1) return { error: `"${spec}": not a single character or a key name (${NAMED_KEYS.join(', ')})` };
  else if (key.shift) return { error: `"${spec}": write the shifted character itself (e.g. "G"), not shift+` };
  return key;
}

export function formatKey(key: ParsedKey): string {
  return [key.ctrl ? 'ctrl' : '', key.shift ? 'shift' : '', key.meta ? 'meta' : '', key.name].filter(Boolean).join('+');
}

const KEY_SYMBOLS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  return: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Del',
  space: 'Space',
};

/** How a key is shown to people: `↑`, `Shift-Tab`, `Ctrl-C`, `G`. */
export function displayKey(spec: KeySpec): string {
  const parsed = parseKeySpec(spec);
  if ('error' in parsed) return spec;
  const name = KEY_SYMBOLS[parsed.name] ?? parsed.name;
  const mods = [parsed.ctrl ? 'Ctrl' : '', parsed.shift ? 'Shift' : '', parsed.meta ? 'Meta' : ''].filter(Boolean);
  return [...mods, parsed.ctrl && name.length === 1 ? name.toUpperCase() : name].join('-');
}

export type KeyMap = ReadonlyMap<string, Command>;

/** The lookup from a normalised key to its command. */
export function buildKeyMap(bindings: KeyBindings): KeyMap {
  const map = new Map<string, Command>();
  for (const command of COMMANDS) {
    for (const spec of bindings[command]) {
      const parsed = parseKeySpec(spec);
      if (!('error' in parsed)) map.set(formatKey(parsed), command);
    }
  }
  return map;
}

/**
 * Applies the overrides from settings (`{ "keys": { "nextAnomaly": ["n", "]"] } }`), checked: unknown commands,
 * keys no keyboard sends, a key given to two commands, and unbinding Ctrl-C are errors. Returns every error found;
 * the caller keeps the defaults when there is any.
 */
export function applyKeyOverrides(raw: unknown): { bindings: KeyBindings; errors: string[] } {
  if (raw === undefined || raw === null) return { bindings: DEFAULT_KEY_BINDINGS, errors: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { bindings: DEFAULT_KEY_BINDINGS, errors: ['keys: expected an object such as {"nextAnomaly": ["n", "]"]}'] };
  }
  const errors: string[] = [];
  const bindings: Record<Command, readonly KeySpec[]> = { ...DEFAULT_KEY_BINDINGS };
  for (const [command, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(COMMANDS as readonly string[]).includes(command)) {
      errors.push(`keys.${command}: unknown command (known: ${COMMANDS.join(', ')})`);
      continue;
    }
    const specs = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(specs) || specs.some((s) => typeof s !== 'string')) {
      errors.push(`keys.${command}: expected a key or a list of keys, e.g. ["n", "]"]`);
      continue;
    }
    const parsedErrors = (specs as string[]).map(parseKeySpec).flatMap((p) => ('error' in p ? [`keys.${command}: ${p.error}`] : []));
    if (parsedErrors.length > 0) errors.push(...parsedErrors);
    else bindings[command as Command] = specs as string[];
  }
  if (!bindings.forceQuit.some((s) => s === 'ctrl+c')) errors.push('keys.forceQuit: Ctrl-C must stay bound to forceQuit, so there is always a way out');
  errors.push(...conflicts(bindings));
  return errors.length > 0 ? { bindings: DEFAULT_KEY_BINDINGS, errors } : { bindings, errors };
}

function conflicts(bindings: KeyBindings): string[] {
  const owner = new Map<string, Command>();
  const errors: string[] = [];
  for (const command of COMMANDS) {
    for (const spec of bindings[command]) {
      const parsed = parseKeySpec(spec);
      if ('error' in parsed) continue;
      const key = formatKey(parsed);
      const other = owner.get(key);
      if (other && other !== command) errors.push(`keys: "${spec}" is bound to both ${other} and ${command}`);
      else owner.set(key, command);
    }
  }
  return errors;
}
