import { describe, expect, it } from 'vitest';
import { parseCell, tableFromRecords } from './table.ts';

describe('cells of a numeric column', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['1e3', 1000],
    ['1,234.5', 1234.5],
    [' 7 ', 7],
    ['.5', 0.5],
  ])('"%s" reads as %d', (text, value) => expect(parseCell(text)).toBe(value));
  it.each(['', 'NA', 'n/a', '-', '—', '缺失'])('"%s" reads as missing', (text) => expect(parseCell(text)).toBeNaN());
  it.each(['abc', '12%', '1,2', '3 件', '0x10', 'Infinity'])('"%s" is not a number', (text) => expect(parseCell(text)).toBeNull());
});

describe('tableFromRecords', () => {
  const need = { numeric: ['patents', 'rd'], text: ['industry'] };
  it('reads numeric columns as Float64Array (missing = NaN) and text columns as strings', () => {
    const t = tableFromRecords(
      ['id', 'industry', 'patents', 'rd', 'ignored'],
      [
        ['A', 'C39', '3', '', 'x'],
        ['B', 'C40', '5', '2.5', 'y'],
      ],
      need,
    );
    expect(t.ids).toEqual(['A', 'B']);
    expect(Array.from(t.columns.get('rd')!)).toEqual([NaN, 2.5]);
    expect(t.text.get('industry')).toEqual(['C39', 'C40']);
    expect(t.columns.has('ignored')).toBe(false);
  });
  it('refuses text in an indicator column, naming the column, the row and the value', () => {
    expect(() =>
      tableFromRecords(
        ['id', 'industry', 'patents', 'rd'],
        [
          ['A', 'C', '3', '1'],
          ['B', 'C', '三', '2'],
        ],
        need,
      ),
    ).toThrow(expect.objectContaining({ reason: 'DATA_NOT_NUMBER', message: '列 patents 应为数字，但有 1 个单元格不是数字：第 3 行 "三"' }));
  });
  it('refuses missing columns, naming them all', () => {
    expect(() => tableFromRecords(['id', 'patents'], [], need)).toThrow(/数据缺少列：rd、industry/);
  });
  it('refuses a repeated or empty id, naming the rows', () => {
    expect(() =>
      tableFromRecords(
        ['id', 'industry', 'patents', 'rd'],
        [
          ['A', '', '1', '1'],
          ['A', '', '2', '2'],
        ],
        need,
      ),
    ).toThrow(/实体 id A 重复（第 2 行与第 3 行）/);
    expect(() => tableFromRecords(['id', 'industry', 'patents', 'rd'], [[' ', '', '1', '1']], need)).toThrow(/第 2 行的 id 为空/);
  });
});
