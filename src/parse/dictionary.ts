// The data dictionary of docs/format.md as code: every table row and column with its id and Chinese label.
// The table mapper matches labels against these; the views, the CSV export and the checks read labels from here.
// Ids are relative to their table (`denied.stateSecret` lives at `applications.denied.stateSecret`).

import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type ApplicantColumn,
  type ApplicationRow,
  type ApplicationTable,
  type Figure,
  type ReviewColumn,
  type ReviewGroupId,
  type ReviewTable,
} from './model.js';

export interface RowDef {
  /** Id relative to its table, dotted for nested rows. */
  id: string;
  /** Official label, Simplified. */
  label: string;
  /** Short label for narrow displays. */
  short: string;
  /** Outcome group for breakdowns, for rows of 三、本年度办理结果. */
  group?: OutcomeGroup;
}

export type OutcomeGroup = 'granted' | 'partial' | 'denied' | 'unavailable' | 'notProcessed' | 'other';
export const OUTCOME_GROUPS: readonly OutcomeGroup[] = ['granted', 'partial', 'denied', 'unavailable', 'notProcessed', 'other'];
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, { zh: string; en: string }> = {
  granted: { zh: '予以公开', en: 'Granted' },
  partial: { zh: '部分公开', en: 'Partly granted' },
  denied: { zh: '不予公开', en: 'Denied' },
  unavailable: { zh: '无法提供', en: 'Unavailable' },
  notProcessed: { zh: '不予处理', en: 'Not processed' },
  other: { zh: '其他处理', en: 'Other' },
};

export const APPLICATION_ROWS: readonly RowDef[] = [
  { id: 'newReceived', label: '一、本年新收政府信息公开申请数量', short: '本年新收' },
  { id: 'carriedOver', label: '二、上年结转政府信息公开申请数量', short: '上年结转' },
  { id: 'granted', label: '（一）予以公开', short: '予以公开', group: 'granted' },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', short: '部分公开', group: 'partial' },
  { id: 'denied.stateSecret', label: '1.属于国家秘密', short: '国家秘密', group: 'denied' },
  { id: 'denied.lawForbidden', label: '2.其他法律行政法规禁止公开', short: '法规禁止公开', group: 'denied' },
  { id: 'denied.securityStability', label: '3.危及“三安全一稳定”', short: '危及三安全一稳定', group: 'denied' },
  { id: 'denied.thirdParty', label: '4.保护第三方合法权益', short: '保护第三方权益', group: 'denied' },
  { id: 'denied.internalAffairs', label: '5.属于三类内部事务信息', short: '内部事务信息', group: 'denied' },
  { id: 'denied.processInfo', label: '6.属于四类过程性信息', short: '过程性信息', group: 'denied' },
  { id: 'denied.enforcementFile', label: '7.属于行政执法案卷', short: '行政执法案卷', group: 'denied' },
  { id: 'denied.adminQuery', label: '8.属于行政查询事项', short: '行政查询事项', group: 'denied' },
  { id: 'unavailable.notHeld', label: '1.本机关不掌握相关政府信息', short: '本机关不掌握', group: 'unavailable' },
  { id: 'unavailable.needsCreation', label: '2.没有现成信息需要另行制作', short: '需另行制作', group: 'unavailable' },
  { id: 'unavailable.unclear', label: '3.补正后申请内容仍不明确', short: '补正后仍不明确', group: 'unavailable' },
  { id: 'notProcessed.complaint', label: '1.信访举报投诉类申请', short: '信访举报投诉', group: 'notProcessed' },
  { id: 'notProcessed.duplicate', label: '2.重复申请', short: '重复申请', group: 'notProcessed' },
  { id: 'notProcessed.publication', label: '3.要求提供公开出版物', short: '要求公开出版物', group: 'notProcessed' },
  { id: 'notProcessed.massRepeat', label: '4.无正当理由大量反复申请', short: '大量反复申请', group: 'notProcessed' },
  { id: 'notProcessed.confirmation', label: '5.要求行政机关确认或重新出具已获取信息', short: '要求确认或重新出具', group: 'notProcessed' },
  {
    id: 'other.noCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    short: '逾期不补正',
    group: 'other',
  },
  {
    id: 'other.noFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    short: '逾期未缴费',
    group: 'other',
  },
  { id: 'other.other', label: '3.其他', short: '其他', group: 'other' },
  { id: 'outcomeTotal', label: '（七）总计', short: '办理结果总计' },
  { id: 'carriedForward', label: '四、结转下年度继续办理', short: '结转下年度' },
];

/** The 21 rows of 三、本年度办理结果 that add up to outcomeTotal. */
export const OUTCOME_ROWS: readonly RowDef[] = APPLICATION_ROWS.filter((r) => r.group !== undefined);

export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, { zh: string; short: string; en: string }> = {
  naturalPerson: { zh: '自然人', short: '自然人', en: 'Natural person' },
  commercial: { zh: '商业企业', short: '商业企业', en: 'Business' },
  research: { zh: '科研机构', short: '科研机构', en: 'Research' },
  social: { zh: '社会公益组织', short: '公益组织', en: 'Non-profit' },
  legal: { zh: '法律服务机构', short: '法律服务', en: 'Legal service' },
  otherOrg: { zh: '其他', short: '其他', en: 'Other org.' },
  total: { zh: '总计', short: '总计', en: 'Total' },
};

