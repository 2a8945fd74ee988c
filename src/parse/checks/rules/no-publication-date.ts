// Neither a publication date nor a signature date could be found.
import type { ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'no-publication-date',
  severity: 'info',
  group: 'time',
  scope: 'report',
  description: 'Neither a publication nor a signature date can be found',
  descriptionZh: '找不到发布日期，也找不到落款日期',
  check(report) {
    if (report.publishedAt || report.signedAt) return [];
    return [
      {
        message: 'no publication date and no signature date: timeliness cannot be checked',
        messageZh: '既无发布日期也无落款日期，无法核对是否按期公布',
        cells: ['publishedAt', 'signedAt'],
      },
    ];
  },
};
