/**
 * A listing's reading as a database keeps it (migration 0017: terms, term_weights, doc_length, match_field,
 * links, bridged), and the engine's ranking over candidates a database gave: every listing holding one of the
 * query's terms, with the size and total length of the set searched, ranks as the engine ranks the whole set.
 */
import type { Analysed } from './analyse.ts';
import { queryOf } from './analyse.ts';
import { MatchIndex, type Match, type MatchEngine } from './engine.ts';
import type { MatchText } from './listing.ts';

export interface StoredReading {
  /** canonical terms, in the reading's order */
  terms: string[];
  /** each term's weighted frequency, in the same order */
  weights: number[];
  /** the sum of the weights (BM25's document length) */
  length: number;
  /** canonical field, or null */
  field: string | null;
  links: string[];
  /** terms present only through a bridge → the problem words that called for them */
  bridged: Record<string, string[]>;
}

export function storedReading(a: Analysed): StoredReading {
  const terms: string[] = [];
  const weights: number[] = [];
  let length = 0;
  for (const [t, f] of a.tf) {
    if (f <= 0) continue;
    terms.push(t);
    weights.push(f);
    length += f;
  }
  return { terms, weights, length, field: a.field, links: a.links, bridged: Object.fromEntries(a.bridged) };
}

/**
 * a candidate from the database: its id, readiness level and stored reading — whole, or with the query's terms only
 * (`terms` and `weights` restricted, `length` the whole reading's): the ranking and the reasons read no other term
 */
export interface StoredCandidate {
  id: string;
  trl: number | null;
  reading: StoredReading;
}

/** The terms a listing or a query text asks for (said, bridged, related): a candidate holds at least one. */
export function queryTerms(engine: MatchEngine, text: MatchText): string[] {
  return [...queryOf(engine.analyse(text), engine.lexicon).weights.keys()];
}

/**
 * The engine's best `top` of a searched set for `text`, from its candidates (in the set's order, which breaks
 * ties) and the set's size and total length.
 */
export function matchStored(
  engine: MatchEngine,
  text: MatchText,
  candidates: readonly StoredCandidate[],
  corpus: { size: number; totalLength: number },
  top: number,
): Match[] {
  const ix = new MatchIndex();
  ix.index.partOf(corpus);
  for (const c of candidates) {
    const r = c.reading;
    ix.add(
      {
        id: c.id,
        kind: 'achievement',
        field: r.field,
        trl: c.trl,
        links: r.links,
        tf: new Map(r.terms.map((t, i) => [t, r.weights[i]])),
        bridged: new Map(Object.entries(r.bridged)),
        titleTerms: new Set(),
      },
      r.length,
    );
  }
  return engine.match(ix, text, top);
}
