/**
 * The market's page for leaders (科技大市场 · 成效, issue 11 item 7): the region's listings, matches, leads and deals
 * per month and town, with the registered technology contracts (the tech-contracts room's) beside them.
 */
import { z } from 'zod';
import { LEAD_STATUSES } from './lead-stages.ts';
import { LISTING_KINDS } from './kinds.ts';

/** the most months one overview spans */
export const OVERVIEW_MAX_MONTHS = 60;

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const ZOverviewQuery = z
  .object({ from: ZMonth.optional(), to: ZMonth.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to is before from' })
  .refine((q) => !q.from || !q.to || monthsBetween(q.from, q.to).length <= OVERVIEW_MAX_MONTHS, {
    path: ['from'],
    message: `at most ${OVERVIEW_MAX_MONTHS} months`,
  });

const counts = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);

export const ZOverviewFigures = z.object({
  /** listings published in the period (their publication month), by kind */
  listings: counts(LISTING_KINDS),
  /** matches first pushed in the period (the demand's region) */
  matches: z.number(),
  /** leads opened in the period, by their present stage */
  leads: counts(LEAD_STATUSES),
  /** leads marked signed in the period (the month of the move) */
  signed: z.number(),
  /** technology contracts registered in the period, their contract amount (合同成交额) and technical amount (技术交易额), yuan */
  contracts: z.number(),
  contractAmount: z.number(),
  techAmount: z.number(),
});
export type OverviewFigures = z.infer<typeof ZOverviewFigures>;

export const ZMarketOverview = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  /** the towns (and parks) of the user's region; the district's own unit is its code with the name 区本级 */
  towns: z.array(z.object({ code: z.string(), name: z.string() })),
  /** the non-empty cells: one per month and town */
  cells: z.array(ZOverviewFigures.extend({ month: z.string(), town: z.string() })),
  totals: ZOverviewFigures,
});
export type MarketOverview = z.infer<typeof ZMarketOverview>;

/** YYYY-MM months from `from` to `to`, both included */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while ((y < ty || (y === ty && m <= tm)) && out.length <= OVERVIEW_MAX_MONTHS * 2) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
