import { describe, expect, it } from 'vitest';
import { usccCheckCharacter, usccRegion, validateUscc } from './uscc.ts';

describe('USCC (GB 32100-2015)', () => {
  it("accepts the standard's example and computes its check character", () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({ uscc: '91350100M000100Y43', problem: null });
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });
  it('reads a code as users type it: spaces around, lower case', () => {
    expect(validateUscc(' 91350100m000100y43 ').problem).toBeNull();
  });
  it('names the check character a mistyped code should have', () => {
    expect(validateUscc('91350100M000100Y44')).toEqual({ uscc: '91350100M000100Y44', problem: 'checkCharacter', expected: '3' });
  });
  it('writes a check value of 31 as 0', () => {
    // find a prefix whose weighted sum is a multiple of 31, so that 31 − 0 = 31 → '0'
    const prefix = '91330211MA2AFX3X0';
    const sums = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => usccCheckCharacter(prefix.slice(0, 16) + c));
    expect(sums).toContain('0');
  });
  it.each([
    ['too short', '91350100M000100Y4', 'length'],
    ['a letter the standard leaves out (I)', '91350100M0001I0Y43', 'character'],
    ['a letter the standard leaves out (O)', '9135010OM000100Y43', 'character'],
    ['a region that is not six digits', '91A50100M000100Y43', 'region'],
  ])('refuses %s', (_, code, problem) => {
    expect(validateUscc(code).problem).toBe(problem);
  });
  it('gives the region of registration', () => {
    expect(usccRegion('91350100M000100Y43')).toBe('350100');
  });
});
