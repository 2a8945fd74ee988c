// Placeholders of the template left in the text (from report.textFlags, computed at parse time).
import { quote } from '../format.js';
import type { ReportRule } from '../types.js';

export const rule: ReportRule = {
  id: 'template-leftover',
  severity: 'warning',
  group: 'form',
  scope: 'report',
  description: 'Template placeholders left in: （文字描述）, XX, ××, "主动公开信息  条" with the number missing',
  descriptionZh: '残留模板占位内容：（文字描述）、XX、××、“主动公开信息  条”缺少数字等',
  check(report) {
    return (report.textFlags?.templateLeftovers ?? []).map((t) => ({
      message: `template placeholder left in at line ${t.line}: "${quote(t.text)}"`,
      messageZh: `第 ${t.line} 行残留模板内容：“${quote(t.text)}”`,
      cells: [`line.${t.line}`],
      line: t.line,
      text: t.text,
    }));
  },
};
