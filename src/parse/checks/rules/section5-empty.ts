// Section 五 (problems and improvements) says "无", is empty, or is shorter than the threshold.
import { quote } from '../format.js';
import { sectionOf } from '../report-facts.js';
import type { ReportRule } from '../types.js';

const SAYS_NONE = /^(无|没有|暂无)[。.；;]?$/;

export const rule: ReportRule = {
  id: 'section5-empty',
  severity: 'warning',
  group: 'form',
  scope: 'report',
  description: 'Section 五 is "无", empty, or shorter than thresholds.section5MinChars characters',
  descriptionZh: '第五部分“存在的主要问题及改进情况”为“无”、空白或字数少于阈值',
  check(report, ctx) {
    const s = sectionOf(report, 'problems');
    if (!s) return [];
    const min = ctx.thresholds.section5MinChars;
    const first = s.firstLine.trim();
    if (s.length >= min && !SAYS_NONE.test(first)) return [];
    const what = s.length === 0 ? { en: 'is empty', zh: '为空' } : SAYS_NONE.test(first) ? { en: `says "${quote(first)}"`, zh: `只写“${quote(first)}”` } : { en: `has ${s.length} characters (< ${min})`, zh: `仅 ${s.length} 字（少于 ${min} 字）` };
    return [
      {
        message: `section 五 (problems and improvements) ${what.en}`,
        messageZh: `第五部分“存在的主要问题及改进情况”${what.zh}`,
        cells: ['sections.problems'],
        line: s.line,
        text: first || undefined,
      },
    ];
  },
};
