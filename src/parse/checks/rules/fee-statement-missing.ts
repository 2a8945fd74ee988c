// Section 六 should say whether 信息处理费 was charged (国办函〔2020〕109号).
import { isTableFormat, sectionOf } from '../report-facts.js';
import type { ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'fee-statement-missing',
  severity: 'info',
  group: 'form',
  scope: 'report',
  description: 'Section 六 does not say whether 信息处理费 (the disclosure-processing fee) was charged',
  descriptionZh: '第六部分未说明是否收取信息处理费',
  check(report) {
    if (!isTableFormat(report)) return [];
    const says = report.narrativeMentions.some((m) => m.id === 'feesCharged') || report.textFlags?.noFeeStatement;
    if (says) return [];
    const s = sectionOf(report, 'other');
    return [
      {
        message: 'the report does not say whether 信息处理费 was charged',
        messageZh: '报告未说明是否收取信息处理费',
        cells: ['narrative.feesCharged'],
        line: s?.line ?? null,
      },
    ];
  },
};
