// Table 4: in each group, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计.
import { REVIEW_GROUPS } from '../../model.js';
import { isNumber, reviewTerm, sameNumber, showSum, sum } from '../format.js';
import type { Finding, ReportRule } from '../types.js';

const PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

export const rule: ReportRule = {
  id: 'review-sum',
  severity: 'error',
  group: 'arithmetic',
  scope: 'report',
  description: 'Table 4: in each group, upheld + corrected + other + pending = total',
  descriptionZh: '表四每组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
  check(report) {
    const t = report.reviews;
    if (!t) return [];
    const findings: Finding[] = [];
    for (const g of REVIEW_GROUPS) {
      const group = t[g];
      const total = group.total;
      const filled = PARTS.filter((c) => isNumber(group[c]));
      if (!isNumber(total) || filled.length === 0) continue;
      const parts = filled.map((c) => reviewTerm(g, c, group[c] as number));
      if (sameNumber(sum(parts), total)) continue;
      const totalTerm = reviewTerm(g, 'total', total);
      findings.push({
        message: `${showSum(parts, 'en')} ≠ ${totalTerm.en} ${total}`,
        messageZh: `${showSum(parts, 'zh')} ≠ ${totalTerm.zh} ${total}`,
        cells: [...parts.map((p) => p.path), totalTerm.path],
      });
    }
    return findings;
  },
};
