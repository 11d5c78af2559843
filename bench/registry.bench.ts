/**
 * 6. The enterprise registry (issue 4):
 *  (a) import of 100,000 enterprise-year rows (.csv and .xlsx) through the real operation
 *      importRegistry(), after 34,000 enterprises registered through the enterprises import, on a fresh
 *      demo database each; then a re-import of the same file (which must change nothing). Reference: a
 *      bare COPY of the same rows, normalised, into a table like enterprise_years in the same database.
 *  (b) the candidate-pool work list GET /api/enterprises/lists/hnteCandidates over 100,000 enterprises
 *      (loaded with COPY, three years of figures each, some certificates and IP, then every rule check
 *      run with recheckAll), first page and a filtered page, 200 sequential requests each through the
 *      real server on loopback. Reference: the same load on GET /api/health.
 *  (c) on the same server and data, the registry list GET /api/enterprises under 50 concurrent clients
 *      (registry-list.bench.ts).
 */
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import { seededRandom } from '@kechuang/platform-core';
import { decodeText, DEFAULT_READ_LIMITS, getRegion, readTable, type Scope } from '@kechuang/platform-server';
import { importRegistry, recheckAll, type RegistryImportProgress, type RegistryImportResult } from '@kechuang/enterprises/server';
import { buildApp } from '@kechuang/server';
import { appContext, DEMO_PASSWORD } from '@kechuang/server/boot';
import { scanXml } from '../platform/server/src/excel/xml-scanner.ts';
import { ZipArchive } from '../platform/server/src/excel/zip-directory.ts';
import { openBenchDatabase, type BenchDatabase, type Mode } from './lib/database.ts';
import { startLoadClient, type LoadResult } from './lib/load.ts';
import { registryListPart } from './registry-list.bench.ts';
import { record } from './lib/report.ts';
import { int, median, ms, now, printTable, rate, ratio, secs, summarise } from './lib/stats.ts';
import {
  benchEnterprises,
  benchYears,
  COPY_COLUMNS,
  enterprisesCsv,
  FIELD_CODES,
  TOWN_CODES,
  yearsCopyCsv,
  yearsCsv,
  yearsXlsx,
  type BenchEnterprise,
  type BenchYear,
} from './lib/registry-files.ts';

const ENTERPRISES = 34_000;
const YEAR_ROWS = 100_000;
const POOL_ENTERPRISES = 100_000;
const COPY_RUNS = 3;
const READ_RUNS = 5;
const REQUESTS = 200;
const WARMUP = 20;
const DISTRICT = '330211';

interface Timed {
  result: RegistryImportResult;
  total: number;
  read: number;
  validate: number;
  write: number;
  recheck: number;
}

async function districtScope(bdb: BenchDatabase): Promise<Scope> {
  const d = (await getRegion(bdb.db, DISTRICT))!;
  return { kind: 'region', regionCode: d.code, regionName: d.name, path: d.path };
}

async function timedImport(bdb: BenchDatabase, kind: 'enterprises' | 'years', file: { name: string; data: Buffer }): Promise<Timed> {
  const marks: Partial<Record<'readEnd' | 'writeStart' | 'recheckStart' | 'done', number>> = {};
  const onProgress = (p: RegistryImportProgress) => {
    if (p.phase === 'read') marks.readEnd = now();
    if (p.phase === 'write') marks.writeStart ??= now();
    if (p.phase === 'recheck') marks.recheckStart ??= now();
    if (p.phase === 'done') marks.done ??= now();
  };
  const [actor] = await bdb.db.query<{ id: number; username: string }>(`select id, username from users where username = 'bureau'`);
  // the import hands the bytes over to its parse worker (they are empty afterwards): each run gets a copy
  const upload = { name: file.name, data: Buffer.from(file.data) };
  const t0 = now();
  const result = await importRegistry(bdb.db, { ...actor, role: 'bureauStaff' }, await districtScope(bdb), kind, upload, { homeRegion: DISTRICT, onProgress });
  const t1 = now();
  const { readEnd = NaN, writeStart = NaN, recheckStart = NaN, done = NaN } = marks;
  return { result, total: t1 - t0, read: readEnd - t0, validate: writeStart - readEnd, write: recheckStart - writeStart, recheck: done - recheckStart };
}

