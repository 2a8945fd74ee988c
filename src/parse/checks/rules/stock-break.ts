// Consecutive years: the stock of documents and items must carry over.
// 2021 format: last current + issued − repealed = current. 2019 format: last prevCount + last delta = prevCount.
import { stockIndex } from '../corpus-facts.js';
import { consecutiveYears } from '../format.js';
import { CHECKPOINT, type CorpusRule } from '../types.js';

// Each row with where its cells sit in the facts (corpus-facts.ts, stockIndex), looked up once.
const STOCK_ROWS_2021 = ([
  { id: 'regulations', zh: '规章' },
  { id: 'normativeDocuments', zh: '行政规范性文件' },
] as const).map((row) => ({ ...row, issued: stockIndex(row.id, 'issued'), repealed: stockIndex(row.id, 'repealed'), current: stockIndex(row.id, 'current') }));
const STOCK_ROWS_2019 = ([
  { id: 'licensing', zh: '行政许可' },
  { id: 'otherServices', zh: '其他对外管理服务事项' },
  { id: 'punishment', zh: '行政处罚' },
  { id: 'enforcement', zh: '行政强制' },
  { id: 'fees', zh: '行政事业性收费' },
] as const).map((row) => ({ ...row, prevCount: stockIndex(row.id, 'prevCount'), delta: stockIndex(row.id, 'delta') }));

export const rule: CorpusRule = {
  id: 'stock-break',
  severity: 'warning',
  group: 'corpus',
  scope: 'corpus',
  perBody: true,
  description: 'Consecutive years: last current + issued − repealed ≠ current (2021); last prevCount + delta ≠ prevCount (2019)',
  descriptionZh: '相邻年度：上年现行有效 + 本年制发 − 本年废止 ≠ 本年现行有效（2021）；上年项目数 + 增减 ≠ 本年上一年项目数（2019）',
  *check(reports, ctx) {
    for (const [prev, cur] of consecutiveYears(ctx.bodies)) {
      yield CHECKPOINT;
      const before = ctx.facts(prev);
      const now = ctx.facts(cur);
      if (prev.format === '2021' && cur.format === '2021') {
        for (const row of STOCK_ROWS_2021) {
          const last = before.stock[row.current] ?? null;
          const issued = now.stock[row.issued] ?? null;
          const repealed = now.stock[row.repealed] ?? null;
          const current = now.stock[row.current] ?? null;
          if (last === null || issued === null || repealed === null || current === null) continue;
          const expected = last + issued - repealed;
          if (expected === current) continue;
          yield {
            report: cur,
            message: `${row.id}: ${prev.year} current ${last} + issued ${issued} − repealed ${repealed} = ${expected} ≠ ${cur.year} current ${current}`,
            messageZh: `${row.zh}：${prev.year} 年现行有效 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected} ≠ ${cur.year} 年现行有效 ${current}`,
            cells: [`active.${row.id}.issued`, `active.${row.id}.repealed`, `active.${row.id}.current`],
            related: [prev.file],
          };
        }
      }
      if (prev.format === '2019' && cur.format === '2019') {
        for (const row of STOCK_ROWS_2019) {
          const lastCount = before.stock[row.prevCount] ?? null;
          const lastDelta = before.stock[row.delta] ?? null;
          const count = now.stock[row.prevCount] ?? null;
          if (lastCount === null || lastDelta === null || count === null) continue;
          const expected = lastCount + lastDelta;
          if (expected === count) continue;
          yield {
            report: cur,
            message: `${row.id}: ${prev.year} prevCount ${lastCount} + delta ${lastDelta} = ${expected} ≠ ${cur.year} prevCount ${count}`,
            messageZh: `${row.zh}：${prev.year} 年上一年项目数量 ${lastCount} + 本年增/减 ${lastDelta} = ${expected} ≠ ${cur.year} 年上一年项目数量 ${count}`,
            cells: [`active.${row.id}.prevCount`],
            related: [prev.file],
          };
        }
      }
    }
  },
};
