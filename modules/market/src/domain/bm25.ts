/**
 * An inverted index with Okapi BM25 scoring over weighted term frequencies (a field-weighted tf as in
 * BM25F: Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009, §3.5).
 * Shared by the market's engine and by the character-bigram baseline it is measured against.
 */

export const K1 = 1.2;
export const B = 0.75;

interface Posting {
  docs: number[];
  tf: number[];
}

export interface Scored {
  /** documents sharing at least one query term, in index order */
  docs: number[];
  /** BM25 score by document number (only `docs` are meaningful) */
  scores: Float64Array;
}

export class InvertedIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  get size(): number {
    return this.lengths.length;
  }

  /** adds a document (term → weighted frequency) and answers its number */
  add(tf: ReadonlyMap<string, number>): number {
    const doc = this.lengths.length;
    let length = 0;
    for (const [term, f] of tf) {
      if (f <= 0) continue;
      let p = this.postings.get(term);
      if (!p) this.postings.set(term, (p = { docs: [], tf: [] }));
      p.docs.push(doc);
      p.tf.push(f);
      length += f;
    }
    this.lengths.push(length);
    this.totalLength += length;
    return doc;
  }

  /** BM25's idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)) */
  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** a term's weighted frequency in one document (binary search in its posting list) */
  tf(term: string, doc: number): number {
    const p = this.postings.get(term);
    if (!p) return 0;
    let lo = 0;
    let hi = p.docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (p.docs[mid] === doc) return p.tf[mid];
      if (p.docs[mid] < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** one query term's share of a document's score, given its frequency there */
  termScore(term: string, weight: number, tf: number, doc: number): number {
    if (tf <= 0) return 0;
    const avg = this.totalLength / (this.size || 1);
    const norm = K1 * (1 - B + (B * this.lengths[doc]) / (avg || 1));
    return weight * this.idf(term) * ((tf * (K1 + 1)) / (tf + norm));
  }

  /** scores every document that shares a term with the query (term → query weight) */
  score(query: ReadonlyMap<string, number>): Scored {
    const scores = new Float64Array(this.size);
    const touched: number[] = [];
    const avg = this.totalLength / (this.size || 1);
    for (const [term, weight] of query) {
      const p = this.postings.get(term);
      if (!p || weight <= 0) continue;
      const w = weight * this.idf(term);
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i];
        const tf = p.tf[i];
        if (scores[d] === 0) touched.push(d);
        scores[d] += (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[d]) / (avg || 1)));
      }
    }
    return { docs: touched.sort((a, b) => a - b), scores };
  }
}
