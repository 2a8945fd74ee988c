// When the folder holds a region's 本级政府 report and the 本级政府 reports of all its children for a year,
// compare the parent's table-3 totals with the children's sum.
import { childDivisions, divisionByCode } from '../../divisions.js';
import type { Report } from '../../model.js';
import { isNumber } from '../format.js';
import { CHECKPOINT, type CorpusRule } from '../types.js';

const ROWS = [
  { id: 'newReceived', fact: 'newReceivedTotal', zh: '本年新收' },
  { id: 'outcomeTotal', fact: 'outcomeTotalTotal', zh: '办理结果总计' },
] as const;

export const rule: CorpusRule = {
  id: 'hierarchy-sum',
  severity: 'info',
  group: 'corpus',
  scope: 'corpus',
  description: "A region's 本级政府 report and all its children's for a year: the parent's table-3 totals vs the children's sum",
  descriptionZh: '同一年度同时有上级政府及其全部下级政府的报告时：上级表三总数与下级之和比较',
  *check(reports, ctx) {
    const governments: Report[] = [];
    for (const r of reports) {
      if (r.bodyType !== 'government' || !r.divisionCode || r.year === null) continue;
      yield CHECKPOINT; // reading the facts of every government's report is most of this rule's time
      if (ctx.facts(r).applications) governments.push(r);
    }
    const byCodeYear = new Map<string, Report>();
    for (const r of governments) byCodeYear.set(`${r.divisionCode}|${r.year}`, r);
    for (const parent of governments) {
      yield CHECKPOINT;
      if (!divisionByCode(parent.divisionCode!)) continue;
      const kids = childDivisions(parent.divisionCode!);
      if (kids.length === 0) continue;
      const children = kids.map((k) => byCodeYear.get(`${k.code}|${parent.year}`));
      if (children.some((c) => c === undefined)) continue; // only a complete set says anything
      const present = children as Report[];
      for (const row of ROWS) {
        const own = ctx.facts(parent).applications![row.fact];
        const values = present.map((c) => ctx.facts(c).applications![row.fact]);
        if (!isNumber(own) || !values.every(isNumber)) continue;
        const total = (values as number[]).reduce((a, b) => a + b, 0);
        if (total === own) continue;
        const list = present.map((c, i) => `${c.jurisdiction ?? c.file} ${values[i]}`).join(' + ');
        yield {
          report: parent,
          message: `${row.id}.total ${own} vs the ${present.length} subordinate governments' sum ${list} = ${total}`,
          messageZh: `${row.zh}总计 ${own}，下级 ${present.length} 个政府合计 ${list} = ${total}`,
          cells: [`applications.${row.id}.total`],
          related: present.map((c) => c.file),
        };
      }
    }
  },
};
