// Table 4: in each group, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计.
import { REVIEW_GROUPS } from '../../model.js';
import { isNumber, reviewTerm, sameNumber, showSum } from '../format.js';
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
      if (!isNumber(total)) continue;
      // The parts' sum in the order sum() adds them; terms (labels, paths) only for a group that fails.
      let s = 0;
      let filled = 0;
      for (const c of PARTS) {
        const v = group[c];
        if (isNumber(v)) (s += v), filled++;
      }
      if (filled === 0 || sameNumber(s, total)) continue;
      const parts = PARTS.filter((c) => isNumber(group[c])).map((c) => reviewTerm(g, c, group[c] as number));
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
