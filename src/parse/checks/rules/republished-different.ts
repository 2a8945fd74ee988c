// Two files give the same body and year but their figures differ: at least one of them is wrong.
import { duplicateSets, fileList } from '../duplicates.js';
import { bodyName } from '../format.js';
import { CHECKPOINT, type CorpusRule } from '../types.js';

const SHOWN = 4;

export const rule: CorpusRule = {
  id: 'republished-different',
  severity: 'error',
  group: 'corpus',
  scope: 'corpus',
  perBody: true,
  description: 'Two files give the same body and year and their figures differ',
  descriptionZh: '同一机关同一年度有两个文件，且数字不同',
  *check(reports, ctx) {
    for (const p of duplicateSets(ctx.bodies)) {
      if (p === CHECKPOINT) yield p;
      else if (p.different.length > 0) {
        const shown = p.differing.slice(0, SHOWN).map((d) => `${d.path} ${String(d.mine)} vs ${String(d.theirs)}`);
        const more = p.differing.length > SHOWN ? ` … (+${p.differing.length - SHOWN})` : '';
        yield {
          report: p.report,
          message: `${bodyName(p.report)} ${p.report.year}: ${fileList(p.different)} gives different figures: ${shown.join('; ')}${more}`,
          messageZh: `${bodyName(p.report)} ${p.report.year} 年度报告与 ${fileList(p.different)} 数字不同：${shown.join('；')}${more}`,
          cells: p.differing.map((d) => d.path),
          related: p.different.map((o) => o.file),
        };
      }
    }
  },
};
