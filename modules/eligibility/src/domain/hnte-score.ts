/**
 * HNTE innovation-capability score (创新能力评价, 100 points, pass ≥ 70) — 《高新技术企业认定管理工作指引》
 * 国科发火〔2016〕195号. Bands give a range; `low` uses each band's lowest value (a pass at `low` is a sure pass),
 * `high` its highest. Expert items come from `assessed`; when missing they count 0 in `low` and their maximum in `high`.
 */
import { ipCounts, type EnterpriseFigures, type YearFigures } from './input.ts';

export interface ScoreParts {
  ip: number;
  conversion: number;
  rdManagement: number;
  growth: number;
  total: number;
}
type Range = [low: number, high: number];

const expert = (given: number | undefined, max: number): Range => (given === undefined ? [0, max] : [given, given]);

/** IP ≤ 30: advancement ≤ 8, core support ≤ 8, quantity ≤ 8, acquisition ≤ 6, standards ≤ 2. */
export function ipPoints(firm: EnterpriseFigures): Range {
  const c = ipCounts(firm);
  const quantity: Range = c.classI >= 1 ? [7, 8] : c.classII >= 5 ? [5, 6] : c.classII >= 3 ? [3, 4] : c.classII >= 1 ? [1, 2] : [0, 0];
  const acquisition: Range = c.own > 0 ? [1, 6] : c.transferred > 0 ? [1, 3] : [0, 0];
  const parts = [expert(firm.assessed?.advancement, 8), expert(firm.assessed?.coreSupport, 8), quantity, acquisition, expert(firm.assessed?.standards, 2)];
  return [Math.min(30, sum(parts.map((p) => p[0]))), Math.min(30, sum(parts.map((p) => p[1])))];
}

/** Conversions ≤ 30, by the yearly average over the window. */
export function conversionPoints(firm: EnterpriseFigures, window: number[]): Range {
  if (window.length === 0) return [0, 0];
  const average = sum(window.map((y) => firm.conversions?.[String(y)] ?? 0)) / window.length;
  if (average >= 5) return [25, 30];
  if (average >= 4) return [19, 24];
  if (average >= 3) return [13, 18];
  if (average >= 2) return [7, 12];
  if (average >= 1) return [1, 6];
  return [0, 0];
}

/** Growth rate over the window: ½(x₂/x₁ + x₃/x₂) − 1; two years: x₂/x₁ − 1; a zero first year uses the last two. */
export function growthRate(values: (number | undefined)[]): number | null {
  const v = values.filter((x): x is number => x !== undefined);
  if (v.length < 2) return null;
  if (v.length >= 3) {
    const [a, b, c] = v.slice(-3);
    if (b === 0) return null;
    if (a === 0) return c / b - 1;
    return (b / a + c / b) / 2 - 1;
  }
  const [a, b] = v;
  return a === 0 ? null : b / a - 1;
}

function growthBand(rate: number | null): Range {
  if (rate === null) return [0, 0];
  // 115 M after 100 M is 15% growth, though 1.15 − 1 is 0.1499… in binary: round away the float error
  rate = Math.round(rate * 1e9) / 1e9;
  if (rate <= 0) return [0, 0];
  if (rate >= 0.35) return [9, 10];
  if (rate >= 0.25) return [7, 8];
  if (rate >= 0.15) return [5, 6];
  if (rate >= 0.05) return [3, 4];
  return [1, 2];
}

export function growthPoints(years: YearFigures[]): Range {
  const na = growthBand(growthRate(years.map((y) => y.netAssets)));
  const sales = growthBand(growthRate(years.map((y) => y.revenue)));
  return [na[0] + sales[0], na[1] + sales[1]];
}

export function innovationScore(firm: EnterpriseFigures, windowYears: YearFigures[]): { score: ScoreParts; scoreHigh: ScoreParts } {
  const ip = ipPoints(firm);
  const conversion = conversionPoints(firm, windowYears.map((y) => y.year));
  const rdManagement = expert(firm.assessed?.rdManagement, 20);
  const growth = growthPoints(windowYears);
  const at = (i: 0 | 1): ScoreParts => {
    const parts = { ip: ip[i], conversion: conversion[i], rdManagement: rdManagement[i], growth: growth[i] };
    return { ...parts, total: parts.ip + parts.conversion + parts.rdManagement + parts.growth };
  };
  return { score: at(0), scoreHigh: at(1) };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
