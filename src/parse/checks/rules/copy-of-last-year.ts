// Section 一 or 五 nearly identical to the same body's previous report (内容雷同), by MinHash signatures.
import type { Report } from '../../model.js';
import { sectionSignature, type ComparedSection } from '../corpus-facts.js';
import { similarity } from '../similarity.js';
import { CHECKPOINT, type CorpusRule } from '../types.js';

const COMPARED: ReadonlyArray<{ key: ComparedSection; zh: string; en: string }> = [
  { key: 'overview', zh: '第一部分“总体情况”', en: 'section 一 (overview)' },
  { key: 'problems', zh: '第五部分“存在的主要问题及改进情况”', en: 'section 五 (problems and improvements)' },
];

/** The body's most recent earlier report (the previous year when present). */
function previous(list: readonly Report[], cur: Report): Report | undefined {
  return list.filter((r) => r.year! < cur.year!).at(-1);
}

export const rule: CorpusRule = {
  id: 'copy-of-last-year',
  severity: 'warning',
  group: 'corpus',
  scope: 'corpus',
  perBody: true,
  description: "Section 一 or 五 nearly identical (≥ thresholds.copySimilarity) to the same body's previous report",
  descriptionZh: '第一或第五部分与同一机关上一份报告高度雷同（相似度不低于阈值）',
  *check(reports, ctx) {
    for (const list of ctx.bodies.values()) {
      yield CHECKPOINT;
      for (const cur of list) {
        const prev = previous(list, cur);
        if (!prev) continue;
        for (const s of COMPARED) {
          const a = ctx.facts(cur).sections[s.key];
          const b = ctx.facts(prev).sections[s.key];
          const sim = similarity(sectionSignature(a), sectionSignature(b));
          if (sim === null || sim < ctx.thresholds.copySimilarity) continue;
          const pct = `${Math.round(sim * 100)}%`;
          const limit = `${Math.round(ctx.thresholds.copySimilarity * 100)}%`;
          yield {
            report: cur,
            message: `${s.en} is ${pct} similar (≥ ${limit}) to ${prev.year}'s report ${prev.file}`,
            messageZh: `${s.zh}与 ${prev.year} 年度报告（${prev.file}）相似度 ${pct}（≥ ${limit}），疑似内容雷同`,
            cells: [`sections.${s.key}`],
            line: a!.line,
            related: [prev.file],
          };
        }
      }
    }
  },
};
