/**
 * 8. The technology market's matching engine (issue 11), no database: ranking quality on the labelled set
 * (modules/market/data/eval) — nDCG@10 and recall@50, overall and per kind of hard case, for the engine and
 * for a plain character-bigram BM25 on the same text (the reference) — and its speed: segmentation + ranking
 * per query, and indexing listings/s over 100,000 synthetic achievements recombined from the set's texts,
 * each beside the bigram baseline doing the same work. It runs once, in the embedded pass.
 */
import { seededRandom } from '@kechuang/platform-core';
import {
  achievementText,
  BigramBaseline,
  demandText,
  scoreCases,
  summariseByKind,
  type Achievement,
  type CaseScore,
  type KindSummary,
  type MatchText,
} from '@kechuang/market/domain';
import { defaultEngine, loadEvalSet, type EvalSet } from '@kechuang/market/data';
import type { Mode } from './lib/database.ts';
import { record } from './lib/report.ts';
import { int, ms, now, printTable, ratio, secs, summarise } from './lib/stats.ts';

const TOP = 50;
const SYNTHETIC = 100_000;

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');

function quality(set: EvalSet): { engine: KindSummary[]; baseline: KindSummary[] } {
  const engine = defaultEngine();
  const texts = set.achievements.map(achievementText);
  const ix = engine.index(texts);
  const baseline = new BigramBaseline(texts);
  const rank = (fn: (d: MatchText) => string[]) => set.demands.map((d) => ({ demand: d.id, kind: d.kind, ranking: fn(demandText(d)) }));
  const ours = scoreCases(
    rank((q) => engine.match(ix, q, TOP).map((m) => m.id)),
    set.judgments,
  );
  const theirs = scoreCases(
    rank((q) => baseline.match(q, TOP).map((m) => m.id)),
    set.judgments,
  );
  const [a, b] = [summariseByKind(ours), summariseByKind(theirs)];

  console.log(
    `  labelled set: ${set.achievements.length} achievements × ${set.demands.length} demands, ${[...set.judgments.values()].reduce((n, m) => n + m.size, 0)} graded pairs (unlisted = 0)`,
  );
  printTable([
    ['kind', 'demands', 'nDCG@10 engine', 'nDCG@10 bigram', 'recall@50 engine', 'recall@50 bigram'],
    ...a.map((k, i) => [k.kind, String(k.demands), f3(k.ndcg10), f3(b[i].ndcg10), f3(k.recall50), f3(b[i].recall50)]),
  ]);
  const behind = ours.flatMap((s: CaseScore, i) =>
    theirs[i].ndcg10 >= s.ndcg10 && s.ndcg10 < 1 ? [`${s.demand} ${s.kind} ${f3(s.ndcg10)} vs ${f3(theirs[i].ndcg10)}`] : [],
  );
  const worst = [...ours]
    .sort((x, y) => x.ndcg10 - y.ndcg10)
    .slice(0, 5)
    .map((s) => `${s.demand} ${s.kind} ${f3(s.ndcg10)}`);
  console.log(`  the baseline level or ahead (nDCG@10, engine vs bigram): ${behind.length > 0 ? behind.join('; ') : 'none'}`);
  console.log(`  the engine's five lowest: ${worst.join('; ')}`);
  for (const k of a) {
    const ref = b.find((x) => x.kind === k.kind)!;
    record({
      bench: 'market',
      mode: 'embedded',
      figure: `nDCG@10 ${k.kind} (${k.demands})`,
      value: f3(k.ndcg10),
      reference: `bigram ${f3(ref.ndcg10)}`,
      against: `${k.ndcg10 > ref.ndcg10 ? '+' : ''}${(k.ndcg10 - ref.ndcg10).toFixed(3)}`,
      goal: '≥0.90, > bigram',
    });
  }
  reverse(set);
  const all = a.find((k) => k.kind === 'all')!;
  const allRef = b.find((k) => k.kind === 'all')!;
  record({
    bench: 'market',
    mode: 'embedded',
    figure: 'recall@50 all',
    value: f3(all.recall50),
    reference: `bigram ${f3(allRef.recall50)}`,
    against: `${(all.recall50 - allRef.recall50).toFixed(3)}`,
    goal: '—',
  });
  return { engine: a, baseline: b };
}

/** The other way: each achievement that some demand found useful (grade ≥ 2) ranks the demands, judged by the same grades. */
function reverse(set: EvalSet): void {
  const engine = defaultEngine();
  const demands = set.demands.map(demandText);
  const ix = engine.index(demands);
  const baseline = new BigramBaseline(demands);
  const transposed = new Map<string, Map<string, number>>();
  for (const [d, grades] of set.judgments) {
    for (const [a, g] of grades) {
      if (!transposed.has(a)) transposed.set(a, new Map());
      transposed.get(a)!.set(d, g);
    }
  }
  const asked = set.achievements.filter((a) => [...(transposed.get(a.id)?.values() ?? [])].some((g) => g >= 2));
  const run = (fn: (q: MatchText) => string[]) =>
    summariseByKind(
      scoreCases(
        asked.map((a) => ({ demand: a.id, kind: 'all', ranking: fn(achievementText(a)) })),
        transposed,
      ),
    )[0];
  const ours = run((q) => engine.match(ix, q, TOP).map((m) => m.id));
  const theirs = run((q) => baseline.match(q, TOP).map((m) => m.id));
  console.log(
    `  the other way, achievement → demands (${asked.length} achievements useful to some demand, the same grades): nDCG@10 ${f3(ours.ndcg10)} · bigram ${f3(theirs.ndcg10)}; recall@50 ${f3(ours.recall50)} · bigram ${f3(theirs.recall50)}`,
  );
  record({
    bench: 'market',
    mode: 'embedded',
    figure: `nDCG@10 achievement → demands (${asked.length})`,
    value: f3(ours.ndcg10),
    reference: `bigram ${f3(theirs.ndcg10)}`,
    against: `${(ours.ndcg10 - theirs.ndcg10).toFixed(3)}`,
    goal: '—',
  });
}

