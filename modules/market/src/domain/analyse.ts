/**
 * A listing read for matching: its canonical terms with field-weighted frequencies (title and keywords
 * count more than the body), a demand's problem words bridged to the technology words they call for, its
 * field and industry-chain links. The same reading serves a listing as a document and as a query.
 */
import { normaliseTerm, type Lexicon } from './lexicon.ts';
import type { MatchText } from './listing.ts';
import type { Segmenter } from './segment.ts';

/** BM25F field weights: a term in the title or the keywords counts this many times one in the body */
export const TITLE_WEIGHT = 2;
/** a technology word a demand's problem calls for counts this much of a word it says */
export const BRIDGE_WEIGHT = 0.7;
/** query weights: a word of the listing's title, of its body, a related term (≈) of one of them */
export const QUERY_TITLE_WEIGHT = 1.5;
export const QUERY_BODY_WEIGHT = 1;
export const QUERY_RELATED_WEIGHT = 0.5;

export interface Analysed {
  id: string;
  kind: MatchText['kind'];
  /** canonical field name, or null */
  field: string | null;
  trl: number | null;
  /** names of the industry-chain links the listing's terms put it on */
  links: string[];
  /** term → weighted frequency (title ×2, body ×1, bridged ×0.7) */
  tf: Map<string, number>;
  /** terms present only through a bridge → the problem words that called for them */
  bridged: Map<string, string[]>;
  /** terms of the title and keywords */
  titleTerms: Set<string>;
}

/** How a query term came to be asked: said in the listing, a related term of one said, or bridged from a problem. */
export type QueryOrigin = { kind: 'text' } | { kind: 'related'; from: string } | { kind: 'bridge'; from: string[] };

export interface Query {
  weights: Map<string, number>;
  origins: Map<string, QueryOrigin>;
}

function bump(m: Map<string, number>, k: string, by: number): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

const fieldNames = new WeakMap<Lexicon, Map<string, string>>();

/** a field as written → its canonical name through the aliases (remembered: listings repeat a few fields) */
function fieldName(lexicon: Lexicon, written: string): string {
  let m = fieldNames.get(lexicon);
  if (!m) fieldNames.set(lexicon, (m = new Map<string, string>()));
  let name = m.get(written);
  if (name === undefined) m.set(written, (name = lexicon.fields.get(normaliseTerm(written)) ?? written));
  return name;
}

const linkIndex = new WeakMap<Lexicon, Map<string, string[]>>();

/** each chain term → the names of the links it puts a listing on (made once per lexicon) */
function linksByTerm(lexicon: Lexicon): Map<string, string[]> {
  let m = linkIndex.get(lexicon);
  if (!m) {
    m = new Map();
    for (const l of lexicon.links) for (const t of l.terms) m.set(t, [...(m.get(t) ?? []), l.name]);
    linkIndex.set(lexicon, m);
  }
  return m;
}

export function analyse(text: MatchText, seg: Segmenter, lexicon: Lexicon): Analysed {
  const tf = new Map<string, number>();
  const titleTerms = new Set<string>();
  const terms = seg.parts([text.title, ...text.keywords].join(' '), text.body);
  for (const t of terms.head) {
    bump(tf, t, TITLE_WEIGHT);
    titleTerms.add(t);
  }
  for (const t of terms.body) bump(tf, t, 1);

  const bridged = new Map<string, string[]>();
  if (text.kind === 'demand') {
    for (const problem of [...tf.keys()]) {
      for (const target of lexicon.bridges.get(problem) ?? []) {
        if (tf.has(target) && !bridged.has(target)) continue;
        bump(tf, target, BRIDGE_WEIGHT);
        bridged.set(target, [...(bridged.get(target) ?? []), problem]);
      }
    }
  }
  const byTerm = linksByTerm(lexicon);
  const links = new Set<string>();
  for (const term of tf.keys()) for (const l of byTerm.get(term) ?? []) links.add(l);
  const field = text.field === null ? null : fieldName(lexicon, text.field);
  return { id: text.id, kind: text.kind, field, trl: text.trl, links: [...links], tf, bridged, titleTerms };
}

/** A listing as a query: its own terms (title words weigh more), its bridged technology words, and the related terms (≈) of what it says. */
export function queryOf(a: Analysed, lexicon: Lexicon): Query {
  const weights = new Map<string, number>();
  const origins = new Map<string, QueryOrigin>();
  for (const [term, f] of a.tf) {
    const from = a.bridged.get(term);
    if (from) {
      weights.set(term, BRIDGE_WEIGHT);
      origins.set(term, { kind: 'bridge', from });
    } else {
      weights.set(term, a.titleTerms.has(term) || f >= 2 ? QUERY_TITLE_WEIGHT : QUERY_BODY_WEIGHT);
      origins.set(term, { kind: 'text' });
    }
  }
  for (const term of [...weights.keys()]) {
    if (origins.get(term)?.kind !== 'text') continue;
    for (const r of lexicon.related.get(term) ?? []) {
      if (weights.has(r)) continue;
      weights.set(r, QUERY_RELATED_WEIGHT);
      origins.set(r, { kind: 'related', from: term });
    }
  }
  return { weights, origins };
}