let readerMeasured = false;
let data: { enterprises: BenchEnterprise[]; years: BenchYear[]; enterprisesCsv: Buffer; csv: Buffer; xlsx: Buffer } | undefined;

/**
 * The sheet reader against the bare parse of the same file, in this thread, runs interleaved so that the
 * machine's load weighs on both alike: readTable (what the import's parse worker runs) against, for the
 * .xlsx, unzipping the sheet and scanning every XML tag with nothing kept (and unzipping alone), for the
 * .csv, csv-parse over the decoded text with nothing else.
 */
async function readerPart(mode: Mode, files: { csv: Buffer; xlsx: Buffer }): Promise<void> {
  const sheet = 'xl/worksheets/sheet1.xml';
  const ignore = () => undefined;
  const runs: Record<'xlsx' | 'xmlScan' | 'inflate' | 'csv' | 'csvParse', number[]> = { xlsx: [], xmlScan: [], inflate: [], csv: [], csvParse: [] };
  const time = async (into: number[], fn: () => unknown) => {
    const t = now();
    await fn();
    into.push(now() - t);
  };
  for (let i = 0; i < READ_RUNS; i++) {
    await time(runs.xlsx, () => readTable(files.xlsx, 'years.xlsx', ignore, DEFAULT_READ_LIMITS));
    await time(runs.xmlScan, () =>
      scanXml(new ZipArchive(files.xlsx, DEFAULT_READ_LIMITS).inflate(sheet), { capturing: false, open: ignore, close: ignore, text: ignore }),
    );
    await time(runs.inflate, async () => {
      for await (const chunk of new ZipArchive(files.xlsx, DEFAULT_READ_LIMITS).inflate(sheet)) void chunk;
    });
    await time(runs.csv, () => readTable(files.csv, 'years.csv', ignore, DEFAULT_READ_LIMITS));
    await time(runs.csvParse, () => parseCsv(decodeText(files.csv), { relax_column_count: true }));
  }
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) as Record<keyof typeof runs, number>;
  console.log(`  the reader alone (readTable in this thread, median of ${READ_RUNS}, interleaved with its references):`);
  printTable([
    ['file', 'reader', 'rows/s', 'bare parse', 'reader ÷ bare', 'unzip alone'],
    ['.xlsx', secs(m.xlsx), int(rate(YEAR_ROWS, m.xlsx)), `${secs(m.xmlScan)} (unzip + XML scan)`, ratio(m.xlsx / m.xmlScan), secs(m.inflate)],
    ['.csv', secs(m.csv), int(rate(YEAR_ROWS, m.csv)), `${secs(m.csvParse)} (csv-parse)`, ratio(m.csv / m.csvParse), ''],
  ]);
  for (const [format, reader, bare] of [
    ['xlsx', m.xlsx, m.xmlScan],
    ['csv', m.csv, m.csvParse],
  ] as const) {
    record({
      bench: 'registry',
      mode,
      figure: `reader .${format} (${int(YEAR_ROWS)} rows)`,
      value: secs(reader),
      reference: `bare parse ${secs(bare)}`,
      against: `×${ratio(reader / bare)}`,
      goal: '',
    });
  }
}

