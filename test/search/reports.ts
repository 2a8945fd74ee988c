// Minimal reports for search tests: only the fields the search reads carry meaning.
import type { Report } from '../../src/parse/model.js';
import { emptyReport } from '../fixtures/model.js';

export function fakeReport(file: string, jurisdiction: string | null, year: number | null, jurisdictionKey: string | null = null): Report {
  return emptyReport({ file, jurisdiction, jurisdictionKey, year });
}

export const CORPUS: Report[] = [
  fakeReport('a/urumqi-2021.txt', '乌鲁木齐市人民政府', 2021, '乌鲁木齐市'),
  fakeReport('a/urumqi-2022.txt', '乌鲁木齐市人民政府', 2022, '乌鲁木齐市'),
  fakeReport('b/county-2024.txt', '乌鲁木齐县人民政府', 2024, '乌鲁木齐县'),
  fakeReport('c/saybagh-2023.txt', '沙依巴克区人民政府办公室', 2023, '沙依巴克区'),
  fakeReport('d/xinjiang-2021.txt', '新疆维吾尔自治区人民政府', 2021, '新疆维吾尔自治区'),
  fakeReport('e/beijing-2021.txt', '北京市人民政府', 2021, '北京市'),
  fakeReport('f/xian-2020.txt', '西安市人民政府', 2020, '西安市'),
  fakeReport('g/lvliang-2019.txt', '吕梁市人民政府', 2019, '吕梁市'),
  fakeReport('h/unknown.txt', null, null),
  fakeReport('i/karamay-2021.txt', '克拉玛依市生态环境局', 2021, '克拉玛依市生态环境局'),
];
