import { expect, it } from 'vitest';
import { doublingProgress } from './doubling.ts';

it('reads doubling progress on the compound path from base to target', () => {
  // 227 in 2020 to 583 in 2025 (the 14th plan's HNTE count): after 4 of 5 years the path is 227·(583/227)^0.8
  const p = doublingProgress({ baseYear: 2020, base: 227, year: 2024, current: 480, targetYear: 2025, target: 583 });
  expect(p.expected).toBeCloseTo(227 * Math.pow(583 / 227, 0.8), 1);
  expect(p.completion).toBeCloseTo((480 - 227) / (583 - 227), 6);
  expect(p.expected).toBe(482.8); // 227 · 2.5683^0.8 = 227 · 2.1268
  expect(p.onTrack).toBe(false);
  expect(doublingProgress({ baseYear: 2020, base: 227, year: 2024, current: 482, targetYear: 2025, target: 583 }).onTrack).toBe(true);
  const behind = doublingProgress({ baseYear: 2020, base: 227, year: 2024, current: 300, targetYear: 2025, target: 583 });
  expect(behind.onTrack).toBe(false);
});

it('has no completion when the target equals the base', () => {
  expect(doublingProgress({ baseYear: 2020, base: 10, year: 2022, current: 12, targetYear: 2025, target: 10 }).completion).toBeNull();
});
