import { describe, expect, it } from 'vitest';
import { layoutPages, type TextItem } from '../../../src/parse/inputs/pdf-layout.js';

const item = (str: string, x: number, y: number, height = 10): TextItem => ({ str, x, y, width: str.length * height * 0.6, height });

describe('layoutPages', () => {
  it('joins a table split across pages and drops running headers and page numbers', () => {
    const header = (page: number) => [item('某某县2024年政府信息公开工作年度报告', 100, 800), item(`- ${page} -`, 280, 20)];
    const page1 = [
      ...header(1),
      item('三、收到和处理政府信息公开申请情况', 40, 700),
      item('一、本年新收', 40, 680), item('4', 300, 680), item('0', 350, 680), item('4', 400, 680),
      item('二、上年结转', 40, 660), item('0', 300, 660), item('0', 400, 660),
    ];
    const page2 = [...header(2), item('（一）予以公开', 40, 760), item('4', 300, 760), item('0', 350, 760), item('4', 400, 760)];
    const text = layoutPages([
      { height: 842, items: page1 },
      { height: 842, items: page2 },
    ]);
    expect(text.split('\n')).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收\t4\t0\t4',
      '二、上年结转\t0\t\t0',
      '（一）予以公开\t4\t0\t4',
    ]);
  });

  it('returns no text for pages without text items', () => {
    expect(layoutPages([{ height: 842, items: [] }])).toBe('');
  });
});
