import { describe, expect, it } from 'vitest';
import { planShortZh } from './plan-names.ts';

describe('planShortZh', () => {
  it.each([
    ['FYP13', '十三五'],
    ['FYP14', '十四五'],
    ['FYP15', '十五五'],
    ['FYP9', '九五'],
    ['FYP10', '十五'],
    ['FYP20', '二十五'],
    ['CITY2030', 'CITY2030'],
  ])('names %s %s', (code, name) => expect(planShortZh(code)).toBe(name));
});
