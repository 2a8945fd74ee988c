// Published (or signed, when there is no publication date) after the statutory deadline.
import { deadlineFor } from '../deadline.js';
import type { ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'late-publication',
  severity: 'warning',
  group: 'time',
  scope: 'report',
  description:
    'Published (or signed) after the deadline of 条例 第四十九条: departments 31 Jan, 本级政府 31 Mar; 2008-2018 reports 31 Mar (old 第三十一条); townships skipped',
  descriptionZh: '公布（或落款）日期晚于条例第四十九条期限：部门次年1月31日、本级政府次年3月31日；2008-2018年度均为3月31日；乡镇不检查',
  check(report, ctx) {
    const deadline = deadlineFor(report, ctx.thresholds);
    const date = report.publishedAt ?? report.signedAt;
    if (!deadline || !date || date <= deadline.date) return [];
    const field = report.publishedAt ? 'publishedAt' : 'signedAt';
    const what = field === 'publishedAt' ? { en: 'published', zh: '发布日期' } : { en: 'signed (no publication date)', zh: '落款日期（无发布日期）' };
    return [
      {
        message: `${what.en} ${date} > deadline ${deadline.date} — ${deadline.rule}`,
        messageZh: `${what.zh} ${date} 晚于期限 ${deadline.date}——${deadline.ruleZh}`,
        cells: [field],
      },
    ];
  },
};
