/**
 * The engine over a database's candidates ranks as the engine over the whole set: the listings holding one of the
 * query's terms, with the set's size and total length, give the same matches, scores and reasons (the labelled set).
 */
import { describe, expect, it } from 'vitest';
import { defaultEngine, loadEvalSet } from '../data/index.ts';
import { achievementText, demandText } from './listing.ts';
import { matchStored, queryTerms, storedReading, type StoredCandidate } from './stored.ts';

describe('matching from stored readings', () => {
  const engine = defaultEngine();
  const { achievements, demands } = loadEvalSet();
  const texts = achievements.map(achievementText);
  const full = engine.index(texts);
  const stored: StoredCandidate[] = texts.map((t) => ({ id: t.id, trl: t.trl, reading: storedReading(engine.analyse(t)) }));
  const corpus = { size: stored.length, totalLength: stored.reduce((s, c) => s + c.reading.length, 0) };

  it('gives every demand of the labelled set the engine’s top 50, scores and reasons', () => {
    let pruned = 0;
    for (const d of demands) {
      const text = demandText(d);
      const terms = new Set(queryTerms(engine, text));
      const candidates = stored.filter((c) => c.reading.terms.some((t) => terms.has(t)));
      if (candidates.length < stored.length) pruned++;
      expect(matchStored(engine, text, candidates, corpus, 50), d.id).toEqual(engine.match(full, text, 50));
    }
    // the term index leaves most listings out of most queries
    expect(pruned).toBe(demands.length);
  });

  it('keeps a reading’s terms and weights in order, its length their sum', () => {
    const r = storedReading(engine.analyse(texts[0]));
    expect(r.terms.length).toBe(r.weights.length);
    expect(r.length).toBeCloseTo(
      r.weights.reduce((s, w) => s + w, 0),
      10,
    );
    expect(r.terms).toContain('锂离子电池');
  });
});
