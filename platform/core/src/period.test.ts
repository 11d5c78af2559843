import { describe, expect, it } from 'vitest';
import { parsePeriod, periodPosition } from './period.ts';

describe('parsePeriod', () => {
  it.each([
    ['2023', '2023', 2023],
    ['2023Q2', '2023Q2', 2022.5],
    ['2023q4', '2023Q4', 2023],
    ['2023-05', '2023-05', 2022 + 5 / 12],
    ['2023年', '2023', 2023],
    ['2023年5月', '2023-05', 2022 + 5 / 12],
    ['2023年第二季度', '2023Q2', 2022.5],
  ])('%s is %s at %d', (raw, text, pos) => {
    const p = parsePeriod(raw);
    expect(p?.text).toBe(text);
    expect(periodPosition(p!)).toBeCloseTo(pos, 10);
  });
  it.each([['2023Q5'], ['2023-13'], ['23'], ['abc'], ['1800']])('refuses %s', (raw) => {
    expect(parsePeriod(raw)).toBeNull();
  });
});
