// Consecutive years of one body: this year's 上年结转 must be last year's 结转下年度, column by column.
import { APPLICANT_COLUMNS, type ApplicantColumn } from '../../model.js';
import { applicationTerm, consecutiveYears, isNumber } from '../format.js';
import { CHECKPOINT, type CorpusRule } from '../types.js';

export const rule: CorpusRule = {
  id: 'carryover-break',
  severity: 'warning',
  group: 'corpus',
  scope: 'corpus',
  perBody: true,
  description: "Consecutive years of one body: this year's carriedOver ≠ last year's carriedForward (per column)",
  descriptionZh: '同一机关相邻年度：本年“上年结转”≠ 上年“结转下年度”（逐列）',
  *check(reports, ctx) {
    for (const [prev, cur] of consecutiveYears(ctx.bodies)) {
      yield CHECKPOINT;
      const carriedForward = ctx.facts(prev).applications?.carriedForward;
      const carriedOver = ctx.facts(cur).applications?.carriedOver;
      if (!carriedForward || !carriedOver) continue;
      // Both rows hold their figures in APPLICANT_COLUMNS order.
      const broken: Array<{ c: ApplicantColumn; a: number; b: number }> = [];
      APPLICANT_COLUMNS.forEach((c, i) => {
        const a = carriedForward[i];
        const b = carriedOver[i];
        if (isNumber(a) && isNumber(b) && a !== b) broken.push({ c, a, b });
      });
      if (broken.length === 0) continue;
      const parts = broken.map(({ c, a, b }) => {
        const before = applicationTerm('carriedForward', c, a);
        const now = applicationTerm('carriedOver', c, b);
        return {
          en: `${cur.year} ${now.en} ${now.value} ≠ ${prev.year} ${before.en} ${before.value}`,
          zh: `${cur.year} 年${now.zh} ${now.value} ≠ ${prev.year} 年${before.zh} ${before.value}`,
          path: now.path,
        };
      });
      yield {
        report: cur,
        message: `${parts.map((p) => p.en).join('; ')} (${prev.file})`,
        messageZh: `${parts.map((p) => p.zh).join('；')}（${prev.file}）`,
        cells: parts.map((p) => p.path),
        related: [prev.file],
      };
    }
  },
};
