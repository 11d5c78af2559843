/**
 * 7. Responsiveness during an import (issue 15, item 6): the real server on the demo data; a poller in a
 * process of its own (lib/poll.ts) sends GET /api/health and, as the `leader`, GET /api/indicators/cockpit
 * every 20 ms (one request in flight each) while a 100,000-row import runs over HTTP as the `bureau`:
 * the indicators' actuals as .csv (inserts), the same rows as .xlsx (a re-import: the heaviest parse, and
 * a write that changes nothing), and the registry's 年度数据 .csv after 34,000 enterprises were registered.
 * The reference: the same polling for a few seconds with no import, on the same server, in the same run.
 * Also the longest stall of the server's event loop during each import (perf_hooks, in the server's process).
 */
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { reportingUnits } from '@kechuang/platform-server';
import { warmupsSettled } from '@kechuang/indicators/server';
import { buildApp } from '@kechuang/server';
import { appContext, DEMO_PASSWORD } from '@kechuang/server/boot';
import { actualRows, toImportCsv, toImportXlsx } from './lib/actuals-file.ts';
import { openBenchDatabase, type Mode } from './lib/database.ts';
import { epochNow, startPoller, type PollSample, type PollTarget, type Poller } from './lib/poll.ts';
import { benchEnterprises, benchYears, enterprisesCsv, yearsCsv } from './lib/registry-files.ts';
import { record } from './lib/report.ts';
import { int, ms, now, printTable, secs, summarise } from './lib/stats.ts';

const ROWS = 100_000;
const ENTERPRISES = 34_000;
const INTERVAL_MS = 20;
const REFERENCE_MS = 4_000;
/** polling goes on this long after each import answered, reported apart ("after") */
const AFTER_MS = 1_500;
const DISTRICT = '330211';
const HEALTH = '/api/health';
const COCKPIT = '/api/indicators/cockpit?period=2024';

interface Files {
  actualsCsv: Buffer;
  actualsXlsx: Buffer;
  enterprises: Buffer;
  years: Buffer;
}
let files: Files | undefined;

async function makeFiles(db: Parameters<typeof reportingUnits>[0]): Promise<Files> {
  if (files) return files;
  const t = now();
  const units = (await reportingUnits(db, DISTRICT)).map((u) => u.code);
  const indicators = await db.query<{ code: string; unit: string; precision: number }>('select code, unit, precision from indicators order by sort, code');
  const rows = actualRows(units, indicators, ROWS);
  const list = benchEnterprises(ENTERPRISES);
  files = { actualsCsv: toImportCsv(rows), actualsXlsx: await toImportXlsx(rows), enterprises: enterprisesCsv(list), years: yearsCsv(benchYears(list, ROWS)) };
  console.log(
    `  generated the files in ${secs(now() - t)}: actuals .csv ${(files.actualsCsv.length / 1e6).toFixed(1)} MB, .xlsx ${(files.actualsXlsx.length / 1e6).toFixed(1)} MB; ` +
      `enterprises ${(files.enterprises.length / 1e6).toFixed(1)} MB; years ${(files.years.length / 1e6).toFixed(1)} MB`,
  );
  return files;
}

interface Window {
  label: string;
  /** epoch ms */
  from: number;
  to: number;
  /** the server's longest event-loop stall in the window (ms), when measured */
  stallMs?: number;
  detail?: string;
}

