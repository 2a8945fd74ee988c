// A report for 2021 or later laid out in the 2019 trial format.
import type { ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'outdated-format',
  severity: 'info',
  group: 'form',
  scope: 'report',
  description: 'A report for 2021 or later laid out in the 2019 format',
  descriptionZh: '2021 年及以后的报告仍使用 2019 年试行格式',
  check(report) {
    if (report.format !== '2019' || report.year === null || report.year < 2021) return [];
    const cited = report.formatEvidence.cited === '2019' ? '; it cites 国办公开办函〔2019〕60号' : '';
    const citedZh = report.formatEvidence.cited === '2019' ? '，并引用国办公开办函〔2019〕60号' : '';
    return [
      {
        message: `report for ${report.year} uses the 2019 format (the 2021 format, 国办公开办函〔2021〕30号, applies)${cited}`,
        messageZh: `${report.year} 年度报告使用 2019 年格式（应使用国办公开办函〔2021〕30号格式）${citedZh}`,
        cells: ['format'],
      },
    ];
  },
};
