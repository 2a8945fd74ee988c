// other.noFee (逾期未缴费) > 0 means fee notices went out; section 六 saying none were issued contradicts it.
import { quote } from '../format.js';
import { NO_FEE } from '../text-signals.js';
import type { ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'fee-notice-mismatch',
  severity: 'warning',
  group: 'prose',
  scope: 'report',
  description: 'other.noFee (逾期未缴费) > 0 while section 六 says no fee notice or fee was issued',
  descriptionZh: '表三“逾期未按收费通知要求缴纳费用”大于 0，而第六部分称未发出收费通知或未产生信息处理费',
  check(report) {
    const n = report.applications?.other.noFee.total;
    if (typeof n !== 'number' || n <= 0) return [];
    const statement =
      report.textFlags?.noFeeStatement ??
      // 未收取 alone is no contradiction (the applicant never paid); only "no notice / no fee arose" is.
      report.narrativeMentions.find((m) => m.id === 'feesCharged' && m.value === false && NO_FEE.test(m.text)) ??
      null;
    if (!statement) return [];
    return [
      {
        message: `table 3 other.noFee = ${n} (applicants who did not pay after a fee notice), but the text says no fee was issued: "${quote(statement.text)}"`,
        messageZh: `表三“逾期未按收费通知要求缴纳费用”为 ${n} 件（说明发出过收费通知），但正文称未收费：“${quote(statement.text)}”`,
        cells: ['applications.other.noFee.total', 'narrative.feesCharged'],
        line: statement.line,
        text: statement.text,
      },
    ];
  },
};
