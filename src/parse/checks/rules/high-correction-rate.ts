// 复议纠错率 / 诉讼纠错率 = corrected / (upheld + corrected + other), raised above a threshold with enough cases.
import { fmt, isNumber } from '../format.js';
import type { ReviewTable } from '../../model.js';
import type { Finding, ReportRule } from '../types.js';

const KINDS = [
  { groups: ['review'], en: 'review correction rate', zh: '复议纠错率' },
  { groups: ['litigationDirect', 'litigationAfterReview'], en: 'litigation correction rate', zh: '诉讼纠错率' },
] as const;

function total(t: ReviewTable, groups: readonly ('review' | 'litigationDirect' | 'litigationAfterReview')[], col: 'upheld' | 'corrected' | 'other'): number {
  let acc = 0;
  for (const g of groups) {
    const v = t[g][col];
    acc += isNumber(v) ? v : 0;
  }
  return acc;
}

export const rule: ReportRule = {
  id: 'high-correction-rate',
  severity: 'info',
  group: 'signal',
  scope: 'report',
  description: 'A review or litigation correction rate above thresholds.correctionRate with at least thresholds.minDecidedCases decided cases',
  descriptionZh: '复议或诉讼纠错率高于阈值（且已审结案件数不少于阈值）',
  check(report, ctx) {
    const t = report.reviews;
    if (!t) return [];
    const findings: Finding[] = [];
    for (const k of KINDS) {
      const upheld = total(t, k.groups, 'upheld');
      const corrected = total(t, k.groups, 'corrected');
      const other = total(t, k.groups, 'other');
      const decided = upheld + corrected + other;
      if (decided < ctx.thresholds.minDecidedCases) continue;
      const rate = corrected / decided;
      if (rate <= ctx.thresholds.correctionRate) continue;
      const pct = `${(rate * 100).toFixed(1)}%`;
      const limit = `${fmt(ctx.thresholds.correctionRate * 100)}%`;
      findings.push({
        message: `${k.en} = corrected ${corrected} / (upheld ${upheld} + corrected ${corrected} + other ${other}) = ${pct} > ${limit}`,
        messageZh: `${k.zh} = 纠正 ${corrected} ÷（维持 ${upheld} + 纠正 ${corrected} + 其他 ${other}）= ${pct} > ${limit}`,
        cells: k.groups.flatMap((g) => [`reviews.${g}.upheld`, `reviews.${g}.corrected`, `reviews.${g}.other`]),
      });
    }
    return findings;
  },
};
