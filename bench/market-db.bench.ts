/**
 * 8b. The technology market on its database (issue 11 "Performance"), `--only market-db`: 1,000,000 synthetic
 * achievements (MARKET_DB_LISTINGS to change the number) recombined from the labelled set's titles, sentences and
 * keywords, each with the engine's reading computed as the server computes it (readingOf: "indexing,
 * listings/s"), loaded with COPY; then, on the embedded database and on PostgreSQL, the room's ranked search
 * (`ranked()` and the page's listings, as POST /api/market/achievements/search does) for 50 queries — the labelled
 * demands' titles and short user-style terms — beside a bare ILIKE scan of the same table for the same queries,
 * and the push computation for a newly published demand (`pushMatches()` in a transaction rolled back).
 *
 * The readings are computed once, in the first pass, and kept as CSV chunks in a temporary folder that the
 * second pass loads again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '@kechuang/platform-core';
import { queryTerms, type Achievement } from '@kechuang/market/domain';
import { defaultEngine, loadEvalSet, type EvalSet } from '@kechuang/market/data';
import type { Listing } from '@kechuang/market/contract';
import { KINDS, candidates, insertListing, listingsByIds, searchWhere, type ListingValues } from '../modules/market/src/db/listings.ts';
import { PUBLISHED_ONLY, ranked } from '../modules/market/src/server/matching.ts';
import { pushMatches } from '../modules/market/src/server/push.ts';
import { queryText, readingOf } from '../modules/market/src/server/reading.ts';
import { openBenchDatabase, type BenchDatabase, type Mode } from './lib/database.ts';
import { record } from './lib/report.ts';
import { int, ms, now, ratio, secs, summarise } from './lib/stats.ts';

const LISTINGS = Number(process.env.MARKET_DB_LISTINGS ?? 1_000_000);
const CHUNK = 50_000;
/** the search page the route ranks for page 1 */
const PAGE = 20;
const ROUNDS = Number(process.env.MARKET_DB_ROUNDS ?? 2);
/** short terms as users type them in the search box */
const SHORT = ['锂电池', '储能', '氢能', '光伏', '故障诊断', '机器视觉', '污水处理', '碳捕集', '新材料', '工业互联网', '电池回收'];
const INSTITUTES = 400;
const COLUMNS = [
  'institute_id',
  'title',
  'abstract',
  'keywords',
  'field',
  'chain_tags',
  'trl',
  'modes',
  'price',
  'price_negotiable',
  'status',
  'region_code',
  'published_at',
  'is_synthetic',
  'terms',
  'term_weights',
  'doc_length',
  'match_field',
  'links',
  'bridged',
];

