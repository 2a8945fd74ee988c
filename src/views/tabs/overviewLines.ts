// The overview tab's content as lines: metadata, the figures stated in prose, and each section's first line.
import { NARRATIVE_IDS, type NarrativeId, type Report } from '../../parse/model.js';
import type { Lang } from '../../settings/settings.js';
import { clean } from '../components/text.js';

export interface OverviewLine {
  kind: 'heading' | 'field' | 'text';
  label: string;
  value: string;
}

const NARRATIVE_LABELS: Record<NarrativeId, { zh: string; en: string }> = {
  applicationsReceived: { zh: '收到申请', en: 'Requests received' },
  applicationsNew: { zh: '新收申请', en: 'New requests' },
  applicationsConcluded: { zh: '办结', en: 'Concluded' },
  carriedForward: { zh: '结转下年', en: 'Carried forward' },
  carriedOver: { zh: '上年结转', en: 'Carried over' },
  proactiveItems: { zh: '主动公开信息', en: 'Items published' },
  feesCharged: { zh: '收取信息处理费', en: 'Fees charged' },
  reviews: { zh: '行政复议', en: 'Reviews' },
  litigations: { zh: '行政诉讼', en: 'Lawsuits' },
  allConcluded: { zh: '均已办结', en: 'All concluded' },
};

const LEVELS = { province: ['省级', 'province'], prefecture: ['地市级', 'prefecture'], county: ['县级', 'county'], district: ['区级', 'district'], department: ['部门', 'department'], unknown: ['未知', 'unknown'] } as const;
const BODY_TYPES = { government: ['本级政府', 'government'], department: ['部门', 'department'], township: ['乡镇街道', 'township'], unknown: ['未知', 'unknown'] } as const;

export function overviewLines(report: Report, lang: Lang): OverviewLine[] {
  const zh = lang === 'zh';
  const pick = (pair: readonly [string, string]) => (zh ? pair[0] : pair[1]);
  const none = '—';
  const field = (labelZh: string, labelEn: string, value: string | number | null): OverviewLine => ({ kind: 'field', label: zh ? labelZh : labelEn, value: value === null || value === '' ? none : clean(String(value)) });
  const lines: OverviewLine[] = [
    field('标题', 'Title', report.title),
    field('单位', 'Body', report.jurisdiction),
    field('年度', 'Year', report.year),
    field('层级', 'Level', pick(LEVELS[report.level])),
    field('类型', 'Body type', pick(BODY_TYPES[report.bodyType])),
    field('格式', 'Format', report.format === 'legacy' ? (zh ? '2019年前（无统一表格）' : 'before 2019 (no tables)') : report.format),
    field('发布日期', 'Published', report.publishedAt),
    field('成文日期', 'Signed', report.signedAt),
    field('区划代码', 'Division code', report.divisionCode),
    field('文件', 'File', `${report.file} (${report.sourceFormat}, ${report.encoding}${report.script === 'traditional' ? (zh ? '，繁体' : ', Traditional') : ''})`),
  ];
  const figures = NARRATIVE_IDS.filter((id) => report.narrative[id] !== undefined);
  if (figures.length > 0) {
    lines.push({ kind: 'heading', label: zh ? '正文中的数字' : 'Figures in the text', value: '' });
    for (const id of figures) {
      const f = report.narrative[id]!;
      const value = typeof f.value === 'boolean' ? (f.value ? (zh ? '是' : 'yes') : zh ? '否' : 'no') : String(f.value);
      lines.push({ kind: 'field', label: zh ? NARRATIVE_LABELS[id].zh : NARRATIVE_LABELS[id].en, value: `${value}  「${clean(f.text)}」` });
    }
  }
  if (report.sections.length > 0) {
    lines.push({ kind: 'heading', label: zh ? '各部分' : 'Sections', value: '' });
    for (const s of report.sections) lines.push({ kind: 'text', label: clean(s.title), value: clean(s.firstLine) });
  }
  if (report.diagnostics.length > 0) {
    lines.push({ kind: 'heading', label: zh ? '解析提示' : 'Parse notes', value: '' });
    for (const d of report.diagnostics) lines.push({ kind: 'text', label: d.line === null ? d.code : `${d.code} L${d.line}`, value: clean(zh ? d.messageZh : d.message) });
  }
  return lines;
}
