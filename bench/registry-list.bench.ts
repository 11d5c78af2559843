/**
 * 6c. The registry list GET /api/enterprises under 50 concurrent clients (issue 15 item 7), on the
 * candidate pool's server and data (registry.bench.ts 6b: 100,000 enterprises + the demo's ~3,000).
 * 50 keep-alive clients in a process of their own, each load until 2,000 requests or 15 s, after 200
 * warm-up requests:
 * - repeated requests (the same URL every time, so after the first they are answered from the list's
 *   cache): the first page as `bureau` (the whole district) without and with a search term, with
 *   filters, and as `town` (one town, 招宝山街道);
 * - uncached requests (every request a URL asked for the first time in the run, so each computes its
 *   count and its page): pages 1–100 of 10–100 rows under eight filters; a different search term each
 *   time (a Chinese word with digits, digits of a name or USCC, a Latin letter with digits, which takes
 *   the case-insensitive path), as `bureau` and as `town`.
 * References in the same run, on the same server: GET /api/health (no session, no database; measured
 * first and again last, as the load of a shared machine moves) and GET /api/auth/me (the session lookup
 * every signed-in request makes, nothing else). Then each repeated list once per "write" (10 sequential
 * requests, the registry's data version bumped before each, as a write does).
 */
import { bumpVersion } from '@kechuang/platform-server';
import type { BenchDatabase, Mode } from './lib/database.ts';
import type { LoadClient, LoadResult } from './lib/load.ts';
import { record } from './lib/report.ts';
import { int, ms, now, printTable, ratio, secs, summarise } from './lib/stats.ts';

const CLIENTS = 50;
const MAX_REQUESTS = 2_000;
const MAX_SECONDS = 15;
const WARMUP = 200;
const COLD_RUNS = 10;
/** a request slower than this counts as a timeout (the issue saw requests over 10 s) */
const TIMEOUT_MS = 10_000;

type Headers = Record<string, string>;
/** a load: one URL asked again and again, or a list of URLs each asked once (warm-up first) */
interface Load {
  label: string;
  paths: string | string[];
  headers: Headers;
}

const E = encodeURIComponent;
const WORDS = ['科技', '新材料', '电子', '机械', '化工', '智能', '软件', '精密'];
const FILTERS = [
  '',
  'tier=hnte',
  'tier=techSme',
  'tier=none',
  'aboveScale=true',
  'hnteField=newMaterials',
  'region=330211003',
  'aboveScale=false&hnteField=electronicInformation',
];
const PAGE_SIZES = [10, 20, 50, 100];

/** WARMUP + MAX_REQUESTS distinct pages: filter × page size × page 1–100 */
function variedPages(): string[] {
  const out: string[] = [];
  for (let page = 1; out.length < WARMUP + MAX_REQUESTS; page++) {
    for (const f of FILTERS) for (const size of PAGE_SIZES) out.push(`/api/enterprises?${f ? `${f}&` : ''}page=${page}&pageSize=${size}`);
  }
  return out;
}

/** WARMUP + MAX_REQUESTS distinct search terms (first page of 20), from offset `from` on */
function variedTerms(from: number): string[] {
  return Array.from({ length: WARMUP + MAX_REQUESTS }, (_, k) => {
    const i = from + k;
    const term =
      i % 3 === 0
        ? `${WORDS[i % WORDS.length]}${String(i % 10_000).padStart(4, '0')}`
        : i % 3 === 1
          ? String(i).padStart(5, '0')
          : `k${String(i).padStart(6, '0')}`;
    return `/api/enterprises?q=${E(term)}&page=1&pageSize=20`;
  });
}

