// Consecutive years: the stock of documents and items must carry over.
// 2021 format: last current + issued − repealed = current. 2019 format: last prevCount + last delta = prevCount.
import type { Figure } from '../../model.js';
import type { CorpusFacts, StockRow } from '../corpus-facts.js';
import { consecutiveYears } from '../format.js';
import type { CorpusFinding, CorpusRule } from '../types.js';

const STOCK_ROWS_2021 = [
  { id: 'regulations', zh: '规章' },
  { id: 'normativeDocuments', zh: '行政规范性文件' },
] as const;
const STOCK_ROWS_2019 = [
  { id: 'licensing', zh: '行政许可' },
  { id: 'otherServices', zh: '其他对外管理服务事项' },
  { id: 'punishment', zh: '行政处罚' },
  { id: 'enforcement', zh: '行政强制' },
  { id: 'fees', zh: '行政事业性收费' },
] as const;

function cell(facts: CorpusFacts, row: StockRow, col: string): Figure {
  return facts.stock[row][col] ?? null;
}

export const rule: CorpusRule = {
  id: 'stock-break',
  severity: 'warning',
  group: 'corpus',
  scope: 'corpus',
  description: 'Consecutive years: last current + issued − repealed ≠ current (2021); last prevCount + delta ≠ prevCount (2019)',
  descriptionZh: '相邻年度：上年现行有效 + 本年制发 − 本年废止 ≠ 本年现行有效（2021）；上年项目数 + 增减 ≠ 本年上一年项目数（2019）',
  check(reports, ctx) {
    const findings: CorpusFinding[] = [];
    for (const [prev, cur] of consecutiveYears(reports)) {
      const before = ctx.facts(prev);
      const now = ctx.facts(cur);
      if (prev.format === '2021' && cur.format === '2021') {
        for (const row of STOCK_ROWS_2021) {
          const last = cell(before, row.id, 'current');
          const issued = cell(now, row.id, 'issued');
          const repealed = cell(now, row.id, 'repealed');
          const current = cell(now, row.id, 'current');
          if (last === null || issued === null || repealed === null || current === null) continue;
          const expected = last + issued - repealed;
          if (expected === current) continue;
          findings.push({
            report: cur,
            message: `${row.id}: ${prev.year} current ${last} + issued ${issued} − repealed ${repealed} = ${expected} ≠ ${cur.year} current ${current}`,
            messageZh: `${row.zh}：${prev.year} 年现行有效 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected} ≠ ${cur.year} 年现行有效 ${current}`,
            cells: [`active.${row.id}.issued`, `active.${row.id}.repealed`, `active.${row.id}.current`],
            related: [prev.file],
          });
        }
      }
      if (prev.format === '2019' && cur.format === '2019') {
        for (const row of STOCK_ROWS_2019) {
          const lastCount = cell(before, row.id, 'prevCount');
          const lastDelta = cell(before, row.id, 'delta');
          const count = cell(now, row.id, 'prevCount');
          if (lastCount === null || lastDelta === null || count === null) continue;
          const expected = lastCount + lastDelta;
          if (expected === count) continue;
          findings.push({
            report: cur,
            message: `${row.id}: ${prev.year} prevCount ${lastCount} + delta ${lastDelta} = ${expected} ≠ ${cur.year} prevCount ${count}`,
            messageZh: `${row.zh}：${prev.year} 年上一年项目数量 ${lastCount} + 本年增/减 ${lastDelta} = ${expected} ≠ ${cur.year} 年上一年项目数量 ${count}`,
            cells: [`active.${row.id}.prevCount`],
            related: [prev.file],
          });
        }
      }
    }
    return findings;
  },
};