export async function importPart(mode: Mode): Promise<void> {
  console.log(`\n-- 6a. Registry import of ${int(YEAR_ROWS)} enterprise-year rows [${mode}] --`);
  if (!data) {
    const t = now();
    const enterprises = benchEnterprises(ENTERPRISES);
    const years = benchYears(enterprises, YEAR_ROWS);
    data = { enterprises, years, enterprisesCsv: enterprisesCsv(enterprises), csv: yearsCsv(years), xlsx: await yearsXlsx(years) };
    console.log(
      `  generated ${int(enterprises.length)} enterprises (.csv ${(data.enterprisesCsv.length / 1e6).toFixed(1)} MB) and ${int(years.length)} enterprise-years ` +
        `(.csv ${(data.csv.length / 1e6).toFixed(1)} MB, .xlsx ${(data.xlsx.length / 1e6).toFixed(1)} MB; amounts in 万元) in ${secs(now() - t)}`,
    );
  }
  // the reader does not depend on the database: measured once per run
  if (!readerMeasured) await readerPart(mode, data);
  readerMeasured = true;
  const table: string[][] = [['file', 'run', 'total', 'rows/s', 'read', 'validate', 'write', 'recheck', 'ins/upd/unch', 'COPY ref', 'COPY rows/s', 'e2e/COPY']];
  for (const format of ['csv', 'xlsx'] as const) {
    const bdb = await openBenchDatabase(mode);
    try {
      const reg = await timedImport(bdb, 'enterprises', { name: 'enterprises-34k.csv', data: data.enterprisesCsv });
      table.push([
        '.csv',
        'enterprises',
        secs(reg.total),
        int(rate(reg.result.rows, reg.total)),
        secs(reg.read),
        secs(reg.validate),
        secs(reg.write),
        secs(reg.recheck),
        `${int(reg.result.inserted)}/${int(reg.result.updated)}/${int(reg.result.unchanged)}`,
        '',
        '',
        '',
      ]);
      if (format === 'csv')
        record({
          bench: 'registry',
          mode,
          figure: `enterprises import (${int(ENTERPRISES)})`,
          value: `${int(rate(reg.result.rows, reg.total))} rows/s`,
          reference: `recheck ${secs(reg.recheck)}`,
          against: '',
          goal: '',
        });

      const ids = new Map(
        (await bdb.db.query<{ id: number; uscc: string }>(`select id, uscc from enterprises where uscc like '91330211K%'`)).map((r) => [r.uscc, r.id]),
      );
      const copyMs = await copyReference(bdb, yearsCopyCsv(data.years, ids));
      const copyRate = rate(YEAR_ROWS, copyMs);
      const file = { name: `years-100k.${format}`, data: format === 'csv' ? data.csv : data.xlsx };
      const first = await timedImport(bdb, 'years', file);
      const again = await timedImport(bdb, 'years', file);
      for (const [run, t] of [
        ['years', first],
        ['re-import', again],
      ] as const) {
        const r = t.result;
        table.push([
          `.${format}`,
          run,
          secs(t.total),
          int(rate(r.rows, t.total)),
          secs(t.read),
          secs(t.validate),
          secs(t.write),
          secs(t.recheck),
          `${int(r.inserted)}/${int(r.updated)}/${int(r.unchanged)}`,
          secs(copyMs),
          int(copyRate),
          ratio(copyMs / t.total),
        ]);
      }
      if (first.result.inserted !== YEAR_ROWS) console.log(`  NOTE: the .${format} import inserted ${first.result.inserted}, expected ${YEAR_ROWS}`);
      if (again.result.inserted + again.result.updated !== 0)
        console.log(`  NOTE: the .${format} re-import changed ${again.result.inserted + again.result.updated} rows; it should change none`);
      const e2e = rate(YEAR_ROWS, first.total);
      record({
        bench: 'registry',
        mode,
        figure: `years .${format} end-to-end`,
        value: `${int(e2e)} rows/s`,
        reference: `COPY ${int(copyRate)} rows/s`,
        against: `×${ratio(copyMs / first.total)}`,
        goal: mode === 'embedded' ? '≥10,000 rows/s' : '',
      });
      record({
        bench: 'registry',
        mode,
        figure: `years .${format} recheck`,
        value: `${secs(first.recheck)} (${int(first.result.rechecked)} ent.)`,
        reference: `total ${secs(first.total)}`,
        against: `${Math.round((100 * first.recheck) / first.total)}% of total`,
        goal: '',
      });
      record({
        bench: 'registry',
        mode,
        figure: `years .${format} re-import`,
        value: `${secs(again.total)} (${int(again.result.inserted)}/${int(again.result.updated)}/${int(again.result.unchanged)})`,
        reference: `COPY ${secs(copyMs)}`,
        against: `×${ratio(copyMs / again.total)}`,
        goal: 'changes nothing',
      });
    } finally {
      await bdb.close();
    }
  }
  printTable(table);
  console.log('  total = importRegistry() end to end; read = parse the file; validate = every row checked, USCCs looked up;');
  console.log(
    '  write = the transaction up to the recheck (staging COPY, merged-figure check, change log, upsert); recheck = the rules of every enterprise touched;',
  );
  console.log(
    '  COPY ref = median of 3 bare COPYs of the same rows (ids resolved, yuan) into a table like enterprise_years; e2e/COPY = import speed ÷ COPY speed.',
  );
}

