// Two files give the same body and year with the same figures.
import { duplicateSets, fileList } from '../duplicates.js';
import { bodyName } from '../format.js';
import { CHECKPOINT, type CorpusRule } from '../types.js';

export const rule: CorpusRule = {
  id: 'duplicate-report',
  severity: 'warning',
  group: 'corpus',
  scope: 'corpus',
  perBody: true,
  description: 'Two files give the same body and year (same figures; see republished-different when they differ)',
  descriptionZh: '两个文件是同一机关同一年度的报告（数字相同；数字不同见 republished-different）',
  *check(reports, ctx) {
    for (const d of duplicateSets(ctx.bodies)) {
      if (d === CHECKPOINT) yield d;
      else if (d.same.length > 0) {
        yield {
          report: d.report,
          message: `${bodyName(d.report)} ${d.report.year}: also in ${fileList(d.same)}, with the same figures`,
          messageZh: `${bodyName(d.report)} ${d.report.year} 年度报告另见 ${fileList(d.same)}，数字相同`,
          cells: ['jurisdictionKey', 'year'],
          related: d.same.map((o) => o.file),
        };
      }
    }
  },
};
