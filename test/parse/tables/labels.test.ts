import { describe, expect, it } from 'vitest';
import { canonicalLabel, matchActiveLabel, matchApplicationLabel, splitNumbering } from '../../../src/parse/stages/tables/labels.js';

const row = (label: string, group: Parameters<typeof matchApplicationLabel>[1] = null) => {
  const m = matchApplicationLabel(label, group);
  return m.type === 'row' ? m.id : m.type;
};

describe('splitNumbering / canonicalLabel', () => {
  it('strips every level of numbering and keeps the innermost', () => {
    expect(splitNumbering('三、(一)予以公开')).toEqual({ numbering: { kind: 'group', n: 1 }, rest: '予以公开' });
    expect(splitNumbering('3.危及“三安全一稳定”').numbering).toEqual({ kind: 'sub', n: 3 });
    expect(splitNumbering('(七)总计').numbering).toEqual({ kind: 'group', n: 7 });
  });
  it('folds quotes and the format.md aliases', () => {
    expect(canonicalLabel('3.危及"三安全一稳定"')).toBe(canonicalLabel('3.危及「三安全一稳定」'));
    expect(canonicalLabel('规范性档案')).toBe('规范性文件');
    expect(canonicalLabel('8.属于行政查询事务')).toBe('属于行政查询事项');
    expect(canonicalLabel('5.属于三类内部事务信息')).toBe('属于三类内部事务信息');
  });
});

describe('matchApplicationLabel', () => {
  it('maps every official label to its id', () => {
    expect(row('一、本年新收政府信息公开申请数量')).toBe('newReceived');
    expect(row('二、上年结转政府信息公开申请数量')).toBe('carriedOver');
    expect(row('(二)部分公开(区分处理的,只计这一情形,不计其他情形)')).toBe('partial');
    expect(row('(一)予以公开')).toBe('granted');
    expect(row('3.危及‘三安全一稳定’')).toBe('denied.securityStability');
    expect(row('8.属于行政查询事务')).toBe('denied.adminQuery');
    expect(row('1.本机关不掌握相关政府信息')).toBe('unavailable.notHeld');
    expect(row('5.要求行政机关确认或重新出具已获取信息')).toBe('notProcessed.confirmation');
    expect(row('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')).toBe('other.noFee');
    expect(row('(七)总计')).toBe('outcomeTotal');
    expect(row('四、结转下年度继续办理')).toBe('carriedForward');
  });
  it('reads parent labels as groups, not rows', () => {
    expect(matchApplicationLabel('(三)不予公开', null)).toEqual({ type: 'group', group: 'denied' });
    expect(matchApplicationLabel('三、本年度办理结果', null)).toEqual({ type: 'group', group: 'outcome' });
    expect(matchApplicationLabel('(六)其他处理', null)).toEqual({ type: 'group', group: 'other' });
  });
  it('needs the group to read 3.其他 and a bare sub-row number', () => {
    expect(row('3.其他', 'other')).toBe('other.other');
    expect(row('其他', 'other')).toBe('column');
    expect(row('其他', null)).toBe('column');
    expect(row('2.', 'unavailable')).toBe('unavailable.needsCreation');
    expect(row('2.', 'denied')).toBe('denied.lawForbidden');
    expect(row('2.', null)).toBe('none');
  });
  it('reads a bare 总计 as the header column', () => {
    expect(matchApplicationLabel('总计', 'other')).toEqual({ type: 'column', column: 'total' });
    expect(matchApplicationLabel('小计', null)).toEqual({ type: 'column', column: 'subtotal' });
  });
});

describe('matchActiveLabel', () => {
  it('recognises block items, columns with their generation, and rows', () => {
    expect(matchActiveLabel('第二十条 第(五)项')).toEqual({ type: 'item', item: 5 });
    expect(matchActiveLabel('第二十条第(九)项')).toEqual({ type: 'item', item: 9 });
    expect(matchActiveLabel('本年制发件数')).toMatchObject({ type: 'column', column: 'issued', format: '2021' });
    expect(matchActiveLabel('本年增/减')).toMatchObject({ type: 'column', column: 'delta', format: '2019' });
    expect(matchActiveLabel('采购总金额(万元)')).toMatchObject({ type: 'column', column: 'amount', unit: '万元' });
    expect(matchActiveLabel('规范性档案')).toEqual({ type: 'row', id: 'normativeDocuments' });
    expect(matchActiveLabel('规章(设区的市、自治州人民政府应提供相关数据)')).toEqual({ type: 'row', id: 'regulations' });
    expect(matchActiveLabel('信息内容')).toEqual({ type: 'header' });
  });
});