async function copyReference(bdb: BenchDatabase, csv: string): Promise<number> {
  await bdb.db.query('create table bench_copy (like enterprise_years including all)');
  const runs: number[] = [];
  for (let i = 0; i < COPY_RUNS; i++) {
    if (i > 0) await bdb.db.query('truncate bench_copy');
    runs.push(await bdb.copyCsv(`bench_copy ${COPY_COLUMNS}`, csv));
  }
  const [{ n }] = await bdb.db.query<{ n: number }>('select count(*) as n from bench_copy');
  if (n !== YEAR_ROWS) throw new Error(`bench: COPY loaded ${n} rows, expected ${YEAR_ROWS}`);
  await bdb.db.query('drop table bench_copy');
  return median(runs);
}

/** 100,000 enterprises with three years each, ~10% HNTE, ~25% tech-SMEs, IP for most, loaded with COPY. */
export async function loadPool(bdb: BenchDatabase): Promise<void> {
  const db = bdb.db;
  const list = benchEnterprises(POOL_ENTERPRISES, 21);
  const rnd = seededRandom(99);
  await db.copyRows(
    'enterprises',
    ['uscc', 'name', 'region_code', 'founded_on', 'hnte_field', 'industry_code', 'is_above_scale', 'is_synthetic'],
    list.map((e) => [e.uscc, e.name, TOWN_CODES[e.town], e.foundedOn, rnd() < 0.85 ? FIELD_CODES[e.field] : null, e.industry, String(e.aboveScale), 'true']),
  );
  const ids = new Map(
    (await db.query<{ id: number; uscc: string }>(`select id, uscc from enterprises where uscc like '91330211K%'`)).map((r) => [r.uscc, r.id]),
  );
  const years = benchYears(list, POOL_ENTERPRISES * 3, 23);
  await db.copyRows(
    'enterprise_years',
    [
      'enterprise_id',
      'year',
      'revenue',
      'high_tech_revenue',
      'rd_expense',
      'rd_expense_domestic',
      'total_cost',
      'total_assets',
      'net_assets',
      'employees',
      'sci_tech_staff',
      'conversions',
      'source',
    ],
    years.map((y) => [
      String(ids.get(y.uscc)),
      String(y.year),
      ...y.amounts.map((a) => String(a * 100)),
      String(y.employees),
      String(y.sciTechStaff),
      String(y.conversions),
      'synthetic',
    ]),
  );
  const quals: string[][] = [];
  const ip: string[][] = [];
  for (const e of list) {
    const id = String(ids.get(e.uscc));
    const r = rnd();
    if (r < 0.1) quals.push([id, 'hnte', `GRB${e.uscc.slice(9, 17)}`, '2023-12-01', '2026-11-30']);
    else if (r < 0.35) quals.push([id, 'techSme', `TSB${e.uscc.slice(9, 17)}`, '2025-05-01', '2026-12-31']);
    if (rnd() < 0.7) ip.push([id, 'inventionPatent', 'own', String(1 + Math.floor(rnd() * 3))]);
    if (rnd() < 0.6) ip.push([id, 'utilityModel', 'own', String(1 + Math.floor(rnd() * 10))]);
  }
  await db.copyRows('qualifications', ['enterprise_id', 'kind', 'certificate_no', 'issued_on', 'valid_until'], quals);
  await db.copyRows('enterprise_ip', ['enterprise_id', 'kind', 'acquisition', 'count'], ip);
  if (bdb.mode === 'postgres') await db.query('analyze'); // as autovacuum would shortly after such a load
}

