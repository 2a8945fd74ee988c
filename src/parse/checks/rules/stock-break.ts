// Consecutive years: the stock of documents and items must carry over.
// 2021 format: last current + issued − repealed = current. 2019 format: last prevCount + last delta = prevCount.
import type { Report } from '../../model.js';
import { consecutiveYears, isNumber } from '../format.js';
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

function cell(r: Report, row: string, col: string): number | null {
  const v = (r.active as Record<string, Record<string, unknown> | undefined> | null)?.[row]?.[col];
  return isNumber(v as number | null) ? (v as number) : null;
}

export const rule: CorpusRule = {
  id: 'stock-break',
  severity: 'warning',
  group: 'corpus',
  scope: 'corpus',
  description: 'Consecutive years: last current + issued − repealed ≠ current (2021); last prevCount + delta ≠ prevCount (2019)',
  descriptionZh: '相邻年度：上年现行有效 + 本年制发 − 本年废止 ≠ 本年现行有效（2021）；上年项目数 + 增减 ≠ 本年上一年项目数（2019）',
  check(reports) {
    const findings: CorpusFinding[] = [];
    for (const [prev, cur] of consecutiveYears(reports)) {
      if (prev.format === '2021' && cur.format === '2021') {
        for (const row of STOCK_ROWS_2021) {
          const last = cell(prev, row.id, 'current');
          const issued = cell(cur, row.id, 'issued');
          const repealed = cell(cur, row.id, 'repealed');
          const current = cell(cur, row.id, 'current');
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
          const lastCount = cell(prev, row.id, 'prevCount');
          const lastDelta = cell(prev, row.id, 'delta');
          const count = cell(cur, row.id, 'prevCount');
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
