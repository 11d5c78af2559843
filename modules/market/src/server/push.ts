/**
 * Push (精准推送, issue 11 item 3): when a listing is published, or changed while published, its counterparts
 * above the threshold are kept as matches (market_matches) and told about:
 * - a demand's achievements, experts and providers: each counterpart's institute accounts hear of the demand,
 *   the enterprise's accounts get one notification listing what was found;
 * - an achievement's, expert's or provider's demands: each demand's enterprise accounts hear of it, the
 *   institute's accounts get one notification listing the demands;
 * - the technology brokers of the demand's field (a published broker of the same field or chain link) hear of
 *   each new pair, to follow it up (follow-up.ts).
 * A pair pushed again updates its match and its notifications (their keys), so an edit does not repeat them.
 */
import { notifyBoundAccounts, type Db } from '@kechuang/platform-server';
import type { Listing, ListingKind } from '../contract/market.ts';
import { KIND_PATHS } from '../contract/kinds.ts';
import { KINDS, type KindSpec } from '../db/listings.ts';
import { brokersOfField, upsertMatch } from '../db/matches.ts';
import { BROKER_KIND, INSTITUTE_KIND } from './bound-kind.ts';
import { counterpartsOf } from './matching.ts';

/**
 * The threshold: a counterpart is pushed when its score is at least PUSH_MIN_SCORE and at least PUSH_RATIO of
 * the best counterpart's of its kind, PUSH_MAX of each kind at most. On the labelled set (39 demands × 100
 * achievements, modules/market/data/eval) this pushes 61 pairs, 1.6 per demand, of which 79% are graded 2 or 3,
 * and reaches 92% of the pairs graded 2 or 3 (a ratio of 0.3 pushes 85 pairs at 58%; 0.5 pushes 51 at 90% but
 * reaches 88%).
 */
export const PUSH_MIN_SCORE = 10;
export const PUSH_RATIO = 0.4;
export const PUSH_MAX = 5;
/** how many of each kind are ranked before the threshold is applied */
const RANKED = 20;

const linkOf = (kind: ListingKind, id: number): string => `/market/${KIND_PATHS[kind]}/${id}`;
const quoted = (title: string): string => `「${title}」`;

/** the bound kind and id of the accounts that speak for a listing's owner (none for the bureau's own listings) */
function ownerAccounts(l: Listing): { kind: string; id: number } | null {
  if (l.owner.id === null) return null;
  if (l.owner.kind === 'enterprise') return { kind: 'enterprise', id: l.owner.id };
  if (l.owner.kind === 'institute') return { kind: INSTITUTE_KIND, id: l.owner.id };
  if (l.owner.kind === 'broker') return { kind: BROKER_KIND, id: l.owner.id };
  return null;
}

export interface PushOutcome {
  /** pairs kept (new or updated) */
  matches: number;
  /** notifications written or changed */
  notified: number;
}

/** The counterparts above the threshold, best first, of each kind. */
export function aboveThreshold<T extends { score: number }>(items: readonly T[]): T[] {
  const best = items[0]?.score ?? 0;
  return items.filter((m) => m.score >= PUSH_MIN_SCORE && m.score >= PUSH_RATIO * best).slice(0, PUSH_MAX);
}

/** Pushes a published listing's matches (in the caller's transaction). */
export async function pushMatches(tx: Db, spec: KindSpec, l: Listing): Promise<PushOutcome> {
  const out: PushOutcome = { matches: 0, notified: 0 };
  const found: { counterpart: Listing; score: number; reasons: string[] }[] = [];
  for (const group of await counterpartsOf(tx, spec, l, RANKED)) {
    for (const m of aboveThreshold(group.items)) found.push({ counterpart: m.listing, score: m.score, reasons: m.reasons });
  }
  if (found.length === 0) return out;

  const isDemand = spec.kind === 'demand';
  for (const f of found) {
    const demand = isDemand ? l : f.counterpart;
    const other = isDemand ? f.counterpart : l;
    const matchId = await upsertMatch(tx, { demandId: demand.id, counterpartKind: other.kind, counterpartId: other.id, score: f.score, reasons: f.reasons });
    out.matches++;
    // the side that did not just publish hears of the new counterpart
    const told = ownerAccounts(f.counterpart);
    if (told) {
      out.notified += await notifyBoundAccounts(tx, told.kind, told.id, {
        kind: 'market.match',
        dedupKey: `market.match:${matchId}`,
        link: linkOf(l.kind, l.id),
        title: isDemand
          ? {
              zh: `新需求匹配您的${KINDS[other.kind].label.zh}${quoted(other.title)}：${quoted(demand.title)}`,
              en: `A new demand matches your ${KINDS[other.kind].label.en} "${other.title}": "${demand.title}"`,
            }
          : {
              zh: `新${spec.label.zh}匹配您的需求${quoted(demand.title)}：${quoted(other.title)}`,
              en: `A new ${spec.label.en} matches your demand "${demand.title}": "${other.title}"`,
            },
        body: { zh: f.reasons.join('\n'), en: f.reasons.join('\n') },
      });
    }
    // the brokers of the demand's field, to follow the pair up
    for (const brokerId of await brokersOfField(tx, demand)) {
      out.notified += await notifyBoundAccounts(tx, BROKER_KIND, brokerId, {
        kind: 'market.brokerMatch',
        dedupKey: `market.broker:${matchId}`,
        link: `/market/follow-up?match=${matchId}`,
        title: { zh: `待跟进：需求${quoted(demand.title)} ↔ ${quoted(other.title)}`, en: `To follow up: demand "${demand.title}" ↔ "${other.title}"` },
        body: { zh: f.reasons.join('\n'), en: f.reasons.join('\n') },
      });
    }
  }

  // the publishing side: one notification listing what was found
  const own = ownerAccounts(l);
  if (own) {
    const titles = found.map((f) => `· ${f.counterpart.title}`).join('\n');
    out.notified += await notifyBoundAccounts(tx, own.kind, own.id, {
      kind: 'market.matchesFound',
      dedupKey: `market.found:${l.kind}:${l.id}`,
      link: linkOf(l.kind, l.id),
      title: { zh: `${quoted(l.title)}已发布，找到 ${found.length} 条推荐匹配`, en: `"${l.title}" is published: ${found.length} matches found` },
      body: { zh: titles, en: titles },
    });
  }
  return out;
}
