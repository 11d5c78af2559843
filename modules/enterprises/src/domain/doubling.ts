/**
 * 双倍增: the doubling plan for HNTE and tech-SME counts, read as progress from a base year to a target
 * year. Expected is the compound path from base to target (the indicators' `compound` trajectory).
 */
export interface DoublingProgress {
  baseYear: number;
  base: number;
  year: number;
  current: number;
  targetYear: number;
  target: number;
  /** share of the way from base to target, 1 = done */
  completion: number | null;
  /** where the compound path says the count should be this year */
  expected: number;
  onTrack: boolean;
}

export function doublingProgress(p: { baseYear: number; base: number; year: number; current: number; targetYear: number; target: number }): DoublingProgress {
  const span = p.targetYear - p.baseYear;
  const t = span <= 0 ? 1 : Math.min(1, Math.max(0, (p.year - p.baseYear) / span));
  const expected = p.base > 0 && p.target > 0 ? p.base * Math.pow(p.target / p.base, t) : p.base + (p.target - p.base) * t;
  const completion = p.target === p.base ? null : (p.current - p.base) / (p.target - p.base);
  return { ...p, completion, expected: Math.round(expected * 10) / 10, onTrack: p.current >= Math.floor(expected) };
}
