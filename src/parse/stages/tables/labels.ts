// Step 3 — labels: map a cell's label to a row or column id by its distinctive words, whatever the numbering,
// quotes, Traditional-conversion leftovers or wording variants (format.md §7 aliases).
import type { OutcomeGroup } from '../../dictionary.js';

/** What a label's numbering says: `三、` (top), `(三)` (group), `3.` (sub-row). */
export interface Numbering {
  kind: 'top' | 'group' | 'sub' | null;
  n: number | null;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const CN = '[一二三四五六七八九十]+';
const NUMBERING = new RegExp(String.raw`^\s*(?:(${CN})[、.．]|[(（](${CN}|\d+)[)）]|(\d+)\s*[.、．)）](?!\d))\s*`);

function cnToNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s] ?? null;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1] ?? ''] ?? 0);
  return null;
}

/** Strips every leading numbering (`三、(一)`, `(三)1.`) and returns the innermost one. */
export function splitNumbering(label: string): { numbering: Numbering; rest: string } {
  let rest = label.trim();
  let numbering: Numbering = { kind: null, n: null };
  for (let m = NUMBERING.exec(rest); m && m[0].length > 0; m = NUMBERING.exec(rest)) {
    if (m[1]) numbering = { kind: 'top', n: cnToNumber(m[1]) };
    else if (m[2]) numbering = { kind: 'group', n: cnToNumber(m[2]) };
    else if (m[3]) numbering = { kind: 'sub', n: Number(m[3]) };
    rest = rest.slice(m[0].length);
  }
  return { numbering, rest };
}

