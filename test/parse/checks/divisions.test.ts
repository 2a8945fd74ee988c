import { describe, expect, it } from 'vitest';
import { childDivisions, divisionByCode, findDivision } from '../../../src/parse/divisions.js';

describe('divisions', () => {
  it('finds the region of a body from its name', () => {
    expect(findDivision('乌鲁木齐市人民政府')?.code).toBe('650100');
    expect(findDivision('乌鲁木齐县人民政府办公室')).toMatchObject({ code: '650121', level: 'county', parentCode: '650100' });
    expect(findDivision('新疆维吾尔自治区人民政府')?.level).toBe('province');
    expect(findDivision('乌鲁木齐市教育局')?.code).toBe('650100');
  });
  it('uses the parent named before an ambiguous name, and gives up when there is none', () => {
    expect(findDivision('北京市朝阳区人民政府')?.code).toBe('110105');
    expect(findDivision('长春市朝阳区人民政府')?.code).toBe('220104');
    expect(findDivision('朝阳区人民政府')).toBeNull();
    expect(findDivision('某某单位')).toBeNull();
    expect(findDivision(null)).toBeNull();
  });
  it("knows a region's parent and children; a municipality's districts belong to the province code", () => {
    expect(divisionByCode('110105')?.parentCode).toBe('110000');
    expect(childDivisions('650100').map((d) => d.name)).toEqual(['天山区', '沙依巴克区', '新市区', '水磨沟区', '头屯河区', '达坂城区', '米东区', '乌鲁木齐县']);
  });
  it('keeps 东莞, 中山 and 儋州 as prefecture-level cities, not their own parents (a report naming them once hung the parser)', () => {
    for (const [code, name] of [['441900', '东莞市'], ['442000', '中山市'], ['460400', '儋州市']] as const) {
      // Checked on the data first: with the loop in it, findDivision below would never return.
      expect(divisionByCode(code)).toMatchObject({ name, level: 'prefecture', parentCode: `${code.slice(0, 2)}0000` });
      expect(childDivisions(code).map((d) => d.code)).not.toContain(code);
      expect(findDivision(`${name}人民政府`)?.code).toBe(code);
    }
  });
});