/** One synthetic achievement: a title, 2–4 sentences and keywords drawn from different listings of the set. */
export function synthetic(set: Achievement[], n: number): MatchText[] {
  const rnd = seededRandom(11);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const sentences = set.flatMap((a) => (a.abstract ?? '').split(/(?<=[。；])/).filter((s) => s.length > 4));
  const out: MatchText[] = [];
  for (let i = 0; i < n; i++) {
    const a = pick(set);
    const body = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(sentences)).join('');
    out.push({
      id: `S${i}`,
      kind: 'achievement',
      title: `${pick(set).title ?? ''}${a.title ?? ''}`.slice(0, 40),
      keywords: [...(a.keywords ?? []), ...(pick(set).keywords ?? []).slice(0, 2)],
      body,
      field: a.field ?? null,
      trl: 1 + Math.floor(rnd() * 9),
    });
  }
  return out;
}

/** milliseconds of each query, `rounds` times over the queries */
function perQuery(fn: (q: MatchText) => unknown, queries: MatchText[], rounds: number): ReturnType<typeof summarise> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = now();
      fn(q);
      times.push(now() - t);
    }
  }
  return summarise(times);
}

function speed(set: EvalSet): void {
  const engine = defaultEngine();
  const queries = set.demands.map(demandText);

  // over the set itself: segmentation + ranking + reasons per query, and the baseline on the same queries
  const small = engine.index(set.achievements.map(achievementText));
  const smallBase = new BigramBaseline(set.achievements.map(achievementText));
  const e1 = perQuery((q) => engine.match(small, q, TOP), queries, 20);
  const b1 = perQuery((q) => smallBase.match(q, TOP), queries, 20);
  console.log(
    `  per query over the ${set.achievements.length} achievements (segment, rank, reasons; top ${TOP}; ${e1.n} queries): p50 ${ms(e1.p50)}, p95 ${ms(e1.p95)} · bigram p50 ${ms(b1.p50)}, p95 ${ms(b1.p95)}`,
  );
  record({
    bench: 'market',
    mode: 'embedded',
    figure: `query over ${set.achievements.length} p95`,
    value: ms(e1.p95),
    reference: `bigram ${ms(b1.p95)}`,
    against: `×${ratio(e1.p95 / b1.p95)}`,
    goal: '—',
  });

  // 100,000 synthetic listings: indexing, then the set's demands as queries
  let t = now();
  const listings = synthetic(set.achievements, SYNTHETIC);
  const chars = listings.reduce((n, l) => n + l.title.length + l.body.length + l.keywords.join('').length, 0);
  console.log(`  ${int(SYNTHETIC)} synthetic achievements (${int(chars / SYNTHETIC)} characters each on average) made in ${secs(now() - t)}`);
  t = now();
  const big = engine.index(listings);
  const indexMs = now() - t;
  t = now();
  const bigBase = new BigramBaseline(listings);
  const baseMs = now() - t;
  t = now();
  for (const l of listings) engine.segmenter.terms(`${l.title}\n${l.keywords.join(' ')}\n${l.body}`);
  const segMs = now() - t;
  const rate = (SYNTHETIC * 1000) / indexMs;
  const baseRate = (SYNTHETIC * 1000) / baseMs;
  console.log(
    `  indexing: ${int(rate)} listings/s (${secs(indexMs)}; of which segmentation alone ${secs(segMs)}) · bigram ${int(baseRate)} listings/s (${secs(baseMs)})`,
  );
  record({
    bench: 'market',
    mode: 'embedded',
    figure: `index ${int(SYNTHETIC)} listings`,
    value: `${int(rate)}/s`,
    reference: `bigram ${int(baseRate)}/s`,
    against: `×${ratio(rate / baseRate)}`,
    goal: '≥2,000/s',
  });

  const e2 = perQuery((q) => engine.match(big, q, TOP), queries, 3);
  const b2 = perQuery((q) => bigBase.match(q, TOP), queries, 3);
  console.log(
    `  per query over ${int(SYNTHETIC)} (in memory, no database): p50 ${ms(e2.p50)}, p95 ${ms(e2.p95)} · bigram p50 ${ms(b2.p50)}, p95 ${ms(b2.p95)}`,
  );
  record({
    bench: 'market',
    mode: 'embedded',
    figure: `query over ${int(SYNTHETIC)} p95`,
    value: ms(e2.p95),
    reference: `bigram ${ms(b2.p95)}`,
    against: `×${ratio(e2.p95 / b2.p95)}`,
    goal: '≤50 ms (1M, db: later)',
  });
}

export async function marketBench(mode: Mode): Promise<void> {
  if (mode !== 'embedded') return;
  console.log('\n-- 8. Technology market: matching quality on the labelled set, and speed (no database) --');
  const t = now();
  defaultEngine();
  console.log(`  engine ready in ${secs(now() - t)} (jieba's dictionary and the market's vocabulary)`);
  const set = loadEvalSet();
  quality(set);
  speed(set);
  await Promise.resolve();
}