export const REVIEW_GROUP_LABELS: Record<ReviewGroupId, { zh: string; en: string }> = {
  review: { zh: '行政复议', en: 'Administrative review' },
  litigationDirect: { zh: '行政诉讼·未经复议直接起诉', en: 'Litigation, direct' },
  litigationAfterReview: { zh: '行政诉讼·复议后起诉', en: 'Litigation after review' },
};

export const REVIEW_COLUMN_LABELS: Record<ReviewColumn, { zh: string; en: string }> = {
  upheld: { zh: '结果维持', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  other: { zh: '其他结果', en: 'Other' },
  pending: { zh: '尚未审结', en: 'Pending' },
  total: { zh: '总计', en: 'Total' },
};

export interface ActiveRowDef {
  id: string;
  label: string;
  /** Article 20 item the row sits under. */
  item: string;
  columns2021: readonly string[];
  columns2019: readonly string[];
}

export const ACTIVE_ROWS: readonly ActiveRowDef[] = [
  { id: 'regulations', label: '规章', item: '第二十条第（一）项', columns2021: ['issued', 'repealed', 'current'], columns2019: ['newlyMade', 'newlyPublished', 'totalPublic'] },
  { id: 'normativeDocuments', label: '行政规范性文件', item: '第二十条第（一）项', columns2021: ['issued', 'repealed', 'current'], columns2019: ['newlyMade', 'newlyPublished', 'totalPublic'] },
  { id: 'licensing', label: '行政许可', item: '第二十条第（五）项', columns2021: ['decisions'], columns2019: ['prevCount', 'delta', 'decisions'] },
  { id: 'otherServices', label: '其他对外管理服务事项', item: '第二十条第（五）项', columns2021: [], columns2019: ['prevCount', 'delta', 'decisions'] },
  { id: 'punishment', label: '行政处罚', item: '第二十条第（六）项', columns2021: ['decisions'], columns2019: ['prevCount', 'delta', 'decisions'] },
  { id: 'enforcement', label: '行政强制', item: '第二十条第（六）项', columns2021: ['decisions'], columns2019: ['prevCount', 'delta', 'decisions'] },
  { id: 'fees', label: '行政事业性收费', item: '第二十条第（八）项', columns2021: ['amount'], columns2019: ['prevCount', 'delta'] },
  { id: 'procurement', label: '政府集中采购', item: '第二十条第（九）项', columns2021: [], columns2019: ['items', 'amount'] },
];

export const ACTIVE_COLUMN_LABELS: Record<string, { zh: string; en: string }> = {
  issued: { zh: '本年制发件数', en: 'Issued' },
  repealed: { zh: '本年废止件数', en: 'Repealed' },
  current: { zh: '现行有效件数', en: 'In force' },
  decisions: { zh: '本年处理决定数量', en: 'Decisions' },
  amount: { zh: '本年收费金额（万元）', en: 'Amount (10k yuan)' },
  newlyMade: { zh: '本年新制作数量', en: 'Newly made' },
  newlyPublished: { zh: '本年新公开数量', en: 'Newly published' },
  totalPublic: { zh: '对外公开总数量', en: 'Total public' },
  prevCount: { zh: '上一年项目数量', en: 'Items last year' },
  delta: { zh: '本年增/减', en: 'Change' },
  items: { zh: '采购项目数量', en: 'Procurement items' },
};

export function emptyApplicationRow(): ApplicationRow {
  const row: Record<string, Figure> = {};
  for (const c of APPLICANT_COLUMNS) row[c] = null;
  return row as ApplicationRow;
}

export function emptyApplicationTable(): ApplicationTable {
  const table: Record<string, unknown> = {};
  for (const row of APPLICATION_ROWS) setPath(table, row.id, emptyApplicationRow());
  return table as unknown as ApplicationTable;
}

export function emptyReviewTable(): ReviewTable {
  return Object.fromEntries(
    REVIEW_GROUPS.map((g) => [g, Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, null])) as Record<ReviewColumn, Figure>]),
  ) as ReviewTable;
}

/** The row of table 3 with a dotted id (`denied.stateSecret`). */
export function applicationRow(table: ApplicationTable, id: string): ApplicationRow {
  const row = getPath(table, id) as ApplicationRow | undefined;
  if (!row) throw new Error(`unknown table-3 row id ${id}`); // a programming error, not an input error
  return row;
}

// Paths are the dictionary's ids, a few dozen: each is split once (getPath runs for every cell of every check).
const PATH_PARTS = new Map<string, readonly string[]>();

function pathParts(path: string): readonly string[] {
  let parts = PATH_PARTS.get(path);
  if (parts === undefined) {
    parts = path.split('.');
    if (PATH_PARTS.size >= 10_000) PATH_PARTS.clear();
    PATH_PARTS.set(path, parts);
  }
  return parts;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of pathParts(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = pathParts(path);
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (typeof cur[part] !== 'object' || cur[part] === null) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}
