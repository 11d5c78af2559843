/**
 * The reference ranking the engine is measured against: plain BM25 over character bigrams of the same
 * text (title, keywords and body alike; Latin words and numbers as whole tokens), no dictionary, no
 * synonyms, no field or chain signals. Bigrams are the usual dictionary-free baseline for Chinese retrieval.
 */
import { InvertedIndex, topK } from './bm25.ts';
import type { MatchText } from './listing.ts';

/** character bigrams of each run of Chinese characters (a lone character as itself), Latin/digit runs whole */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run) || run.length === 1) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

function counts(tokens: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

const whole = (t: MatchText): string => [t.title, ...t.keywords, t.body].join('\n');

export class BigramBaseline {
  private readonly index = new InvertedIndex();
  private readonly ids: string[] = [];

  constructor(docs: Iterable<MatchText>) {
    for (const d of docs) {
      this.index.add(counts(bigrams(whole(d))));
      this.ids.push(d.id);
    }
  }

  /** the `top` best documents for a query listing, best first (ties in index order) */
  match(query: MatchText, top: number): { id: string; score: number }[] {
    const { docs, scores } = this.index.score(counts(bigrams(whole(query))));
    return topK(docs, (d) => scores[d], top).map(({ d, s }) => ({ id: this.ids[d], score: s }));
  }
}
