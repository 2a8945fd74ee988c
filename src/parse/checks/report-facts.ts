// Facts about a report that several rules share.
import { SECTION_KEYS, type Report, type Section, type SectionKey } from '../model.js';

/** A report in one of the national table formats (2019 trial or 2021). */
export function isTableFormat(r: Report): boolean {
  return r.format === '2019' || r.format === '2021';
}

/** True when any leaf of a table object is a number. */
export function hasFigures(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (value === null || typeof value !== 'object') return false;
  // A loop rather than Object.values(...).some: several rules ask this of every table of every report.
  for (const key in value) if (Object.hasOwn(value, key) && hasFigures((value as Record<string, unknown>)[key])) return true;
  return false;
}

export function sectionOf(r: Report, key: SectionKey): Section | undefined {
  return r.sections.find((s) => s.key === key);
}

export const SECTION_LABELS: Record<SectionKey, { zh: string; en: string; ordinal: string }> = {
  overview: { zh: '总体情况', en: 'overview', ordinal: '一' },
  active: { zh: '主动公开政府信息情况', en: 'proactive disclosure', ordinal: '二' },
  applications: { zh: '收到和处理政府信息公开申请情况', en: 'applications', ordinal: '三' },
  reviews: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'reviews and litigation', ordinal: '四' },
  problems: { zh: '存在的主要问题及改进情况', en: 'problems and improvements', ordinal: '五' },
  other: { zh: '其他需要报告的事项', en: 'other matters', ordinal: '六' },
};

export const STATUTORY_ORDER: readonly SectionKey[] = SECTION_KEYS;