const csvText = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const pgArray = (xs: readonly string[]): string => `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** the synthetic achievements, `n` of them, as listing values: a title of two titles, 2–4 sentences, keywords of two listings */
function* synthetic(set: Achievement[], n: number): Generator<ListingValues> {
  const rnd = seededRandom(17);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const sentences = set.flatMap((a) => (a.abstract ?? '').split(/(?<=[。；])/).filter((s) => s.length > 4));
  const modes = ['transfer', 'license', 'equity', 'jointDevelopment'];
  for (let i = 0; i < n; i++) {
    const a = pick(set);
    const b = pick(set);
    const text = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(sentences)).join('');
    const negotiable = rnd() < 0.4;
    yield {
      title: `${(rnd() < 0.5 ? a.title : b.title) ?? ''}${rnd() < 0.7 ? ((rnd() < 0.5 ? b.title : a.title) ?? '') : ''}`.slice(0, 40),
      text,
      keywords: [...new Set([...(a.keywords ?? []), ...(b.keywords ?? []).slice(0, 2)])],
      field: a.field ?? null,
      chainTags: [],
      industryCode: null,
      contact: '',
      trl: 1 + Math.floor(rnd() * 9),
      modes: [pick(modes)],
      price: negotiable ? null : Math.round(rnd() * 500),
      priceNegotiable: negotiable,
    };
  }
}

/** Reads the synthetic listings (the server's reading) into CSV chunks; answers the chunk files and the timings. */
function makeChunks(set: EvalSet, dir: string, owners: { id: number; region: string }[]): { files: string[]; readMs: number; totalMs: number } {
  const t0 = now();
  let readMs = 0;
  const files: string[] = [];
  const seen = new Map<string, number>();
  let lines: string[] = [];
  let i = 0;
  const flush = (): void => {
    const file = path.join(dir, `chunk-${files.length}.csv`);
    writeFileSync(file, lines.join(''));
    files.push(file);
    lines = [];
  };
  for (const v of synthetic(set.achievements, LISTINGS)) {
    // (institute, title) is unique: the n-th listing of a title goes to the n-th institute
    const k = seen.get(v.title) ?? 0;
    seen.set(v.title, k + 1);
    if (k >= owners.length) v.title = `${v.title}（${Math.floor(k / owners.length)}）`;
    const owner = owners[k % owners.length];
    const t = now();
    const r = readingOf('achievement', v);
    readMs += now() - t;
    const published = i % 20 !== 0; // 95% published, the rest pending
    lines.push(
      [
        owner.id,
        csvText(v.title),
        csvText(v.text),
        csvText(pgArray(v.keywords)),
        v.field === null ? '' : csvText(v.field),
        '{}',
        v.trl,
        csvText(pgArray(v.modes as string[])),
        v.price ?? '',
        v.priceNegotiable,
        published ? 'published' : 'pending',
        owner.region,
        published ? '2026-11-01 00:00:00+00' : '',
        'true',
        csvText(pgArray(r.terms)),
        `"{${r.weights.join(',')}}"`,
        r.length,
        r.field === null ? '' : csvText(r.field),
        csvText(pgArray(r.links)),
        csvText(JSON.stringify(r.bridged)),
      ].join(',') + '\n',
    );
    i++;
    if (lines.length === CHUNK) flush();
  }
  if (lines.length > 0) flush();
  return { files, readMs, totalMs: now() - t0 };
}

let chunks: { dir: string; files: string[] } | null = null;

async function owners(b: BenchDatabase): Promise<{ id: number; region: string }[]> {
  const [home] = await b.db.query<{ region: string }>('select region_code as region from institutes order by id limit 1');
  await b.db.query(
    `insert into institutes (name, kind, region_code, is_synthetic)
       select '合成研究院' || g, 'researchInstitute', $1, true from generate_series(1, ${INSTITUTES}) g`,
    [home.region],
  );
  return b.db.query<{ id: number; region: string }>(`select id::int as id, region_code as region from institutes where name like '合成研究院%' order by id`);
}

async function load(b: BenchDatabase, set: EvalSet): Promise<void> {
  const inst = await owners(b);
  if (!chunks) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kc-market-db-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    defaultEngine();
    const made = makeChunks(set, dir, inst);
    chunks = { dir, files: made.files };
    const rate = (LISTINGS * 1000) / made.readMs;
    console.log(
      `  indexing ${int(LISTINGS)} synthetic achievements: the server's reading ${int(rate)} listings/s (${secs(made.readMs)}; with generating and writing the CSV ${secs(made.totalMs)})`,
    );
    record({ bench: 'market-db', mode: b.mode, figure: `indexing ${int(LISTINGS)}`, value: `${int(rate)}/s`, reference: '—', against: '—', goal: '≥2,000/s' });
  }
  // a bulk load: the term index dropped during the COPY and built again after it
  await b.db.query('drop index achievements_terms_idx');
  let copyMs = 0;
  for (const f of chunks.files) copyMs += await b.copyCsv(`achievements (${COLUMNS.join(', ')})`, readFileSync(f, 'utf8'));
  const t = now();
  await b.db.query('create index achievements_terms_idx on achievements using gin (terms)');
  const indexMs = now() - t;
  await b.db.query('analyze achievements');
  console.log(
    `  COPY of ${int(LISTINGS)} with their readings: ${secs(copyMs)} (${int((LISTINGS * 1000) / copyMs)} rows/s); the GIN index on terms built after it in ${secs(indexMs)}, analyze ${secs(now() - t - indexMs)}`,
  );
}

/** the route's work for page 1 of a ranked search: the engine's best PAGE, then their listings */
async function search(b: BenchDatabase, q: string): Promise<number> {
  const spec = KINDS.achievement;
  const { matches } = await ranked(b.db, spec, searchWhere(spec, PUBLISHED_ONLY, {}), queryText(q), PAGE);
  await listingsByIds(
    b.db,
    spec,
    matches.map((m) => Number(m.id)),
  );
  return matches.length;
}

/** a bare scan: the same page by ILIKE on title and abstract, with its count, newest first */
async function ilike(b: BenchDatabase, q: string): Promise<void> {
  const like = `%${q}%`;
  const where = `where l.status = 'published' and (l.title ilike $1 or l.abstract ilike $1)`;
  await b.db.query(`select count(*)::int as n from achievements l ${where}`, [like]);
  await b.db.query(`select l.id::int as id from achievements l ${where} order by l.id desc limit ${PAGE}`, [like]);
}

