// A 2019/2021-format report whose table 2, 3 or 4 is absent or holds no figures.
import { hasFigures, isTableFormat } from '../report-facts.js';
import type { Finding, ReportRule } from '../types.js';

const TABLES = [
  { key: 'active', zh: '表二 主动公开政府信息情况', en: 'table 2 (proactive disclosure)' },
  { key: 'applications', zh: '表三 收到和处理政府信息公开申请情况', en: 'table 3 (applications)' },
  { key: 'reviews', zh: '表四 政府信息公开行政复议、行政诉讼情况', en: 'table 4 (reviews and litigation)' },
] as const;

export const rule: ReportRule = {
  id: 'missing-table',
  severity: 'error',
  group: 'form',
  scope: 'report',
  description: 'A 2019/2021-format report whose table 2, 3 or 4 is absent or has no figures',
  descriptionZh: '2019/2021 格式报告缺少表二、表三或表四，或表中没有任何数字',
  check(report) {
    if (!isTableFormat(report)) return [];
    const findings: Finding[] = [];
    for (const t of TABLES) {
      const table = report[t.key];
      if (hasFigures(table)) continue;
      const how = table === null ? { en: 'is missing', zh: '缺失' } : { en: 'has no figures', zh: '没有任何数字' };
      findings.push({
        message: `${report.format}-format report: ${t.en} ${how.en}`,
        messageZh: `${report.format} 格式报告：${t.zh}${how.zh}`,
        cells: [t.key],
      });
    }
    return findings;
  },
};
