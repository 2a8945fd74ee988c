// A gap in a body's series inside the loaded folder.
import { bodyName } from '../format.js';
import { CHECKPOINT, type CorpusRule } from '../types.js';

export const rule: CorpusRule = {
  id: 'missing-year',
  severity: 'info',
  group: 'corpus',
  scope: 'corpus',
  perBody: true,
  description: "A gap in a body's series of years inside the loaded folder",
  descriptionZh: '已加载文件夹中同一机关的年度报告有缺年',
  *check(reports, ctx) {
    for (const list of ctx.bodies.values()) {
      yield CHECKPOINT;
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        const cur = list[i]!;
        if (cur.year! - prev.year! <= 1) continue;
        const missing = Array.from({ length: cur.year! - prev.year! - 1 }, (_, k) => prev.year! + 1 + k);
        yield {
          report: cur,
          message: `${bodyName(cur)}: no report for ${missing.join(', ')} between ${prev.year} and ${cur.year}`,
          messageZh: `${bodyName(cur)}：${prev.year} 与 ${cur.year} 之间缺少 ${missing.join('、')} 年度报告`,
          cells: ['year'],
          related: [prev.file],
        };
      }
    }
  },
};
