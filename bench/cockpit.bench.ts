/**
 * 3. The cockpit API under 50 concurrent clients on loopback: the real server (buildApp + listen on
 * 127.0.0.1, an ephemeral port) on the demo data, signed in as `leader`; 50 keep-alive clients send
 * GET /api/indicators/cockpit?period=2024 until 5,000 requests or 20 s, whichever comes first.
 * Reference: the same load on GET /api/health (no session, no database).
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '@kechuang/server';
import { appContext, DEMO_PASSWORD } from '@kechuang/server/boot';
import { openBenchDatabase, type Mode } from './lib/database.ts';
import { startLoadClient, type LoadResult } from './lib/load.ts';
import { record } from './lib/report.ts';
import { int, ms, now, printTable, ratio, secs, summarise } from './lib/stats.ts';

const CONCURRENCY = 50;
const MAX_REQUESTS = 5_000;
const MAX_SECONDS = 20;
const WARMUP_REQUESTS = 500;
const COCKPIT = '/api/indicators/cockpit?period=2024';
const HEALTH = '/api/health';

export async function cockpitBench(mode: Mode): Promise<void> {
  console.log(`\n-- 3. Cockpit API under ${CONCURRENCY} concurrent clients on loopback [${mode}] --`);
  const bdb = await openBenchDatabase(mode);
  const app = await buildApp(appContext(bdb.db, bdb.config), { serveWeb: false, logLevel: 'silent' });
  const clients = startLoadClient();
  const load = clients.run.bind(clients);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`bench: login as leader answered ${res.status} ${await res.text()}`);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('kc_session='));
    if (!session) throw new Error('bench: login set no kc_session cookie');
    const headers = { cookie: session.split(';')[0] };

    // the first cockpit after start-up computes everything (the cache is empty)
    let t = now();
    const first = await fetch(`${base}${COCKPIT}`, { headers });
    const body = await first.text();
    const firstMs = now() - t;
    if (first.status !== 200) throw new Error(`bench: cockpit answered ${first.status} ${body.slice(0, 300)}`);
    t = now();
    await (await fetch(`${base}${COCKPIT}`, { headers })).text();
    const secondMs = now() - t;
    console.log(`  first cockpit (empty cache) ${ms(firstMs)}, second ${ms(secondMs)}; answer ${int(body.length)} bytes`);

    const spec = (path: string, maxRequests: number) => ({ url: `${base}${path}`, headers, concurrency: CONCURRENCY, maxRequests, maxSeconds: MAX_SECONDS });
    await load(spec(HEALTH, WARMUP_REQUESTS));
    await load(spec(COCKPIT, WARMUP_REQUESTS));
    const health = await load(spec(HEALTH, MAX_REQUESTS));
    const cockpit = await load(spec(COCKPIT, MAX_REQUESTS));

    const row = (label: string, r: LoadResult) => {
      const s = summarise(r.latencies);
      return [
        label,
        int(s.n + r.errors),
        secs(r.elapsedMs),
        int(((s.n + r.errors) * 1000) / r.elapsedMs),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max),
        int(r.errors),
      ];
    };
    printTable([
      ['endpoint', 'requests', 'time', 'req/s', 'p50', 'p95', 'p99', 'max', 'errors'],
      row(`GET ${COCKPIT}`, cockpit),
      row(`GET ${HEALTH} (ref)`, health),
    ]);
    console.log(
      `  ${CONCURRENCY} keep-alive clients in a process of their own; bounded by ${int(MAX_REQUESTS)} requests or ${MAX_SECONDS} s; after ${WARMUP_REQUESTS} warm-up requests each.`,
    );
    for (const [label, r] of [
      ['cockpit', cockpit],
      ['health', health],
    ] as const) {
      if (r.errors > 0) console.log(`  ${label} errors (first ${r.errorSamples.length}): ${r.errorSamples.join(' | ')}`);
    }

    const c = summarise(cockpit.latencies);
    const h = summarise(health.latencies);
    const rps = (r: LoadResult) => ((r.latencies.length + r.errors) * 1000) / r.elapsedMs;
    record({
      bench: 'cockpit',
      mode,
      figure: 'requests/s',
      value: int(rps(cockpit)),
      reference: `health ${int(rps(health))}`,
      against: `×${ratio(rps(cockpit) / rps(health))}`,
      goal: '',
    });
    record({
      bench: 'cockpit',
      mode,
      figure: 'p50 / p95 / p99',
      value: `${ms(c.p50)} / ${ms(c.p95)} / ${ms(c.p99)}`,
      reference: `${ms(h.p50)} / ${ms(h.p95)} / ${ms(h.p99)}`,
      against: `×${ratio(c.p95 / h.p95)} (p95)`,
      goal: 'p95 ≤ 100 ms',
    });
    record({ bench: 'cockpit', mode, figure: 'errors', value: int(cockpit.errors), reference: `health ${int(health.errors)}`, against: '', goal: 'none' });
    record({ bench: 'cockpit', mode, figure: 'first (empty cache)', value: ms(firstMs), reference: `second ${ms(secondMs)}`, against: '', goal: '' });
  } finally {
    clients.close();
    await app.close();
    await bdb.close();
  }
}
