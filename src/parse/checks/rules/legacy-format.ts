// A pre-2019 prose report: there are no national tables to check.
import type { ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'legacy-format',
  severity: 'info',
  group: 'form',
  scope: 'report',
  description: 'A pre-2019 prose report: no tables to check',
  descriptionZh: '2019 年以前的文字报告：没有统一表格可供核对',
  check(report) {
    if (report.format !== 'legacy') return [];
    const year = report.year === null ? '' : ` for ${report.year}`;
    const yearZh = report.year === null ? '' : `${report.year} 年度`;
    return [
      {
        message: `legacy report${year}: no national tables; only the figures in sentences are checked`,
        messageZh: `${yearZh}旧格式报告：没有统一表格，仅核对文字中的数字`,
        cells: ['format'],
      },
    ];
  },
};