async function timed(queries: string[], fn: (q: string) => Promise<unknown>): Promise<ReturnType<typeof summarise>> {
  for (const q of queries) await fn(q); // warm
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const t = now();
      await fn(q);
      times.push(now() - t);
    }
  }
  return summarise(times);
}

async function queries(b: BenchDatabase, set: EvalSet): Promise<void> {
  const qs = [...set.demands.map((d) => d.title ?? ''), ...SHORT].filter((q) => q.length >= 2);
  const engine = defaultEngine();
  // what a query asks of the database: its candidates (listings holding one of its terms)
  const spec = KINDS.achievement;
  const counts: number[] = [];
  const parts = { fetch: 0 };
  for (const q of qs) {
    const terms = queryTerms(engine, queryText(q));
    const t = now();
    const found = await candidates(b.db, spec, searchWhere(spec, PUBLISHED_ONLY, {}), terms);
    parts.fetch += now() - t;
    counts.push(found.candidates.length);
  }
  const c = summarise(counts);
  console.log(
    `  candidates per query (listings holding one of its terms): p50 ${int(c.p50)}, p95 ${int(c.p95)}, max ${int(c.max)}; reading them from the database ${ms(parts.fetch / qs.length)} per query on average`,
  );
  const s = await timed(qs, (q) => search(b, q));
  const l = await timed(qs, (q) => ilike(b, q));
  console.log(
    `  ranked search over ${int(LISTINGS)} (${qs.length} queries × ${ROUNDS}; top ${PAGE} with their listings): p50 ${ms(s.p50)}, p95 ${ms(s.p95)} · ILIKE scan p50 ${ms(l.p50)}, p95 ${ms(l.p95)}`,
  );
  record({
    bench: 'market-db',
    mode: b.mode,
    figure: `search ${int(LISTINGS)} p50 / p95`,
    value: `${ms(s.p50)} / ${ms(s.p95)}`,
    reference: `ILIKE ${ms(l.p50)} / ${ms(l.p95)}`,
    against: `p95 ×${ratio(s.p95 / l.p95)}`,
    goal: 'p95 ≤50 ms',
  });
}

class Rollback extends Error {}

async function push(b: BenchDatabase, set: EvalSet): Promise<void> {
  const [firm] = await b.db.query<{ id: number; region: string }>('select id::int as id, region_code as region from enterprises order by id limit 1');
  const demands = set.demands.slice(0, 10);
  const times: number[] = [];
  let pushed = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const d of demands) {
      try {
        await b.db.transaction(async (tx) => {
          const v: ListingValues = {
            title: `${d.title ?? ''}（新）`,
            text: d.description ?? '',
            keywords: [],
            field: d.field ?? null,
            chainTags: [],
            industryCode: null,
            contact: '',
          };
          const id = await insertListing(
            tx,
            KINDS.demand,
            v,
            { ownerId: firm.id, regionCode: firm.region, createdBy: null, status: 'published' },
            readingOf('demand', v),
          );
          const [l]: Listing[] = await listingsByIds(tx, KINDS.demand, [id]);
          const t = now();
          const out = await pushMatches(tx, KINDS.demand, l);
          times.push(now() - t);
          pushed += out.matches;
          throw new Rollback();
        });
      } catch (e) {
        if (!(e instanceof Rollback)) throw e;
      }
    }
  }
  const p = summarise(ROUNDS > 1 ? times.slice(demands.length) : times); // the first round warms, when there are two
  console.log(
    `  push for a newly published demand (${demands.length} labelled demands × ${ROUNDS}, rolled back; ${ratio(pushed / times.length)} matches each): p50 ${ms(p.p50)}, p95 ${ms(p.p95)}`,
  );
  record({
    bench: 'market-db',
    mode: b.mode,
    figure: 'push, new demand p50 / p95',
    value: `${ms(p.p50)} / ${ms(p.p95)}`,
    reference: '—',
    against: '—',
    goal: '≤200 ms',
  });
}

export async function marketDbBench(mode: Mode): Promise<void> {
  console.log(`\n-- 8b. Technology market on the database (${mode}): ${int(LISTINGS)} achievements, ranked search, push --`);
  const set = loadEvalSet();
  const b = await openBenchDatabase(mode);
  try {
    const t = now();
    await load(b, set);
    console.log(`  loaded in ${secs(now() - t)}`);
    await queries(b, set);
    await push(b, set);
  } finally {
    await b.close();
  }
  if (mode === 'postgres' && chunks) rmSync(chunks.dir, { recursive: true, force: true });
}
