// Two files give the same body and year with the same figures.
import { duplicatePairs } from '../duplicates.js';
import { bodyName } from '../format.js';
import type { CorpusRule } from '../types.js';

export const rule: CorpusRule = {
  id: 'duplicate-report',
  severity: 'warning',
  group: 'corpus',
  scope: 'corpus',
  description: 'Two files give the same body and year (same figures; see republished-different when they differ)',
  descriptionZh: '两个文件是同一机关同一年度的报告（数字相同；数字不同见 republished-different）',
  check(reports) {
    return duplicatePairs(reports)
      .filter((p) => p.differing.length === 0)
      .map((p) => ({
        report: p.report,
        message: `${bodyName(p.report)} ${p.report.year}: also in ${p.other.file}, with the same figures`,
        messageZh: `${bodyName(p.report)} ${p.report.year} 年度报告另见 ${p.other.file}，数字相同`,
        cells: ['jurisdictionKey', 'year'],
        related: [p.other.file],
      }));
  },
};
