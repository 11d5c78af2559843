/**
 * An inverted index with Okapi BM25 scoring over weighted term frequencies (a field-weighted tf as in
 * BM25F: Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009, §3.5).
 * Shared by the market's engine and by the character-bigram baseline it is measured against.
 */

export const K1 = 1.2;
export const B = 0.75;

/** a term's listings and frequencies in typed arrays grown by doubling (off the heap the collector scans) */
interface Posting {
  n: number;
  docs: Int32Array;
  tf: Float32Array;
}

export interface Scored {
  /** documents sharing at least one query term, in no particular order */
  docs: number[];
  /** BM25 score by document number (only `docs` are meaningful) */
  scores: Float64Array;
}

export class InvertedIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly lengths: number[] = [];
  private totalLength = 0;
  /** the corpus this index's documents are part of, when it holds only some of them (see `partOf`) */
  private corpus: { size: number; totalLength: number } | null = null;

  get size(): number {
    return this.lengths.length;
  }

  /**
   * Scores as one part of a larger corpus: the candidates a database's term index gave for a query (every
   * document holding one of its terms), with the corpus's size and total length, so that idf and the average
   * length are the whole corpus's and the scores those of an index of all of it.
   */
  partOf(corpus: { size: number; totalLength: number }): this {
    this.corpus = corpus;
    return this;
  }

  private get corpusSize(): number {
    return this.corpus?.size ?? this.size;
  }

  private get averageLength(): number {
    return (this.corpus?.totalLength ?? this.totalLength) / (this.corpusSize || 1);
  }

  /**
   * adds a document (term → weighted frequency) and answers its number; `length`, when given, is the document's
   * whole length where `tf` holds only some of its terms (a database's candidate, with the query's terms only)
   */
  add(tf: ReadonlyMap<string, number>, length?: number): number {
    const doc = this.lengths.length;
    let sum = 0;
    for (const [term, f] of tf) {
      if (f <= 0) continue;
      let p = this.postings.get(term);
      if (!p) this.postings.set(term, (p = { n: 0, docs: new Int32Array(4), tf: new Float32Array(4) }));
      if (p.n === p.docs.length) {
        const docs = new Int32Array(p.n * 2);
        docs.set(p.docs);
        const tfs = new Float32Array(p.n * 2);
        tfs.set(p.tf);
        p.docs = docs;
        p.tf = tfs;
      }
      p.docs[p.n] = doc;
      p.tf[p.n] = f;
      p.n++;
      sum += f;
    }
    this.lengths.push(length ?? sum);
    this.totalLength += length ?? sum;
    return doc;
  }

  /** BM25's idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)) */
  idf(term: string): number {
    const df = this.postings.get(term)?.n ?? 0;
    return Math.log(1 + (this.corpusSize - df + 0.5) / (df + 0.5));
  }

  /** a term's weighted frequency in one document (binary search in its posting list) */
  tf(term: string, doc: number): number {
    const p = this.postings.get(term);
    if (!p) return 0;
    let lo = 0;
    let hi = p.n - 1;
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
    const avg = this.averageLength;
    const norm = K1 * (1 - B + (B * this.lengths[doc]) / (avg || 1));
    return weight * this.idf(term) * ((tf * (K1 + 1)) / (tf + norm));
  }

  /** scores every document that shares a term with the query (term → query weight) */
  score(query: ReadonlyMap<string, number>): Scored {
    const scores = new Float64Array(this.size);
    const touched: number[] = [];
    const avg = this.averageLength;
    for (const [term, weight] of query) {
      const p = this.postings.get(term);
      if (!p || weight <= 0) continue;
      const w = weight * this.idf(term);
      for (let i = 0; i < p.n; i++) {
        const d = p.docs[i];
        const tf = p.tf[i];
        if (scores[d] === 0) touched.push(d);
        scores[d] += (w * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[d]) / (avg || 1)));
      }
    }
    return { docs: touched, scores };
  }
}

/**
 * The `k` best of `docs` by `score(d)` (> 0), best first, ties in document order: a bounded min-heap, so a
 * query touching most of a large index costs n·log k rather than a sort of everything it touched. With
 * `bound(d)`, a cheap upper bound of `score(d)`, a listing that cannot enter the full heap is skipped
 * without computing its score.
 */
export function topK(docs: readonly number[], score: (d: number) => number, k: number, bound?: (d: number) => number): { d: number; s: number }[] {
  const heap: { d: number; s: number }[] = [];
  // worse = lower score, or the same score and a later document
  const worse = (a: { d: number; s: number }, b: { d: number; s: number }): boolean => a.s < b.s || (a.s === b.s && a.d > b.d);
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const d of docs) {
    if (bound && heap.length === k && k > 0) {
      const b = bound(d);
      if (b < heap[0].s || (b === heap[0].s && d > heap[0].d)) continue;
    }
    const s = score(d);
    if (!(s > 0) || k <= 0) continue;
    const x = { d, s };
    if (heap.length < k) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i], heap[p])) break;
        [heap[i], heap[p]] = [heap[p], heap[i]];
        i = p;
      }
    } else if (worse(heap[0], x)) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort((a, b) => b.s - a.s || a.d - b.d);
}
