import { describe, expect, it } from 'vitest';
import { computeProgress, expectedValue, lightStatus, type ProgressInput } from './progress.ts';

// Zhenhai 14th plan, R&D intensity: 2.43% in 2020, 3.0% in 2025
const rd: ProgressInput = {
  direction: 'higher',
  trajectory: 'linear',
  baseline: { position: 2020, value: 2.43 },
  target: { position: 2025, value: 3.0 },
  actual: null,
  position: 2023,
  yellowThreshold: 0.1,
};

describe('expected value', () => {
  it('is linear between baseline and target by default', () => {
    expect(expectedValue('linear', rd.baseline!, rd.target!, 2023)).toBeCloseTo(2.43 + 0.57 * 0.6, 10);
  });
  it('follows compound growth when asked', () => {
    // 227 → 583 HNTE over five years: 227·(583/227)^(3/5)
    const e = expectedValue('compound', { position: 2020, value: 227 }, { position: 2025, value: 583 }, 2023);
    expect(e).toBeCloseTo(227 * (583 / 227) ** 0.6, 8);
  });
  it('falls back to linear when compound growth is undefined (zero baseline)', () => {
    expect(expectedValue('compound', { position: 2020, value: 0 }, { position: 2025, value: 10 }, 2022)).toBeCloseTo(4, 10);
  });
  it('stays at the baseline before the plan and at the target after it', () => {
    expect(expectedValue('linear', rd.baseline!, rd.target!, 2019)).toBe(2.43);
    expect(expectedValue('linear', rd.baseline!, rd.target!, 2027)).toBe(3.0);
  });
  it('places a quarter on the axis (2023Q2 = 2022.5)', () => {
    expect(expectedValue('linear', rd.baseline!, rd.target!, 2022.5)).toBeCloseTo(2.43 + 0.57 * 0.5, 10);
  });
});

describe('lights, higher is better', () => {
  // expected in 2023 = 2.772; planned change 0.57, 10% of it = 0.057
  it.each([
    ['at the expected value', 2.772, 'green'],
    ['past the expected value', 2.9, 'green'],
    ['short by less than 10% of the planned change', 2.72, 'yellow'],
    ['short by exactly 10% of the planned change', 2.715, 'yellow'],
    ['short by more than 10% of the planned change', 2.71, 'red'],
    ['below the baseline', 2.3, 'red'],
  ])('%s → %s', (_, actual, light) => {
    expect(computeProgress({ ...rd, actual }).light).toBe(light);
  });
  it('is grey without an actual', () => {
    expect(computeProgress(rd)).toMatchObject({ light: 'grey', completion: null });
  });
  it('is grey without a plan', () => {
    expect(computeProgress({ ...rd, target: null, actual: 3 })).toEqual({ expected: null, completion: null, light: 'grey' });
  });
  it('computes completion as (actual − baseline) / (target − baseline)', () => {
    expect(computeProgress({ ...rd, actual: 2.715 }).completion).toBeCloseTo(0.5, 10);
  });
  it('honours a plan-specific threshold', () => {
    expect(computeProgress({ ...rd, actual: 2.71, yellowThreshold: 0.2 }).light).toBe('yellow');
  });
});

describe('lights, lower is better (mirrored)', () => {
  // energy use per unit GDP: 0.5 → 0.4; expected in 2023 = 0.44; planned change −0.1, 10% = 0.01
  const energy: ProgressInput = { ...rd, direction: 'lower', baseline: { position: 2020, value: 0.5 }, target: { position: 2025, value: 0.4 } };
  it.each([
    ['at the expected value', 0.44, 'green'],
    ['below the expected value', 0.42, 'green'],
    ['above by less than 10% of the planned change', 0.445, 'yellow'],
    ['above by more than 10% of the planned change', 0.46, 'red'],
  ])('%s → %s', (_, actual, light) => {
    expect(computeProgress({ ...energy, actual }).light).toBe(light);
  });
  it('completion is positive when moving down as planned', () => {
    expect(computeProgress({ ...energy, actual: 0.45 }).completion).toBeCloseTo(0.5, 10);
  });
});

describe('lightStatus', () => {
  it.each([
    ['a coloured light', { light: 'green', actual: 5, baseline: 1, target: 9 }, 'green'],
    ['no figure at all', { light: 'grey', actual: null, baseline: null, target: null }, 'noData'],
    ["an actual but no target (the 13th plan's R&D share)", { light: 'grey', actual: 2.43, baseline: 2.41, target: null }, 'noTarget'],
    ['an actual and a target but no baseline (patents per 10,000 people)', { light: 'grey', actual: 67.1, baseline: null, target: 55 }, 'noBaseline'],
    ['a plan but no actual yet', { light: 'grey', actual: null, baseline: 1, target: 9 }, 'noData'],
  ] as const)('says %s', (_, item, status) => expect(lightStatus(item)).toBe(status));
});