export async function poolPart(mode: Mode): Promise<void> {
  console.log(`\n-- 6b. Candidate pool over ${int(POOL_ENTERPRISES)} enterprises [${mode}] --`);
  const bdb = await openBenchDatabase(mode);
  const app = await buildApp(appContext(bdb.db, bdb.config), { serveWeb: false, logLevel: 'silent' });
  const clients = startLoadClient();
  try {
    let t = now();
    await loadPool(bdb);
    const loadMs = now() - t;
    t = now();
    const checked = await recheckAll(bdb.db);
    const recheckMs = now() - t;
    const [{ total, pool }] = await bdb.db.query<{ total: number; pool: number }>(
      `select count(*) as total, count(*) filter (where not exists (select 1 from qualifications q where q.enterprise_id = e.id and q.kind = 'hnte' and q.status = 'active' and current_date between q.issued_on and q.valid_until)) as pool from enterprises e`,
    );
    console.log(
      `  loaded ${int(POOL_ENTERPRISES)} enterprises × 3 years with COPY in ${secs(loadMs)}; recheckAll: ${int(checked)} enterprises in ${secs(recheckMs)} (${int(rate(checked, recheckMs))}/s); ${int(total)} enterprises, ${int(pool)} without a valid HNTE certificate`,
    );
    record({
      bench: 'registry',
      mode,
      figure: `recheck all (${int(checked)})`,
      value: `${int(rate(checked, recheckMs))} ent./s`,
      reference: `COPY load ${secs(loadMs)}`,
      against: '',
      goal: '',
    });

    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`bench: login as ${username} answered ${res.status}`);
      return {
        cookie: res.headers
          .getSetCookie()
          .find((c) => c.startsWith('kc_session='))!
          .split(';')[0],
      };
    };
    const bureau = await login('bureau');
    const town = await login('town');
    const endpoints: [string, string, Record<string, string>][] = [
      ['pool, first page (bureau)', '/api/enterprises/lists/hnteCandidates?page=1&pageSize=20', bureau],
      ['pool, filtered page (bureau)', `/api/enterprises/lists/hnteCandidates?region=330211003&q=${encodeURIComponent('科技')}&page=3&pageSize=20`, bureau],
      ['pool, first page (town)', '/api/enterprises/lists/hnteCandidates?page=1&pageSize=20', town],
      ['health (ref)', '/api/health', {}],
    ];
    const results: [string, LoadResult][] = [];
    for (const [label, path, headers] of endpoints) {
      const spec = (n: number) => ({ url: `${base}${path}`, headers, concurrency: 1, maxRequests: n, maxSeconds: 120 });
      await clients.run(spec(WARMUP));
      results.push([label, await clients.run(spec(REQUESTS))]);
    }
    const first = (await (await fetch(`${base}${endpoints[0][1]}`, { headers: bureau })).json()) as { total: number };
    console.log(`  the first page answers total = ${int(first.total)}`);
    printTable([
      ['endpoint', 'requests', 'p50', 'p95', 'p99', 'max', 'errors'],
      ...results.map(([label, r]) => {
        const s = summarise(r.latencies);
        return [label, int(s.n + r.errors), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), int(r.errors)];
      }),
    ]);
    console.log(`  ${REQUESTS} sequential requests each (one keep-alive client in a process of its own) after ${WARMUP} warm-up requests.`);
    const health = summarise(results[3][1].latencies);
    for (const [label, r] of results.slice(0, 3)) {
      if (r.errors > 0) console.log(`  ${label} errors: ${r.errorSamples.join(' | ')}`);
      const s = summarise(r.latencies);
      record({
        bench: 'registry',
        mode,
        figure: label,
        value: `p50 ${ms(s.p50)} / p95 ${ms(s.p95)}`,
        reference: `health p95 ${ms(health.p95)}`,
        against: `×${ratio(s.p95 / health.p95)} (p95)`,
        goal: 'p95 ≤ 200 ms',
      });
    }

    await registryListPart(bdb, base, { bureau, town }, clients, mode);
  } finally {
    clients.close();
    await app.close();
    await bdb.close();
  }
}

export async function registryBench(mode: Mode): Promise<void> {
  await importPart(mode);
  await poolPart(mode);
}
