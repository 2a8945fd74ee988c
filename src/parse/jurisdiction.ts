// The reporting body's name → a grouping key, an administrative level and a body type (format.md §2).
// Pure string rules: a region's government is the region (乌鲁木齐市人民政府 → 乌鲁木齐市), while a department of
// that government stays a body of its own (乌鲁木齐市人民政府办公室). The publication deadline depends on bodyType.
import type { BodyType, Level } from './model.js';
import { toHalfWidth } from './stages/normalize.js';

export interface JurisdictionInfo {
  /** The name with harmless variants folded (市政府办公室 → 市人民政府办公室, widths, spaces). */
  name: string;
  /** Groups the years of one body: a region's government suffixes removed, a department kept whole. */
  key: string;
  level: Level;
  bodyType: BodyType;
}

const MUNICIPALITIES = ['北京市', '上海市', '天津市', '重庆市'];

// Longest first: 人民政府机关 must be removed as a whole, not leave 人民政府 behind.
const GOVERNMENT_SUFFIXES = ['人民政府机关', '人民政府', '政府机关', '政府', '行政公署'];

// A region name ends in one of these; 自治区 / 地区 must be tested before 区, 自治州 before 州 and so on.
const PROVINCE_SUFFIX = /(?:省|自治区|特别行政区)$/;
const PREFECTURE_SUFFIX = /(?:自治州|州|地区|盟)$/;
const COUNTY_SUFFIX = /(?:自治县|自治旗|县|旗|特区|林区)$/;
const DISTRICT_SUFFIX = /区$/;
const CITY_SUFFIX = /市$/;
const TOWNSHIP_SUFFIX = /(?:街道办事处|街道|办事处|民族乡|乡|镇|苏木)$/;

// Names of organs, not regions. 委 covers 发改委-style abbreviations; 办 covers 外事办; 会 covers 委员会 / 联合会.
const DEPARTMENT_SUFFIX =
  /(?:局|委员会|委|厅|办公室|办公厅|办|中心|署|院|所|站|队|处|部|会|社|馆|公司|集团|学校|大学|医院|银行|法院|检察院|管委会|管理委员会)$/;

/** Folds the variants one body is written in: widths, spaces, 市政府 ↔ 市人民政府. */
export function normalizeBodyName(raw: string): string {
  let name = toHalfWidth(raw).replace(/[\s\u3000]+/g, '');
  // 政府 right after a region suffix is short for 人民政府 (乌鲁木齐市政府办公室 = 乌鲁木齐市人民政府办公室).
  name = name.replace(/(省|自治区|市|州|地区|盟|县|旗|区|乡|镇)政府/g, (_m, region: string) => `${region}人民政府`);
  return name;
}

/** Removes one government suffix (人民政府机关 / 人民政府 / 政府机关 / 政府) from the end, if present. */
function stripGovernmentSuffix(name: string): string {
  for (const suffix of GOVERNMENT_SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length);
  }
  return name;
}

/** The level of a bare region name (no government suffix), or null when it is not a region. */
function regionLevel(region: string): Level | null {
  if (MUNICIPALITIES.includes(region)) return 'province';
  if (PROVINCE_SUFFIX.test(region)) return 'province';
  if (PREFECTURE_SUFFIX.test(region)) return 'prefecture';
  if (COUNTY_SUFFIX.test(region)) return 'county';
  if (DISTRICT_SUFFIX.test(region)) return 'district';
  if (CITY_SUFFIX.test(region)) return cityLevel(region);
  return null;
}

// A 市 is a prefecture-level city unless a parent region is written before it (昌吉回族自治州阜康市,
// 乌鲁木齐市某某市): then it is a county-level city. A province prefix alone (新疆维吾尔自治区乌鲁木齐市) does not
// demote it, and a 州 that ends the city's own name (郑州市, 杭州市) is not a parent.
function cityLevel(region: string): Level {
  const withoutProvince = region.slice(0, -1).replace(/^.*?(?:省|自治区)(?=.)/, '');
  return /(?:州|地区|盟|市)./.test(withoutProvince) ? 'county' : 'prefecture';
}

/** Key, level and body type of a reporting body named as in the report (Simplified). */
export function classifyJurisdiction(raw: string): JurisdictionInfo {
  const name = normalizeBodyName(raw);
  if (name === '') return { name, key: '', level: 'unknown', bodyType: 'unknown' };
  const region = stripGovernmentSuffix(name);
  if (TOWNSHIP_SUFFIX.test(region)) {
    // A township has no level of its own in the model; its government key drops 人民政府 like any region.
    return { name, key: region, level: 'unknown', bodyType: 'township' };
  }
  if (region === name && DEPARTMENT_SUFFIX.test(name)) {
    return { name, key: name, level: 'department', bodyType: 'department' };
  }
  const level = regionLevel(region);
  if (level) return { name, key: region, level, bodyType: 'government' };
  return { name, key: name, level: 'unknown', bodyType: 'unknown' };
}

/** The grouping key alone. */
export function jurisdictionKey(raw: string): string {
  return classifyJurisdiction(raw).key;
}

// Suffixes that end a body's name, for finding one inside running text (`2023年,XX坚持…`) or a signature.
export const BODY_NAME_END =
  /(?:人民政府机关|人民政府|政府|办公室|办公厅|委员会|办事处|街道|局|委|厅|中心|署|院|所|站|队|处|办|省|自治区|自治州|州|地区|盟|自治县|县|旗|区|市|乡|镇)$/;

/** Whether a short string plausibly names a reporting body (not 我市, 全区, a sentence…). */
export function looksLikeBodyName(text: string): boolean {
  const name = normalizeBodyName(text);
  if (name.length < 2 || name.length > 40) return false;
  if (/^(?:我|本|全|各|该)/.test(name)) return false;
  if (/[,，。;；:：、!?“”"'《》()\d]/.test(name)) return false;
  // A bare suffix (政府, 局) is not a name: it must classify as some kind of body.
  return BODY_NAME_END.test(name) && classifyJurisdiction(name).bodyType !== 'unknown';
}
