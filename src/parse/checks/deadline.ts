// Which publication deadline applies to a report (条例 第四十九条; before 2019 the old 第三十一条).
import type { Report } from '../model.js';
import type { Thresholds } from './thresholds.js';

export interface Deadline {
  /** ISO date, inclusive. */
  date: string;
  rule: string;
  ruleZh: string;
}

/** The deadline, or null when none applies (township reports, unknown year). */
export function deadlineFor(report: Report, t: Thresholds): Deadline | null {
  const year = report.year;
  if (year === null || report.bodyType === 'township') return null;
  const next = year + 1;
  if (year <= 2018) {
    return {
      date: `${next}-${t.deadlineGovernment}`,
      rule: `old 条例 第三十一条: every report for ${year} by ${next}-${t.deadlineGovernment}`,
      ruleZh: `原条例第三十一条：${year} 年度报告应于 ${next}-${t.deadlineGovernment} 前公布`,
    };
  }
  if (report.bodyType === 'department') {
    return {
      date: `${next}-${t.deadlineDepartment}`,
      rule: `条例 第四十九条: a department's report for ${year} by ${next}-${t.deadlineDepartment}`,
      ruleZh: `条例第四十九条：部门 ${year} 年度报告应于 ${next}-${t.deadlineDepartment} 前公布`,
    };
  }
  // Unknown body type: apply the later (本级政府) date, so only a report late under every reading is flagged.
  const unknown = report.bodyType === 'unknown';
  return {
    date: `${next}-${t.deadlineGovernment}`,
    rule: `条例 第四十九条: a 本级政府 report for ${year} by ${next}-${t.deadlineGovernment}${unknown ? ' (body type unknown: the later deadline applied)' : ''}`,
    ruleZh: `条例第四十九条：本级政府 ${year} 年度报告应于 ${next}-${t.deadlineGovernment} 前公布${unknown ? '（机关类型不明，按较晚期限）' : ''}`,
  };
}