async function upload(base: string, cookie: string, url: string, name: string, data: Buffer): Promise<{ status: number; body: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength)]), name);
  const res = await fetch(`${base}${url}`, { method: 'POST', headers: { cookie }, body: form });
  return { status: res.status, body: await res.text() };
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench: login as ${username} answered ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('kc_session='));
  if (!session) throw new Error('bench: login set no kc_session cookie');
  return session.split(';')[0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * When the server answered the import, and its event loop's longest stall until then: set by an onResponse
 * hook of the server, so that what the server does right after answering (the indicators' league warm-up,
 * a cockpit computed afresh after the data changed) falls in the "after" window, not in the import's.
 */
interface Answered {
  at: number;
  stallMs: number;
}
let answered: Answered | null = null;
let loop: ReturnType<typeof monitorEventLoopDelay> | null = null;

/** Polls while `during` runs (and AFTER_MS more); answers the window it ran in and the samples. */
async function polled(
  poller: Poller,
  targets: PollTarget[],
  label: string,
  during: () => Promise<string | undefined>,
): Promise<{ window: Window; after: Window; samples: Record<string, PollSample[]> }> {
  await poller.start(targets, INTERVAL_MS);
  await sleep(100);
  answered = null;
  loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const from = epochNow();
  const detail = await during();
  // set by the hook meanwhile (TypeScript narrowed it to null above)
  const got = answered as Answered | null;
  const to = got?.at ?? epochNow();
  const stallMs = got?.stallMs ?? loop.max / 1e6;
  loop.disable();
  loop = null;
  await sleep(AFTER_MS);
  const samples = await poller.stop();
  return { window: { label, from, to, stallMs, detail }, after: { label: `${label}, next ${secs(AFTER_MS)}`, from: to, to: to + AFTER_MS }, samples };
}

const within = (s: PollSample[], w: Window) => s.filter((x) => x.at >= w.from && x.at <= w.to);

export async function importResponsivenessBench(mode: Mode): Promise<void> {
  console.log(`\n-- 7. Responsiveness during a ${int(ROWS)}-row import over HTTP [${mode}] --`);
  const bdb = await openBenchDatabase(mode);
  const app = await buildApp(appContext(bdb.db, bdb.config), { serveWeb: false, logLevel: 'silent' });
  app.addHook('onResponse', async (req) => {
    if (req.method === 'POST' && loop !== null && answered === null) answered = { at: epochNow(), stallMs: loop.max / 1e6 };
  });
  const poller = startPoller();
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const f = await makeFiles(bdb.db);
    const [bureau, leader] = [await login(base, 'bureau'), await login(base, 'leader')];

    let t = now();
    const registered = await upload(base, bureau, '/api/enterprises/import?kind=enterprises', 'enterprises-34k.csv', f.enterprises);
    if (registered.status !== 200) throw new Error(`bench: registering the enterprises answered ${registered.status} ${registered.body.slice(0, 300)}`);
    console.log(`  ${int(ENTERPRISES)} enterprises registered over HTTP in ${secs(now() - t)} (not measured)`);
    t = now();
    for (let i = 0; i < 3; i++) await (await fetch(`${base}${COCKPIT}`, { headers: { cookie: leader } })).text();
    console.log(`  cockpit warmed in ${secs(now() - t)}`);

    const targets: PollTarget[] = [
      { label: 'health', url: `${base}${HEALTH}`, headers: {} },
      { label: 'cockpit', url: `${base}${COCKPIT}`, headers: { cookie: leader } },
    ];
    const reference = await polled(poller, targets, 'no import (reference)', async () => {
      await sleep(REFERENCE_MS);
      return undefined;
    });
    const runs = [reference];
    const imports = [
      { label: 'indicators .csv', url: '/api/indicators/import', name: 'actuals-100k.csv', data: f.actualsCsv },
      { label: 'indicators .xlsx (re-import)', url: '/api/indicators/import', name: 'actuals-100k.xlsx', data: f.actualsXlsx },
      { label: 'registry years .csv', url: '/api/enterprises/import?kind=years', name: 'years-100k.csv', data: f.years },
    ];
    for (const imp of imports) {
      runs.push(
        await polled(poller, targets, imp.label, async () => {
          const t0 = now();
          const r = await upload(base, bureau, imp.url, imp.name, imp.data);
          if (r.status !== 200) throw new Error(`bench: ${imp.label} answered ${r.status} ${r.body.slice(0, 300)}`);
          const j = JSON.parse(r.body) as { inserted: number; updated: number; unchanged: number };
          return `${secs(now() - t0)}, ${int(j.inserted)}/${int(j.updated)}/${int(j.unchanged)}`;
        }),
      );
      await sleep(500);
    }

    const table: string[][] = [['window', 'import', 'loop stall', 'health n', 'p50', 'p95', 'max', 'cockpit n', 'p50', 'p95', 'max', 'errors']];
    const row = (w: Window, samples: Record<string, PollSample[]>) => {
      const h = within(samples.health, w);
      const c = within(samples.cockpit, w);
      const hs = summarise(h.map((x) => x.ms));
      const cs = summarise(c.map((x) => x.ms));
      const errors = [...h, ...c].filter((x) => x.status !== 200).length;
      table.push([
        w.label,
        w.detail ?? '',
        w.stallMs === undefined ? '' : ms(w.stallMs),
        int(hs.n),
        ms(hs.p50),
        ms(hs.p95),
        ms(hs.max),
        int(cs.n),
        ms(cs.p50),
        ms(cs.p95),
        ms(cs.max),
        int(errors),
      ]);
      return { hs, cs };
    };
    const ref = row(reference.window, reference.samples);
    for (const r of runs.slice(1)) {
      const { hs, cs } = row(r.window, r.samples);
      row(r.after, r.samples);
      record({
        bench: 'responsiveness',
        mode,
        figure: `health during ${r.window.label}`,
        value: `${ms(hs.p50)} / ${ms(hs.p95)} / ${ms(hs.max)}`,
        reference: `${ms(ref.hs.p50)} / ${ms(ref.hs.p95)} / ${ms(ref.hs.max)}`,
        against: `loop stall ${ms(r.window.stallMs ?? NaN)}`,
        goal: 'p95 ≤ 100 ms',
      });
      record({
        bench: 'responsiveness',
        mode,
        figure: `cockpit during ${r.window.label}`,
        value: `${ms(cs.p50)} / ${ms(cs.p95)} / ${ms(cs.max)}`,
        reference: `${ms(ref.cs.p50)} / ${ms(ref.cs.p95)} / ${ms(ref.cs.max)}`,
        against: `n ${cs.n}`,
        goal: '',
      });
    }
    printTable(table);
    console.log(`  a poller in its own process sends GET ${HEALTH} and GET ${COCKPIT} (as leader) every ${INTERVAL_MS} ms, one request in flight each;`);
    console.log('  figures are p50 / p95 / max of the answers whose request was sent within the window, which ends when the server answers the');
    console.log('  import ("next" = the 1.5 s after: the league warm-up, a cockpit computed afresh); "loop stall" = the longest delay of the server');
    console.log("  process's event loop in the window (perf_hooks); import = time, inserted/updated/unchanged.");
  } finally {
    poller.close();
    await warmupsSettled();
    await app.close();
    await bdb.close();
  }
}
