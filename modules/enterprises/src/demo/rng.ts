/** Seeded draws for the demo data (platform-core's mulberry32): the same seed string gives the same firm everywhere. */
import { seededRandom } from '@kechuang/platform-core';

export interface Rng {
  /** [0, 1) */
  next(): number;
  float(min: number, max: number): number;
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** by odds: [[value, weight], …] */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** log-uniform in [min, max]: as many firms of 2–4 million as of 20–40 million */
  logUniform(min: number, max: number): number;
  shuffle<T>(items: T[]): T[];
}

export function rng(seed: string): Rng {
  const next = seededRandom(seed);
  const r: Rng = {
    next,
    float: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(items.length * next())],
    weighted: (items) => {
      let x = next() * items.reduce((s, [, w]) => s + w, 0);
      for (const [v, w] of items) {
        x -= w;
        if (x < 0) return v;
      }
      return items[items.length - 1][0];
    },
    logUniform: (min, max) => Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * next()),
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  };
  return r;
}

/** Splits a whole number over weights, the remainders given to the largest fractions, so the parts add up. */
export function splitCount(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}
