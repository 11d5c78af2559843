import { describe, expect, it } from 'vitest';
import { registeredFor } from './format.ts';
import { zhCN } from './messages-zh.ts';

const t = (key: string, vars: Record<string, string | number> = {}) => zhCN[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

describe('how long a firm has been registered, in words', () => {
  it.each([
    [4712, '12 年 10 个月（4,712 天）'],
    [365, '1 年（365 天）'],
    [364, '364 天'],
    [3409, '9 年 4 个月（3,409 天）'],
  ])('%d days → %s', (days, text) => {
    expect(registeredFor(t, days)).toBe(text);
  });
});
