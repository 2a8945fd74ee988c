// 2019 and 2021 tables mixed in one report (report.formatEvidence).
import type { ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'mixed-format',
  severity: 'warning',
  group: 'form',
  scope: 'report',
  description: '2019 and 2021 tables mixed in one report',
  descriptionZh: '同一报告混用 2019 年和 2021 年格式的表格',
  check(report) {
    const e = report.formatEvidence;
    const seen2019: { en: string; zh: string }[] = [];
    const seen2021: { en: string; zh: string }[] = [];
    if (e.labels2019) seen2019.push({ en: 'table-2 labels of 2019', zh: '2019 年格式的表二栏目' });
    if (e.labels2021) seen2021.push({ en: 'table-2 labels of 2021', zh: '2021 年格式的表二栏目' });
    if (e.otherHasSubRows === false) seen2019.push({ en: '（六）其他处理 as a single row', zh: '（六）其他处理为单行' });
    if (e.otherHasSubRows === true) seen2021.push({ en: '（六）其他处理 with three sub-rows', zh: '（六）其他处理分三项' });
    if (seen2019.length === 0 || seen2021.length === 0) return [];
    return [
      {
        message: `2019 format (${seen2019.map((s) => s.en).join(', ')}) mixed with 2021 format (${seen2021.map((s) => s.en).join(', ')})`,
        messageZh: `2019 年格式（${seen2019.map((s) => s.zh).join('，')}）与 2021 年格式（${seen2021.map((s) => s.zh).join('，')}）混用`,
        cells: ['formatEvidence'],
      },
    ];
  },
};
