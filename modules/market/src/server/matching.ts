/**
 * A listing's counterparts as the engine ranks them over the published listings, from the database's term index:
 * a demand's achievements, experts and providers; an achievement's, an expert's or a provider's demands. The
 * matches route shows them; the push (push.ts) keeps those above its threshold.
 */
import type { Db } from '@kechuang/platform-server';
import type { Listing, ListingKind, MatchItem } from '../contract/market.ts';
import { defaultEngine } from '../data/index.ts';
import { matchStored, queryTerms, type MatchText } from '../domain/index.ts';
import { KINDS, candidates, listingsByIds, searchWhere, type KindSpec, type ListingValues, type Viewer } from '../db/listings.ts';
import { matchTextOf } from './reading.ts';

/** who sees the published listings only: an account bound to nothing of the market (a listing's matches are of published listings) */
export const PUBLISHED_ONLY: Viewer = { bureau: false, path: null, bound: { kind: '', id: null } };

/** the engine's best `top` of the listings of `spec` under `where` for `text`, from the database's term index */
export async function ranked(db: Db, spec: KindSpec, where: ReturnType<typeof searchWhere>, text: MatchText, top: number) {
  const engine = defaultEngine();
  const terms = queryTerms(engine, text);
  const found = await candidates(db, spec, where, terms);
  return { matches: matchStored(engine, text, found.candidates, found.corpus, top), total: found.candidates.length };
}

/** a stored listing's values, as an edit starts from them and as the engine reads them */
export function storedValues(spec: KindSpec, l: Listing): ListingValues {
  const v: ListingValues = {
    title: l.title,
    text: l.text,
    keywords: l.keywords,
    field: l.field,
    chainTags: l.chainTags,
    industryCode: l.industryCode,
    contact: l.contact,
  };
  for (const c of spec.own) v[c.key] = (l as Record<string, unknown>)[c.key] ?? null;
  return v;
}

/** the kinds a listing of `kind` is matched with */
export const counterpartKinds = (kind: ListingKind): ListingKind[] => (kind === 'demand' ? ['achievement', 'expert', 'provider'] : ['demand']);

export interface CounterpartGroup {
  kind: ListingKind;
  items: (MatchItem & { listing: Listing })[];
}

/** The best `top` published counterparts of each kind for a listing, best first, with score and reasons. */
export async function counterpartsOf(db: Db, spec: KindSpec, l: Listing, top: number): Promise<CounterpartGroup[]> {
  const text = matchTextOf(spec.kind, l.id, storedValues(spec, l));
  const groups: CounterpartGroup[] = [];
  for (const kind of counterpartKinds(spec.kind)) {
    const target = KINDS[kind];
    const { matches } = await ranked(db, target, searchWhere(target, PUBLISHED_ONLY, {}), text, top);
    const listings = new Map(
      (
        await listingsByIds(
          db,
          target,
          matches.map((m) => Number(m.id)),
        )
      ).map((x) => [x.id, x]),
    );
    const items = matches.flatMap((m) => {
      const x = listings.get(Number(m.id));
      return x
        ? [{ kind, id: x.id, title: x.title, ownerName: x.owner.name, field: x.field, trl: x.trl ?? null, score: m.score, reasons: m.reasons, listing: x }]
        : [];
    });
    groups.push({ kind, items });
  }
  return groups;
}
