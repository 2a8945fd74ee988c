// What the loader does with a folder changed since its findings were stored (load/reused-findings.ts): the rules that
// work body by body skip the bodies whose findings it already has, it adds those, and each report's anomalies are put
// back in registry order. The result must be exactly a full pass's.
import { describe, expect, it } from 'vitest';
import { checkSteps, groupByBody, inRegistryOrder, PER_BODY_RULE_IDS, RULES, runChecks } from '../../../src/parse/checks/index.js';
import type { Report } from '../../../src/parse/model.js';
import { applications, makeReport, thresholds } from './factory.js';

const gov = (name: string, code: string, n: number, year: number) =>
  makeReport({
    file: `${name}-${year}.txt`,
    year,
    jurisdiction: `${name}人民政府`,
    jurisdictionKey: name,
    divisionCode: code,
    applications: applications({ newReceived: n, granted: n, outcomeTotal: n }),
  });

const CHILDREN = [
  ['天山区', '650102'], ['沙依巴克区', '650103'], ['新市区', '650104'], ['水磨沟区', '650105'],
  ['头屯河区', '650106'], ['达坂城区', '650107'], ['米东区', '650109'], ['乌鲁木齐县', '650121'],
] as const;

/** A city whose 2021 table-3 totals are not its districts' sum (hierarchy-sum) and which has no 2020 report (missing-year). */
const folder = (): Report[] => [gov('乌鲁木齐市', '650100', 70, 2019), gov('乌鲁木齐市', '650100', 70, 2021), ...CHILDREN.map(([name, code]) => gov(name, code, 10, 2021))];

describe('checkSteps with skipBodies', () => {
  it('runs the per-body rules on the other bodies only, and every other rule on everything', () => {
    const reports = folder();
    runChecks(reports, thresholds, { crossReport: false });
    for (const _ of checkSteps(reports, thresholds, { crossReport: true, perReport: false, skipBodies: new Set(['乌鲁木齐市']) })) void _;
    const city2021 = reports[1]!.anomalies.map((a) => a.id);
    expect(city2021).toContain('hierarchy-sum');
    expect(city2021).not.toContain('missing-year');
  });

  it('plus the skipped bodies’ findings from a full pass, in registry order, gives that full pass exactly', () => {
    const full = folder();
    runChecks(full, thresholds, { crossReport: true });
    // Both a per-body rule and a rule across bodies find something on the city's 2021 report, the latter (earlier in
    // the registry) added last here: the order has to be mended.
    const ids = full[1]!.anomalies.map((a) => a.id);
    expect(ids).toContain('missing-year');
    expect(ids.indexOf('hierarchy-sum')).toBeLessThan(ids.indexOf('missing-year'));

    const partial = folder();
    runChecks(partial, thresholds, { crossReport: false });
    const own = partial.map((r) => r.anomalies.length);
    const skipped = groupByBody(partial).get('乌鲁木齐市')!;
    for (const r of skipped) {
      const same = full[partial.indexOf(r)]!;
      r.anomalies.push(...same.anomalies.filter((a) => PER_BODY_RULE_IDS.has(a.id)));
    }
    for (const _ of checkSteps(partial, thresholds, { crossReport: true, perReport: false, skipBodies: new Set(['乌鲁木齐市']) })) void _;
    partial.forEach((r, i) => inRegistryOrder(r.anomalies, own[i]!));
    expect(JSON.stringify(partial)).toBe(JSON.stringify(full));
  });
});

describe('PER_BODY_RULE_IDS', () => {
  it('names the cross-report rules that work body by body, and not hierarchy-sum, which compares bodies', () => {
    expect([...PER_BODY_RULE_IDS].sort()).toEqual(['carryover-break', 'copy-of-last-year', 'duplicate-report', 'missing-year', 'republished-different', 'stock-break']);
    expect(RULES.find((r) => r.id === 'hierarchy-sum')?.scope).toBe('corpus');
  });
});

describe('inRegistryOrder', () => {
  it('sorts from the given position on by registry place, keeping each rule’s own order', () => {
    const a = (id: string, message: string) => ({ id, severity: 'info' as const, message, messageZh: message, cells: [], fingerprint: message });
    const list = [a('balance', 'own'), a('missing-year', 'm1'), a('hierarchy-sum', 'h1'), a('missing-year', 'm2'), a('stock-break', 's1')];
    inRegistryOrder(list, 1);
    expect(list.map((x) => x.message)).toEqual(['own', 's1', 'h1', 'm1', 'm2']);
  });
});
