// One of the six statutory sections is absent; for legacy reports, one of the old 条例 第三十二条 items.
import type { NarrativeId, Report } from '../../model.js';
import { SECTION_LABELS, STATUTORY_ORDER, isTableFormat } from '../report-facts.js';
import type { Finding, ReportRule } from '../types.js';

/** Items of the old 条例 第三十二条, matched on legacy headings. */
// An item counts as reported when a heading names it or the prose states its figure: legacy reports often
// fold items into sentences ("受理政府信息公开申请共7件" reports 依申请公开 without a heading of its own).
const LEGACY_ITEMS: ReadonlyArray<{ zh: string; en: string; pattern: RegExp; ids: readonly NarrativeId[]; legacy: RegExp }> = [
  { zh: '主动公开情况', en: 'proactive disclosure', pattern: /主动公开|公开发布|发布情况/, ids: ['proactiveItems'], legacy: /主动公开/ },
  { zh: '依申请公开情况', en: 'disclosure on request', pattern: /依申请|申请公开/, ids: ['applicationsReceived', 'applicationsNew'], legacy: /申请/ },
  { zh: '收费及减免情况', en: 'fees and waivers', pattern: /收费|减免|费用/, ids: ['feesCharged'], legacy: /收费|费用/ },
  { zh: '行政复议和行政诉讼情况', en: 'reviews and litigation', pattern: /复议|诉讼|申诉/, ids: ['reviews', 'litigations'], legacy: /复议|诉讼/ },
  { zh: '存在的主要问题及改进措施', en: 'problems and improvements', pattern: /问题|不足|改进/, ids: [], legacy: /$^/ },
];

function legacyItemReported(r: Report, item: (typeof LEGACY_ITEMS)[number]): boolean {
  if (r.sections.some((s) => item.pattern.test(s.title))) return true;
  if (r.narrativeMentions.some((m) => item.ids.includes(m.id))) return true;
  return Object.entries(r.legacy ?? {}).some(([id, v]) => item.legacy.test(v.label) || item.legacy.test(id));
}

export const rule: ReportRule = {
  id: 'missing-section',
  severity: 'warning',
  group: 'form',
  scope: 'report',
  description: 'One of the six statutory sections is absent (legacy reports: the old 条例 第三十二条 items)',
  descriptionZh: '缺少六个法定部分之一（2019 年前的报告：原条例第三十二条规定的内容）',
  check(report) {
    if (isTableFormat(report)) {
      const statutory = report.sections.filter((s) => s.key !== 'legacy');
      if (statutory.length === 0) {
        return [
          {
            message: 'none of the six statutory section headings (一、总体情况 … 六、其他需要报告的事项) was found',
            messageZh: '未找到六个法定部分的标题（一、总体情况 …… 六、其他需要报告的事项）',
            cells: ['sections'],
          },
        ];
      }
      return STATUTORY_ORDER.filter((key) => !statutory.some((s) => s.key === key)).map<Finding>((key) => ({
        message: `section ${SECTION_LABELS[key].ordinal} (${SECTION_LABELS[key].en}) is missing`,
        messageZh: `缺少第${SECTION_LABELS[key].ordinal}部分“${SECTION_LABELS[key].zh}”`,
        cells: [`sections.${key}`],
      }));
    }
    if (report.format !== 'legacy' || report.sections.length === 0) return []; // free prose: nothing to hold against
    return LEGACY_ITEMS.filter((item) => !legacyItemReported(report, item)).map<Finding>((item) => ({
      message: `legacy report: no heading or figure for ${item.en} (old 条例 第三十二条)`,
      messageZh: `旧格式报告：未见“${item.zh}”（既无标题也无相应数字，原条例第三十二条）`,
      cells: ['sections'],
    }));
  },
};
