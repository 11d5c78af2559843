/**
 * What the engine reads of a listing of each kind: achievements and demands as the CLI gives them; an expert, a
 * broker or a provider as a document of the achievement's sort (name as its title, keywords or specialities,
 * the rest as its body). The engine is the repository's vocabulary's, made once per process.
 */
import { defaultEngine } from '../data/index.ts';
import { storedReading, type MatchText, type StoredReading } from '../domain/index.ts';
import type { ListingKind } from '../contract/market.ts';
import type { ListingValues } from '../db/listings.ts';

const joined = (...parts: unknown[]): string => parts.filter((p) => typeof p === 'string' && p.length > 0).join('\n');

export function matchTextOf(kind: ListingKind, id: number | string, v: ListingValues): MatchText {
  const base = { id: String(id), title: v.title, field: v.field, trl: null as number | null };
  switch (kind) {
    case 'achievement':
      return { ...base, kind: 'achievement', keywords: v.keywords, body: v.text, trl: typeof v.trl === 'number' ? v.trl : null };
    case 'demand':
      return { ...base, kind: 'demand', keywords: [], body: v.text };
    case 'expert':
      return { ...base, kind: 'achievement', keywords: v.keywords, body: joined(v.proTitle, v.affiliation, v.text) };
    case 'broker':
      return { ...base, kind: 'achievement', keywords: v.keywords, body: joined(v.organisation, v.text) };
    case 'provider':
      return { ...base, kind: 'achievement', keywords: v.keywords, body: v.text };
  }
}

/** a search text as the engine asks it: as a demand would say it, so that a problem finds its technology */
export const queryText = (q: string): MatchText => ({ id: 'q', kind: 'demand', title: q, keywords: [], body: '', field: null, trl: null });

export function readingOf(kind: ListingKind, v: ListingValues): StoredReading {
  const engine = defaultEngine();
  return storedReading(engine.analyse(matchTextOf(kind, 0, v)));
}
