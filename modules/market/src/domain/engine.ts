/**
 * The matching engine: BM25 over segmented, canonical terms (bm25.ts, analyse.ts), then the taxonomy's
 * signals — the same field, a shared industry-chain link, the achievement's readiness level — as a
 * multiplier on a text score, so that no signal matches anything on its own. Both ways with one engine:
 * index achievements and ask with a demand, or index demands and ask with an achievement (and, later,
 * experts and providers as further kinds of listing). Each match says why in Chinese (reasons.ts).
 */
import { analyse, queryOf, type Analysed } from './analyse.ts';
import { InvertedIndex } from './bm25.ts';
import type { Lexicon } from './lexicon.ts';
import { achievementText, demandText, type Achievement, type Demand, type MatchText } from './listing.ts';
import { reasonsFor, type Contribution } from './reasons.ts';
import { Segmenter } from './segment.ts';

/** the multiplier's parts: same field, a shared chain link, per readiness level above TRL 5 (and below) */
export const FIELD_BONUS = 0.25;
export const LINK_BONUS = 0.2;
export const TRL_STEP = 0.015;

export interface Match {
  id: string;
  score: number;
  reasons: string[];
}

interface Doc {
  id: string;
  field: string | null;
  trl: number | null;
  links: string[];
  bridged: Map<string, string[]>;
}

/** Listings of one kind, indexed for matching. */
export class MatchIndex {
  readonly index = new InvertedIndex();
  readonly docs: Doc[] = [];

  add(a: Analysed): void {
    this.index.add(a.tf);
    this.docs.push({ id: a.id, field: a.field, trl: a.trl, links: a.links, bridged: a.bridged });
  }

  get size(): number {
    return this.docs.length;
  }
}

/** the readiness level's part of the multiplier: +1.5% a level above TRL 5, −1.5% a level below */
export const trlFactor = (trl: number | null): number => (trl === null ? 0 : TRL_STEP * (trl - 5));

export class MatchEngine {
  readonly segmenter: Segmenter;

  constructor(readonly lexicon: Lexicon) {
    this.segmenter = new Segmenter(lexicon);
  }

  analyse(text: MatchText): Analysed {
    return analyse(text, this.segmenter, this.lexicon);
  }

  index(texts: Iterable<MatchText>): MatchIndex {
    const ix = new MatchIndex();
    for (const t of texts) ix.add(this.analyse(t));
    return ix;
  }

  /** the `top` best listings of the index for this one, best first (ties in index order), each with its reasons */
  match(ix: MatchIndex, text: MatchText, top: number): Match[] {
    const asked = this.analyse(text);
    const query = queryOf(asked, this.lexicon);
    const { docs, scores } = ix.index.score(query.weights);
    const multiplier = (d: number): number => {
      const doc = ix.docs[d];
      const sameField = asked.field !== null && asked.field === doc.field;
      const sharedLink = doc.links.some((l) => asked.links.includes(l));
      return 1 + (sameField ? FIELD_BONUS : 0) + (sharedLink ? LINK_BONUS : 0) + trlFactor(doc.trl);
    };
    const ranked = docs.map((d) => ({ d, s: scores[d] * multiplier(d) })).filter((x) => x.s > 0);
    ranked.sort((a, b) => b.s - a.s || a.d - b.d);
    return ranked.slice(0, top).map(({ d, s }) => {
      const doc = ix.docs[d];
      const contributions: Contribution[] = [];
      for (const [term, weight] of query.weights) {
        const tf = ix.index.tf(term, d);
        if (tf === 0) continue;
        const origin = query.origins.get(term)!;
        const bridgedFrom = doc.bridged.get(term);
        contributions.push({ term, score: ix.index.termScore(term, weight, tf, d), origin: bridgedFrom && origin.kind === 'text' ? { kind: 'bridge', from: bridgedFrom } : origin });
      }
      const sharedLinks = doc.links.filter((l) => asked.links.includes(l));
      const field = asked.field !== null && asked.field === doc.field ? doc.field : null;
      return { id: doc.id, score: Math.round(s * 100) / 100, reasons: reasonsFor(contributions, { field, links: sharedLinks, trl: doc.trl ?? asked.trl }, this.lexicon) };
    });
  }
}

export interface DemandMatches {
  demand: string;
  matches: Match[];
}

/** every demand's best achievements, demands in input order (the CLI's and the platform's batch form) */
export function matchDemands(engine: MatchEngine, achievements: Achievement[], demands: Demand[], top: number): DemandMatches[] {
  const ix = engine.index(achievements.map(achievementText));
  return demands.map((d) => ({ demand: d.id, matches: engine.match(ix, demandText(d), top) }));
}

/** the other way: every achievement's best demands */
export function matchAchievements(engine: MatchEngine, achievements: Achievement[], demands: Demand[], top: number): { achievement: string; matches: Match[] }[] {
  const ix = engine.index(demands.map(demandText));
  return achievements.map((a) => ({ achievement: a.id, matches: engine.match(ix, achievementText(a), top) }));
}