/** The form labels are compared in: no numbering, quotes, spaces or punctuation; aliases folded. */
export function canonicalLabel(label: string): string {
  return splitNumbering(label)
    .rest.replace(/档案/g, '文件')
    .replace(/事务(?!信息)/g, '事项')
    .replace(/["'“”‘’「」『』〝〞＂]/g, '')
    .replace(/[\s,，、;；:：。.]/g, '');
}

// ── Table 3 ───────────────────────────────────────────────────────────────────

interface RowKey {
  id: string;
  /** Any of these words identifies the row. */
  words: string[];
  /** Sub-row number within its group, for labels whose words were lost (`3.`). */
  sub?: number;
  group?: OutcomeGroup;
}

// Most specific first; `其他` (other.other) and `总计` need context and are handled in matchApplicationLabel.
const APPLICATION_KEYS: readonly RowKey[] = [
  { id: 'newReceived', words: ['本年新收', '新收政府信息公开申请'] },
  { id: 'carriedOver', words: ['上年结转'] },
  { id: 'carriedForward', words: ['结转下年', '下年度继续办理'] },
  { id: 'partial', words: ['部分公开'], group: 'partial' },
  { id: 'granted', words: ['予以公开'], group: 'granted' },
  { id: 'denied.stateSecret', words: ['国家秘密'], sub: 1, group: 'denied' },
  { id: 'denied.lawForbidden', words: ['禁止公开', '法律行政法规'], sub: 2, group: 'denied' },
  { id: 'denied.securityStability', words: ['三安全一稳定', '三安全'], sub: 3, group: 'denied' },
  { id: 'denied.thirdParty', words: ['第三方'], sub: 4, group: 'denied' },
  { id: 'denied.internalAffairs', words: ['内部事项', '内部事务'], sub: 5, group: 'denied' },
  { id: 'denied.processInfo', words: ['过程性'], sub: 6, group: 'denied' },
  { id: 'denied.enforcementFile', words: ['执法案卷'], sub: 7, group: 'denied' },
  { id: 'denied.adminQuery', words: ['行政查询', '查询事项'], sub: 8, group: 'denied' },
  { id: 'unavailable.notHeld', words: ['不掌握'], sub: 1, group: 'unavailable' },
  { id: 'unavailable.needsCreation', words: ['另行制作', '没有现成'], sub: 2, group: 'unavailable' },
  { id: 'unavailable.unclear', words: ['仍不明确', '补正后'], sub: 3, group: 'unavailable' },
  { id: 'notProcessed.complaint', words: ['信访', '举报投诉'], sub: 1, group: 'notProcessed' },
  { id: 'notProcessed.duplicate', words: ['重复申请'], sub: 2, group: 'notProcessed' },
  { id: 'notProcessed.publication', words: ['出版物'], sub: 3, group: 'notProcessed' },
  { id: 'notProcessed.massRepeat', words: ['大量反复', '反复申请'], sub: 4, group: 'notProcessed' },
  { id: 'notProcessed.confirmation', words: ['重新出具', '确认或'], sub: 5, group: 'notProcessed' },
  { id: 'other.noCorrection', words: ['不补正', '逾期不补'], sub: 1, group: 'other' },
  { id: 'other.noFee', words: ['缴纳费用', '收费通知', '未按收费'], sub: 2, group: 'other' },
];

const GROUP_WORDS: ReadonlyArray<{ group: OutcomeGroup | 'outcome'; words: string[] }> = [
  { group: 'outcome', words: ['本年度办理结果', '办理结果'] },
  { group: 'denied', words: ['不予公开'] },
  { group: 'unavailable', words: ['无法提供'] },
  { group: 'notProcessed', words: ['不予处理'] },
  { group: 'other', words: ['其他处理'] },
];

export type ApplicationLabel =
  | { type: 'row'; id: string }
  | { type: 'group'; group: OutcomeGroup | 'outcome' }
  | { type: 'column'; column: string }
  | { type: 'none' };

const APPLICANT_HEADER_WORDS: ReadonlyArray<[string, string]> = [
  ['自然人', 'naturalPerson'],
  ['商业企业', 'commercial'],
  ['科研机构', 'research'],
  ['社会公益组织', 'social'],
  ['公益组织', 'social'],
  ['法律服务机构', 'legal'],
  ['小计', 'subtotal'],
  ['法人或其他组织', 'orgs'],
  ['申请人情况', 'applicants'],
];

/**
 * Maps a table-3 label. `group` is the outcome group the reader is in (the last parent label seen), which
 * decides the labels that only make sense under a parent: `3.其他`, a bare `2.` whose words were lost, `总计`.
 */
export function matchApplicationLabel(label: string, group: OutcomeGroup | 'outcome' | null): ApplicationLabel {
  let byLabel = APPLICATION_LABELS.get(group);
  if (byLabel === undefined) APPLICATION_LABELS.set(group, (byLabel = new Map()));
  return remembered(byLabel, label, () => readApplicationLabel(label, group));
}

// The readers ask about the same cell many times (as a row, as the stop of the row before), and every report asks
// about the same few dozen labels: each answer is computed once. Answers are frozen, so sharing them is safe.
// Table 3's answers are kept per group, then per label: a key joining the two was a new string to hash on every
// call. The limit holds for each group's map (eight at most: six groups, 'outcome' and none).
const APPLICATION_LABELS = new Map<OutcomeGroup | 'outcome' | null, Map<string, ApplicationLabel>>();
const ACTIVE_LABELS = new Map<string, ActiveLabel>();
const LABEL_CACHE_LIMIT = 20_000;

function remembered<T extends object>(cache: Map<string, T>, key: string, read: () => T): T {
  let answer = cache.get(key);
  if (answer === undefined) {
    answer = Object.freeze(read());
    if (cache.size >= LABEL_CACHE_LIMIT) cache.clear();
    cache.set(key, answer);
  }
  return answer;
}

function readApplicationLabel(label: string, group: OutcomeGroup | 'outcome' | null): ApplicationLabel {
  const { numbering } = splitNumbering(label);
  const c = canonicalLabel(label);
  for (const key of APPLICATION_KEYS) if (key.words.some((w) => c.includes(w))) return { type: 'row', id: key.id };
  for (const g of GROUP_WORDS) if (g.words.some((w) => c.includes(w))) return { type: 'group', group: g.group };
  if (c === '总计' || c === '合计') {
    // `(七)总计` is the outcome total; a bare `总计` is the total column of a header row (the reader decides
    // from what follows whether it is a header or a data row that lost its numbering).
    if (numbering.kind === 'group' || numbering.kind === 'top') return { type: 'row', id: 'outcomeTotal' };
    return { type: 'column', column: 'total' };
  }
  if (c === '其他' || c === '其他情形' || c === '其他原因') {
    if (group === 'other' && numbering.kind === 'sub') return { type: 'row', id: 'other.other' };
    return { type: 'column', column: 'otherOrg' };
  }
  for (const [word, column] of APPLICANT_HEADER_WORDS) if (c.includes(word)) return { type: 'column', column };
  // Words lost (a bare `2.`): the group and the sub-row number still say which row it is.
  if (c === '' && numbering.kind === 'sub' && group !== null && group !== 'outcome') {
    const key = APPLICATION_KEYS.find((k) => k.group === group && k.sub === numbering.n);
    if (key) return { type: 'row', id: key.id };
    if (group === 'other' && numbering.n === 3) return { type: 'row', id: 'other.other' };
  }
  return { type: 'none' };
}

// ── Table 2 ───────────────────────────────────────────────────────────────────

const ACTIVE_KEYS: ReadonlyArray<{ id: string; words: string[] }> = [
  { id: 'normativeDocuments', words: ['规范性文件'] },
  { id: 'regulations', words: ['规章'] },
  { id: 'licensing', words: ['行政许可'] },
  { id: 'otherServices', words: ['其他对外管理服务', '对外管理服务事项'] },
  { id: 'punishment', words: ['行政处罚'] },
  { id: 'enforcement', words: ['行政强制'] },
  { id: 'fees', words: ['事业性收费'] },
  { id: 'procurement', words: ['集中采购'] },
];

const ACTIVE_COLUMN_KEYS: ReadonlyArray<{ column: string; words: string[]; format: '2019' | '2021' | null }> = [
  { column: 'issued', words: ['本年制发', '制发件数'], format: '2021' },
  { column: 'repealed', words: ['本年废止', '废止件数'], format: '2021' },
  { column: 'current', words: ['现行有效'], format: '2021' },
  // Header cells wrapped over two lines (本年新 / 制作数量) or cut short (本年增/) still name their column.
  { column: 'newlyMade', words: ['新制作', '制作数量'], format: '2019' },
  { column: 'newlyPublished', words: ['新公开', '公开数量'], format: '2019' },
  { column: 'totalPublic', words: ['对外公开总'], format: '2019' },
  { column: 'prevCount', words: ['上一年项目', '上年项目'], format: '2019' },
  { column: 'delta', words: ['本年增/减', '增/减', '增减', '本年增'], format: '2019' },
  { column: 'items', words: ['采购项目'], format: '2019' },
  { column: 'amount', words: ['收费金额', '采购总金额', '采购金额'], format: null },
  { column: 'decisions', words: ['处理决定'], format: null },
];

export type ActiveLabel =
  | { type: 'row'; id: string }
  | { type: 'column'; column: string; format: '2019' | '2021' | null; unit: string | null }
  /** 第二十条第(X)项: a new block whose columns follow. */
  | { type: 'item'; item: number | null }
  /** 信息内容 and other header words that carry nothing. */
  | { type: 'header' }
  | { type: 'none' };

/**
 * Every column label inside one cell, in reading order: a header flattened to one line has its labels glued
 * together (`信息内容本年制发件数本年废止件数现行有效件数`) once normalize removes the spaces between them.
 */
export function activeColumnsIn(label: string): Array<{ column: string; format: '2019' | '2021' | null }> {
  const raw = label.replace(/\s/g, '');
  const found: Array<{ column: string; format: '2019' | '2021' | null; at: number }> = [];
  for (const key of ACTIVE_COLUMN_KEYS) {
    const positions = key.words.map((w) => raw.indexOf(w)).filter((at) => at >= 0);
    if (positions.length > 0) found.push({ column: key.column, format: key.format, at: Math.min(...positions) });
  }
  return found.sort((a, b) => a.at - b.at).map(({ column, format }) => ({ column, format }));
}

export function matchActiveLabel(label: string): ActiveLabel {
  return remembered(ACTIVE_LABELS, label, () => readActiveLabel(label));
}

function readActiveLabel(label: string): ActiveLabel {
  const raw = label.replace(/\s/g, '');
  const item = /第二十条.*?第?[(（]?([一二三四五六七八九十]+)[)）]?项/.exec(raw);
  if (item) return { type: 'item', item: cnToNumber(item[1]!) };
  if (/第[(（]?[一二三四五六七八九十]+[)）]?项$/.test(raw)) return { type: 'item', item: cnToNumber(/([一二三四五六七八九十]+)/.exec(raw)![1]!) };
  const c = canonicalLabel(label);
  for (const key of ACTIVE_COLUMN_KEYS) {
    if (key.words.some((w) => raw.includes(w) || c.includes(w.replace('/', '')))) {
      const unit = /[(（](?:单位[:：])?([^()（）]*?元)[)）]/.exec(raw)?.[1] ?? null;
      return { type: 'column', column: key.column, format: key.format, unit };
    }
  }
  for (const key of ACTIVE_KEYS) if (key.words.some((w) => c.includes(w))) return { type: 'row', id: key.id };
  if (c === '信息内容' || c.startsWith('单位')) return { type: 'header' };
  return { type: 'none' };
}
