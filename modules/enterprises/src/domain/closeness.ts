/**
 * How close a firm that is not an HNTE is to qualifying, for ordering the candidate pool (高企苗子库):
 * first the number of conditions it fails, then how far it falls short on them, summed as shares of
 * what each requires (R&D short by a fifth of the requirement adds 0.2; a failed yes/no condition adds 1).
 * The innovation score is counted as failed only if even the experts' maximum points would not lift it above 70.
 */
import type { HnteResult } from '@kechuang/eligibility/domain';

export interface Closeness {
  failed: number;
  unknown: number;
  shortfall: number;
}

export function hnteCloseness(r: HnteResult): Closeness {
  let failed = 0;
  let unknown = 0;
  let shortfall = 0;
  for (const c of r.conditions) {
    if (c.pass === null) {
      unknown++;
      continue;
    }
    if (c.pass) continue;
    if (c.code === 'innovationScore') {
      if (r.scoreHigh.total >= (c.required as number)) continue;
      failed++;
      shortfall += ((c.required as number) - r.scoreHigh.total) / (c.required as number);
    } else if (typeof c.actual === 'number' && typeof c.required === 'number' && c.required > 0) {
      failed++;
      shortfall += Math.min(1, (c.required - c.actual) / c.required);
    } else {
      failed++;
      shortfall += 1;
    }
  }
  return { failed, unknown, shortfall: Math.round(shortfall * 10_000) / 10_000 };
}

/** The innovation score fails on the sure (low) points but the experts' maximum could still reach the pass mark. */
export function scoreNeedsExperts(r: HnteResult): boolean {
  const c = r.conditions.find((x) => x.code === 'innovationScore');
  return c?.pass === false && r.scoreHigh.total >= (c.required as number);
}

/**
 * The verdict the registry stores: qualified, not qualified, or null when figures are missing or
 * when only the experts' points can decide (every other condition holds).
 */
export function registryVerdict(r: HnteResult): { qualified: boolean | null; failedCodes: string[] } {
  const expert = scoreNeedsExperts(r);
  const failedCodes = r.conditions.filter((x) => x.pass === false && !(expert && x.code === 'innovationScore')).map((x) => x.code);
  const qualified = r.qualified === false && failedCodes.length === 0 ? null : r.qualified;
  return { qualified, failedCodes };
}