export async function registryListPart(
  bdb: BenchDatabase,
  base: string,
  sessions: { bureau: Headers; town: Headers },
  clients: LoadClient,
  mode: Mode,
): Promise<void> {
  const repeated: Load[] = [
    { label: 'list (bureau)', paths: '/api/enterprises?page=1&pageSize=20', headers: sessions.bureau },
    { label: 'list q=科技 (bureau)', paths: `/api/enterprises?q=${E('科技')}&page=1&pageSize=20`, headers: sessions.bureau },
    { label: 'list tier+aboveScale (bureau)', paths: '/api/enterprises?tier=techSme&aboveScale=true&page=1&pageSize=20', headers: sessions.bureau },
    { label: 'list (town)', paths: '/api/enterprises?page=1&pageSize=20', headers: sessions.town },
  ];
  const uncached: Load[] = [
    { label: 'uncached pages+filters (bureau)', paths: variedPages(), headers: sessions.bureau },
    { label: 'uncached q (bureau)', paths: variedTerms(0), headers: sessions.bureau },
    { label: 'uncached q (town)', paths: variedTerms(50_000), headers: sessions.town },
  ];
  const health: Load = { label: '/api/health (ref)', paths: '/api/health', headers: {} };
  const references: Load[] = [health, { label: '/api/auth/me (signed-in ref)', paths: '/api/auth/me', headers: sessions.bureau }];
  const lists = [...repeated, ...uncached];
  console.log(`\n-- 6c. Registry list under ${CLIENTS} concurrent clients [${mode}] --`);
  for (const { label, paths, headers } of repeated) {
    const res = await fetch(`${base}${paths as string}`, { headers });
    const body = (await res.json()) as { total: number; items: unknown[] };
    if (res.status !== 200) throw new Error(`bench: ${label} answered ${res.status}`);
    console.log(`  ${label}: total ${int(body.total)}, ${body.items.length} items`);
  }

  // health again at the end: on a shared machine the load moves during the run
  const results: [string, LoadResult][] = [];
  for (const { label, paths, headers } of [...references, ...lists, { ...health, label: '/api/health (ref, again)' }]) {
    const spec = (urls: string | string[], n: number) => ({
      url: `${base}${[urls].flat()[0]}`,
      urls: Array.isArray(urls) ? urls.map((p) => `${base}${p}`) : undefined,
      headers,
      concurrency: CLIENTS,
      maxRequests: n,
      maxSeconds: MAX_SECONDS,
    });
    // a list of URLs: the warm-up takes the first ones, the measured load the rest (none asked before)
    await clients.run(spec(Array.isArray(paths) ? paths.slice(0, WARMUP) : paths, WARMUP));
    results.push([label, await clients.run(spec(Array.isArray(paths) ? paths.slice(WARMUP) : paths, MAX_REQUESTS))]);
  }
  const rps = (r: LoadResult) => ((r.latencies.length + r.errors) * 1000) / r.elapsedMs;
  const slow = (r: LoadResult) => r.latencies.filter((l) => l > TIMEOUT_MS).length;
  printTable([
    ['endpoint', 'requests', 'time', 'req/s', 'p50', 'p95', 'p99', 'max', '>10 s', 'errors'],
    ...results.map(([label, r]) => {
      const s = summarise(r.latencies);
      return [label, int(s.n + r.errors), secs(r.elapsedMs), int(rps(r)), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), int(slow(r)), int(r.errors)];
    }),
  ]);
  console.log(
    `  ${CLIENTS} keep-alive clients in a process of their own; each load until ${int(MAX_REQUESTS)} requests or ${MAX_SECONDS} s, after ${WARMUP} warm-up requests;`,
  );
  console.log('  "list …" repeats one URL (answered from the cache after the first), "uncached …" asks each URL once.');

  // the first request after a write: the data version moves on, so the count and the page are computed again
  const cold: [string, number[]][] = [];
  for (const { label, paths, headers } of repeated) {
    const times: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await bdb.db.transaction((tx) => bumpVersion(tx, 'enterprises'));
      const t = now();
      const res = await fetch(`${base}${paths as string}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`bench: ${label} answered ${res.status} after a write`);
      times.push(now() - t);
    }
    cold.push([label, times]);
  }
  printTable([
    ['after a write (count + page)', 'runs', 'p50', 'max'],
    ...cold.map(([label, t]) => {
      const s = summarise(t);
      return [label, int(s.n), ms(s.p50), ms(s.max)];
    }),
  ]);

  const [healthFirst, me] = [results[0][1], results[1][1]];
  const again = results[results.length - 1][1];
  const healthRps = (rps(healthFirst) + rps(again)) / 2;
  const hp95 = [summarise(healthFirst.latencies).p95, summarise(again.latencies).p95];
  for (const [label, r] of results.slice(2, -1)) {
    const s = summarise(r.latencies);
    if (r.errors > 0) console.log(`  ${label} errors: ${r.errorSamples.join(' | ')}`);
    record({
      bench: 'registry',
      mode,
      figure: `${label}, ${CLIENTS} clients`,
      value: `${int(rps(r))}/s, p50 ${ms(s.p50)} / p95 ${ms(s.p95)} / p99 ${ms(s.p99)}`,
      reference: `health ${int(rps(healthFirst))}–${int(rps(again))}/s, p95 ${ms(Math.min(...hp95))}–${ms(Math.max(...hp95))}; me ${int(rps(me))}/s`,
      against: `×${ratio(rps(r) / healthRps)} (req/s)`,
      goal: 'p95 ≤ 150 ms',
    });
    record({
      bench: 'registry',
      mode,
      figure: `${label}, >10 s / errors`,
      value: `${int(slow(r))} / ${int(r.errors)}`,
      reference: `health ${int(slow(healthFirst) + slow(again))} / ${int(healthFirst.errors + again.errors)}`,
      against: '',
      goal: 'none',
    });
  }
  for (const [label, t] of cold) {
    const s = summarise(t);
    record({ bench: 'registry', mode, figure: `${label}, after a write`, value: `p50 ${ms(s.p50)}`, reference: `max ${ms(s.max)}`, against: '', goal: '' });
  }
}
