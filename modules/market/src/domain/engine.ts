/**
 * The matching engine: BM25 over segmented, canonical terms (bm25.ts, analyse.ts), then the taxonomy's
 * signals — the same field, a shared industry-chain link, the achievement's readiness level — as a
 * multiplier on a text score, so that no signal matches anything on its own. Both ways with one engine:
 * index achievements and ask with a demand, or index demands and ask with an achievement (and, later,
 * experts and providers as further kinds of listing). Each match says why in Chinese (reasons.ts).
 */
import { analyse, queryOf, type Analysed } from './analyse.ts';
import { InvertedIndex, topK } from './bm25.ts';
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
  bridged: ReadonlyMap<string, string[]>;
}

const NO_BRIDGES: ReadonlyMap<string, string[]> = new Map();

/** Listings of one kind, indexed for matching. */
export class MatchIndex {
  readonly index = new InvertedIndex();
  readonly docs: Doc[] = [];
  /** per listing, for the multiplier every touched listing needs: 1 + its readiness part, its field's number, its links' numbers */
  readonly base: number[] = [];
  readonly fieldNo: number[] = [];
  readonly linkNos: number[][] = [];
  private readonly numbers = new Map<string, number>();

  /** a field's or a link's number in this index (links and fields in separate name spaces) */
  numberOf(kind: 'field' | 'link', name: string): number {
    const key = `${kind}:${name}`;
    let n = this.numbers.get(key);
    if (n === undefined) this.numbers.set(key, (n = this.numbers.size));
    return n;
  }

  /** `length`: the listing's whole length when `a.tf` holds only some of its terms (see InvertedIndex.add) */
  add(a: Analysed, length?: number): void {
    this.index.add(a.tf, length);
    // keep only what the reasons need: most listings have no bridged term, and share one empty map
    this.docs.push({ id: a.id, field: a.field, trl: a.trl, links: a.links, bridged: a.bridged.size > 0 ? a.bridged : NO_BRIDGES });
    this.base.push(1 + trlFactor(a.trl));
    this.fieldNo.push(a.field === null ? -1 : this.numberOf('field', a.field));
    this.linkNos.push(a.links.map((l) => this.numberOf('link', l)));
  }

  get size(): number {
    return this.docs.length;
  }
}

/** the readiness level's part of the multiplier: +1.5% a level above TRL 5, −1.5% a level below */
export const trlFactor = (trl: number | null): number => (trl === null ? 0 : TRL_STEP * (trl - 5));

/** the largest multiplier a listing can have (same field, a shared link, TRL 9) */
const MAX_MULTIPLIER = 1 + FIELD_BONUS + LINK_BONUS + trlFactor(9);

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
    const askedLinks = new Set(asked.links);
    // the multiplier runs for every listing the query touches (most of a large index): numbers, not strings
    const field = asked.field === null ? -2 : ix.numberOf('field', asked.field);
    const links = new Set(asked.links.map((l) => ix.numberOf('link', l)));
    const multiplier = (d: number): number => {
      let m = ix.base[d];
      if (ix.fieldNo[d] === field) m += FIELD_BONUS;
      const ls = ix.linkNos[d];
      for (let i = 0; i < ls.length; i++) {
        if (links.has(ls[i])) {
          m += LINK_BONUS;
          break;
        }
      }
      return m;
    };
    return topK(
      docs,
      (d) => scores[d] * multiplier(d),
      top,
      (d) => scores[d] * MAX_MULTIPLIER,
    ).map(({ d, s }) => {
      const doc = ix.docs[d];
      const contributions: Contribution[] = [];
      for (const [term, weight] of query.weights) {
        const tf = ix.index.tf(term, d);
        if (tf === 0) continue;
        const origin = query.origins.get(term)!;
        const bridgedFrom = doc.bridged.get(term);
        contributions.push({
          term,
          score: ix.index.termScore(term, weight, tf, d),
          origin: bridgedFrom && origin.kind === 'text' ? { kind: 'bridge', from: bridgedFrom } : origin,
        });
      }
      const sharedLinks = doc.links.filter((l) => askedLinks.has(l));
      const sameField = asked.field !== null && asked.field === doc.field ? doc.field : null;
      return {
        id: doc.id,
        score: Math.round(s * 100) / 100,
        reasons: reasonsFor(contributions, { field: sameField, links: sharedLinks, trl: doc.trl ?? asked.trl }, this.lexicon),
      };
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
export function matchAchievements(
  engine: MatchEngine,
  achievements: Achievement[],
  demands: Demand[],
  top: number,
): { achievement: string; matches: Match[] }[] {
  const ix = engine.index(demands.map(demandText));
  return achievements.map((a) => ({ achievement: a.id, matches: engine.match(ix, achievementText(a), top) }));
}
