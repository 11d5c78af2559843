import { describe, expect, it } from 'vitest';
import { convertMoney, parseUserNumber, roundTo, shiftDecimal } from './decimal.ts';

describe('parseUserNumber', () => {
  it.each([
    ['2.43', '2.43', false, undefined],
    ['2.43%', '2.43', true, undefined],
    ['1,029', '1029', false, undefined],
    [' 1 029.50 ', '1029.5', false, undefined],
    ['１２３．４', '123.4', false, undefined],
    ['188.8亿元', '188.8', false, '亿元'],
    ['-0.0', '0', false, undefined],
    [1029, '1029', false, undefined],
    [1e-7, '0.0000001', false, undefined],
  ])('reads %j as %s', (raw, value, hasPercent, unit) => {
    const r = parseUserNumber(raw);
    expect(r).toEqual({ ok: true, number: { value, hasPercent, unit } });
  });

  it.each([['abc'], [''], ['1.2.3'], ['12a'], [null], [Number.NaN]])('refuses %j', (raw) => {
    expect(parseUserNumber(raw).ok).toBe(false);
  });
});

describe('money conversion is exact', () => {
  it('shifts the decimal point both ways', () => {
    expect(convertMoney('1.5', '亿元', '万元')).toBe('15000');
    expect(convertMoney('12345', '万元', '亿元')).toBe('1.2345');
    expect(convertMoney('0.1', '万元', '亿元')).toBe('0.00001');
    expect(convertMoney('3', '元', '元')).toBe('3');
    expect(shiftDecimal('-0.07', 2)).toBe('-7');
  });
  it('rounds half away from zero', () => {
    expect(roundTo(2.345, 2)).toBe(2.35);
    expect(roundTo(-2.345, 2)).toBe(-2.35);
  });
});
