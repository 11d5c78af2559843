/**
 * The market's events (zod-free, so that the web may import them as values): kinds, statuses and the moves between
 * them (planned → open for sign-up → held → closed; planned, open or held → cancelled with a reason), and an
 * auction's premium (final price / start price − 1).
 */
export const EVENT_KINDS = ['fair', 'roadshow', 'auction'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['planned', 'open', 'held', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_MOVES: Record<EventStatus, readonly EventStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['held', 'cancelled'],
  held: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

/** an event's listings may be attached and its details edited only before it is held */
export const EDITABLE_STATUSES: readonly EventStatus[] = ['planned', 'open'];
/** outcomes are recorded once it is held */
export const OUTCOME_STATUSES: readonly EventStatus[] = ['held', 'closed'];

/** final / start − 1, rounded to 4 places; null without both prices or with a start of 0 */
export function premiumOf(start: number | null, final: number | null): number | null {
  if (start === null || final === null || start <= 0) return null;
  return Math.round((final / start - 1) * 10_000) / 10_000;
}

/** an auction's sold lots together: their start and final prices summed and the premium of the sums */
export function auctionTotals(lots: readonly { startPrice: number | null; finalPrice: number | null; sold: boolean | null }[]): {
  lots: number;
  sold: number;
  startTotal: number;
  finalTotal: number;
  premium: number | null;
} {
  const sold = lots.filter((l) => l.sold === true && l.startPrice !== null && l.finalPrice !== null);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const startTotal = round2(sold.reduce((s, l) => s + (l.startPrice ?? 0), 0));
  const finalTotal = round2(sold.reduce((s, l) => s + (l.finalPrice ?? 0), 0));
  return { lots: lots.length, sold: sold.length, startTotal, finalTotal, premium: sold.length ? premiumOf(startTotal, finalTotal) : null };
}
