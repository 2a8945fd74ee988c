import { describe, expect, it } from 'vitest';
import { classifyJurisdiction, jurisdictionKey, looksLikeBodyName, normalizeBodyName } from '../../src/parse/jurisdiction.js';

function info(name: string): [string, string, string] {
  const j = classifyJurisdiction(name);
  return [j.key, j.level, j.bodyType];
}

describe('classifyJurisdiction', () => {
  it('treats a region government and the region as one body', () => {
    expect(info('乌鲁木齐市人民政府')).toEqual(['乌鲁木齐市', 'prefecture', 'government']);
    expect(info('乌鲁木齐市人民政府机关')).toEqual(['乌鲁木齐市', 'prefecture', 'government']);
    expect(info('乌鲁木齐市政府')).toEqual(['乌鲁木齐市', 'prefecture', 'government']);
    expect(info('乌鲁木齐市')).toEqual(['乌鲁木齐市', 'prefecture', 'government']);
  });
  it('keeps 市 and 县 of the same name apart', () => {
    expect(info('乌鲁木齐县人民政府')).toEqual(['乌鲁木齐县', 'county', 'government']);
    expect(info('乌鲁木齐县')).toEqual(['乌鲁木齐县', 'county', 'government']);
    expect(jurisdictionKey('乌鲁木齐县人民政府')).not.toBe(jurisdictionKey('乌鲁木齐市人民政府'));
  });
  it('keeps a department of a government distinct from the government', () => {
    expect(info('乌鲁木齐市人民政府办公室')).toEqual(['乌鲁木齐市人民政府办公室', 'department', 'department']);
    expect(info('沙依巴克区人民政府办公室')).toEqual(['沙依巴克区人民政府办公室', 'department', 'department']);
    expect(info('乌鲁木齐县人民政府办公室')).toEqual(['乌鲁木齐县人民政府办公室', 'department', 'department']);
    expect(info('省人民政府办公厅')).toEqual(['省人民政府办公厅', 'department', 'department']);
    expect(info('市场监督管理局')).toEqual(['市场监督管理局', 'department', 'department']);
    expect(info('乌鲁木齐市发展和改革委员会')[1]).toBe('department');
    expect(info('乌鲁木齐市国有资产监督管理委员会')[2]).toBe('department');
    expect(info('乌鲁木齐市政务服务中心')[2]).toBe('department');
  });
  it('folds harmless spelling variants into one key', () => {
    expect(jurisdictionKey('乌鲁木齐市政府办公室')).toBe('乌鲁木齐市人民政府办公室');
    expect(jurisdictionKey('乌鲁木齐市 人民政府')).toBe('乌鲁木齐市');
    expect(normalizeBodyName('乌鲁木齐市人民政府　办公室')).toBe('乌鲁木齐市人民政府办公室');
    expect(jurisdictionKey('沙依巴克区政府办公室')).toBe(jurisdictionKey('沙依巴克区人民政府办公室'));
  });
  it('knows provinces, autonomous regions and municipalities', () => {
    expect(info('新疆维吾尔自治区')).toEqual(['新疆维吾尔自治区', 'province', 'government']);
    expect(info('新疆维吾尔自治区人民政府')).toEqual(['新疆维吾尔自治区', 'province', 'government']);
    expect(info('内蒙古自治区')).toEqual(['内蒙古自治区', 'province', 'government']);
    expect(info('广东省人民政府')).toEqual(['广东省', 'province', 'government']);
    expect(info('北京市')).toEqual(['北京市', 'province', 'government']);
    expect(info('重庆市人民政府')).toEqual(['重庆市', 'province', 'government']);
  });
  it('tells 自治区, 自治州, 自治县 and 地区 from 区', () => {
    expect(info('昌吉回族自治州')[1]).toBe('prefecture');
    expect(info('巴音郭楞蒙古自治州人民政府')).toEqual(['巴音郭楞蒙古自治州', 'prefecture', 'government']);
    expect(info('木垒哈萨克自治县')[1]).toBe('county');
    expect(info('喀什地区')[1]).toBe('prefecture');
    expect(info('喀什地区行政公署')).toEqual(['喀什地区', 'prefecture', 'government']);
    expect(info('锡林郭勒盟')[1]).toBe('prefecture');
    expect(info('海淀区')).toEqual(['海淀区', 'district', 'government']);
    expect(info('北京市海淀区人民政府')).toEqual(['北京市海淀区', 'district', 'government']);
    expect(info('沙依巴克区人民政府')).toEqual(['沙依巴克区', 'district', 'government']);
    expect(info('科尔沁右翼前旗')[1]).toBe('county');
  });
  it('makes a 市 county-level only when a parent region is written before it', () => {
    expect(info('阜康市')[1]).toBe('prefecture');
    expect(info('昌吉回族自治州阜康市')[1]).toBe('county');
    expect(info('新疆维吾尔自治区乌鲁木齐市')[1]).toBe('prefecture');
    expect(info('郑州市人民政府')[1]).toBe('prefecture');
    expect(info('河南省郑州市')[1]).toBe('prefecture');
    expect(info('浙江省温州市瑞安市')[1]).toBe('county');
  });
  it('recognises townships and street offices', () => {
    expect(info('某某街道办事处')).toEqual(['某某街道办事处', 'unknown', 'township']);
    expect(info('八家户街道')[2]).toBe('township');
    expect(info('水西沟镇人民政府')).toEqual(['水西沟镇', 'unknown', 'township']);
    expect(info('托里乡')[2]).toBe('township');
  });
  it('returns unknown for names it cannot place', () => {
    expect(info('')).toEqual(['', 'unknown', 'unknown']);
    expect(info('年度报告')).toEqual(['年度报告', 'unknown', 'unknown']);
  });
});

describe('looksLikeBodyName', () => {
  it('accepts body names and rejects pronouns and sentences', () => {
    expect(looksLikeBodyName('沙依巴克区人民政府办公室')).toBe(true);
    expect(looksLikeBodyName('新疆维吾尔自治区')).toBe(true);
    expect(looksLikeBodyName('我区')).toBe(false);
    expect(looksLikeBodyName('全市')).toBe(false);
    expect(looksLikeBodyName('根据《条例》要求,本机关')).toBe(false);
    expect(looksLikeBodyName('2025年2月25日')).toBe(false);
  });
});
