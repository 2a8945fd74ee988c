// The checks in steps (checkSteps): the loader runs them a slice at a time, so that the explorer keeps drawing and
// taking keys while a big folder is checked (test/scale/events.test.ts). Paused or not, the findings must be the same.
import { describe, expect, it } from 'vitest';
import { checkSteps, RULES, runChecks } from '../../../src/parse/checks/index.js';
import { corpusFacts } from '../../../src/parse/checks/corpus-facts.js';
import { groupByBody } from '../../../src/parse/checks/format.js';
import { signature } from '../../../src/parse/checks/similarity.js';
import { CHECKPOINT, type CorpusRule, type Rule } from '../../../src/parse/checks/types.js';
import type { Report } from '../../../src/parse/model.js';
import { applications, makeReport, sections, thresholds } from './factory.js';

/** A problems section some bodies write again every year. */
const COPIED = '我县政务公开工作取得一定成效，但仍存在信息更新不及时、政策解读形式单一、互动交流不足等问题。下一步将加强培训，完善制度，提升质量。';

/** The counties of 乌鲁木齐市 (650100): with the city itself, a complete set for hierarchy-sum. */
const COUNTIES = [
  ['天山区', '650102'], ['沙依巴克区', '650103'], ['新市区', '650104'], ['水磨沟区', '650105'],
  ['头屯河区', '650106'], ['达坂城区', '650107'], ['米东区', '650109'], ['乌鲁木齐县', '650121'],
] as const;

/**
 * Eight counties and their city over four years, with something for every cross-report rule to find: a broken
 * carry-over, a stock that does not carry, a year missing, a problems section copied from last year, a report filed
 * twice (once with the same figures, once with others), and a city total that is not its counties' sum.
 */
function folder(): Report[] {
  const reports: Report[] = [];
  const bodies = [...COUNTIES.map(([name, code]) => ({ name, code, level: 'county' as const })), { name: '乌鲁木齐市', code: '650100', level: 'prefecture' as const }];
  bodies.forEach(({ name, code, level }, b) => {
    for (const year of [2020, 2021, 2022, 2023]) {
      if (b === 2 && year === 2021) continue; // missing-year
      const received = 4 + ((b + year) % 3);
      const report = makeReport({
        file: `${name}/${year}.txt`,
        jurisdiction: `${name}人民政府`,
        jurisdictionKey: name,
        divisionCode: code,
        level,
        year,
        applications: applications({ newReceived: received, granted: received, outcomeTotal: received, carriedOver: b === 1 && year === 2022 ? 3 : 0 }),
        active: { normativeDocuments: { issued: 1, repealed: 0, current: b === 4 ? 7 : year - 2019 } },
        sections: sections({ problems: { signature: signature(b % 2 === 0 ? COPIED : `${year}年，${name}的问题是第${b}类问题：${'各不相同，'.repeat(year - 2018)}明年另作安排。`) } }),
      });
      reports.push(report);
      if (b === 5 && year === 2023) reports.push({ ...structuredClone(report), file: `${name}/${year}-copy.txt` });
      if (b === 6 && year === 2023) {
        reports.push({ ...structuredClone(report), file: `${name}/${year}-other.txt`, applications: applications({ newReceived: 9, granted: 9, outcomeTotal: 9 }) });
      }
    }
  });
  return reports;
}

const anomaliesOf = (reports: Report[]) => reports.map((r) => ({ file: r.file, anomalies: r.anomalies }));

describe('checkSteps', () => {
  it('finds exactly what runChecks finds, with the event loop run at every step', async () => {
    const whole = folder();
    const paused = folder();
    runChecks(whole, thresholds, { crossReport: true });
    let steps = 0;
    for (const step of checkSteps(paused, thresholds, { crossReport: true })) {
      void step;
      steps++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(steps).toBeGreaterThan(50);
    const ids = new Set(whole.flatMap((r) => r.anomalies.map((a) => a.id)));
    // The folder gives every corpus rule something to find, so the comparison covers them all.
    for (const rule of RULES.filter((r) => r.scope === 'corpus')) expect(ids, rule.id).toContain(rule.id);
    expect(anomaliesOf(paused)).toEqual(anomaliesOf(whole));
  });

  it('adds nothing of a corpus rule that fails part way', async () => {
    const failing: CorpusRule = {
      ...(RULES.find((r) => r.id === 'missing-year') as CorpusRule),
      *check(reports, ctx) {
        for (const step of (RULES.find((r) => r.id === 'missing-year') as CorpusRule).check(reports, ctx)) yield step;
        throw new Error('broken rule');
      },
    };
    const index = RULES.findIndex((r) => r.id === 'missing-year');
    const original = RULES[index]!;
    (RULES as Rule[])[index] = failing;
    try {
      const reports = folder();
      runChecks(reports, thresholds, { crossReport: true });
      expect(reports.flatMap((r) => r.anomalies.map((a) => a.id))).not.toContain('missing-year');
      expect(reports.flatMap((r) => r.anomalies.map((a) => a.id))).toContain('carryover-break');
    } finally {
      (RULES as Rule[])[index] = original;
    }
  });
});

describe('corpus rules', () => {
  it('each pause at least once per body, findings or not', () => {
    const reports = folder();
    runChecks(reports, thresholds, { crossReport: false }); // sets the division codes hierarchy-sum reads
    const bodies = groupByBody(reports);
    const ctx = { thresholds, facts: corpusFacts, bodies };
    for (const rule of RULES.filter((r): r is CorpusRule => r.scope === 'corpus')) {
      const checkpoints = [...rule.check(reports, ctx)].filter((step) => step === CHECKPOINT).length;
      expect(checkpoints, rule.id).toBeGreaterThanOrEqual(bodies.size);
    }
  });
});
