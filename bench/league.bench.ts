/**
 * 2. League table over 1,000 units × 50 indicators: computeLeague() for the district, cold (cache
 * cleared before each call) and warm (cached), against the same number of runs of a bare
 * `select count(*), sum(value) from indicator_values` over the same rows.
 */
import { seededRandom as random } from '@kechuang/platform-core';
import { bumpVersion, getRegion, type Scope } from '@kechuang/platform-server';
import { clearCache, computeLeague, upsertIndicator } from '@kechuang/indicators/server';
// not part of the package's surface: imported only to split a cold league into its SQL and the rest
import { unitProgressRows } from '../modules/indicators/src/db/value-queries.ts';
import { resolvePlan } from '../modules/indicators/src/db/catalogue-queries.ts';
import { openBenchDatabase, type Mode } from './lib/database.ts';
import { record } from './lib/report.ts';
import { int, ms, now, printTable, ratio, summarise, timeRuns, type Summary } from './lib/stats.ts';

const DISTRICT = '330211';
const UNITS = 1000;
const INDICATORS = 50;
const PERIOD = '2024';
const COLD_RUNS = 30;
const WARM_RUNS = 200;
const PIVOT_RUNS = 5;

/** 1,000 towns under the district, 50 indicators, and for each pair a 2020 baseline, a 2025 target and a 2024 actual. */
export async function seedLeague(db: Parameters<typeof upsertIndicator>[0]): Promise<{ values: number }> {
  const district = (await getRegion(db, DISTRICT))!;
  const codes = Array.from({ length: UNITS }, (_, i) => `${DISTRICT}B${String(i + 1).padStart(4, '0')}`);
  await db.query(
    `insert into regions (code, name, kind, parent_code, path, sort)
     select c, '基准单位' || right(c, 4), 'town', $2, $3 || c || '/', 500 from unnest($1::text[]) as c`,
    [codes, DISTRICT, district.path],
  );
  const indicators = Array.from({ length: INDICATORS }, (_, i): Parameters<typeof upsertIndicator>[1] => ({
    code: `BENCH_${String(i + 1).padStart(2, '0')}`,
    nameZh: `基准指标${String(i + 1).padStart(2, '0')}`,
    nameEn: `Benchmark indicator ${i + 1}`,
    unit: ['家', '%', '亿元', '件', '个'][i % 5],
    direction: i % 7 === 6 ? 'lower' : 'higher',
    precision: i % 5 === 0 ? 0 : 2,
    category: '基准',
    definition: '',
    dataSource: '',
    rollup: i % 5 === 1 ? 'none' : 'sum',
    numeratorCode: null,
    denominatorCode: null,
    ratioScale: 1,
    trajectory: i % 3 === 0 ? 'compound' : 'linear',
    isHeadline: false,
    sort: 10_000 + i,
  }));
  for (const i of indicators) await upsertIndicator(db, i);
  const rnd = random(42);
  const cols: [string[], string[], string[], string[], number[], string[]] = [[], [], [], [], [], []];
  const push = (r: string, i: string, k: string, p: number, v: number) => {
    cols[0].push(r);
    cols[1].push(i);
    cols[2].push(k);
    cols[3].push(String(p));
    cols[4].push(p);
    cols[5].push(v.toFixed(2));
  };
  for (const u of codes) {
    const pace = 0.7 + rnd() * 0.6; // each unit's own pace against the plan
    for (const i of indicators) {
      const base = 10 + rnd() * 1000;
      const target = i.direction === 'higher' ? base * (1.2 + rnd()) : base * (0.5 + rnd() * 0.3);
      push(u, i.code, 'baseline', 2020, base);
      push(u, i.code, 'target', 2025, target);
      if (rnd() < 0.95) push(u, i.code, 'actual', 2024, base + (target - base) * 0.8 * pace * (0.9 + rnd() * 0.2)); // 5% not yet reported: grey
    }
  }
  await db.query(
    `insert into indicator_values (region_code, indicator_code, kind, period, year, value, source)
     select r, i, k, p, y, v, 'synthetic' from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::numeric[]) as t(r, i, k, p, y, v)`,
    cols,
  );
  await bumpVersion(db, 'indicators');
  return { values: cols[0].length };
}

export async function leagueBench(mode: Mode): Promise<void> {
  console.log(`\n-- 2. League table over ${int(UNITS)} units × ${INDICATORS} indicators [${mode}] --`);
  const bdb = await openBenchDatabase(mode);
  try {
    const db = bdb.db;
    const t = now();
    const { values } = await seedLeague(db);
    // PostgreSQL's autovacuum would analyze the table within a minute of such a load; PGlite has no autovacuum
    if (mode === 'postgres') await db.query('analyze');
    const [{ total }] = await db.query<{ total: number }>('select count(*) as total from indicator_values');
    console.log(`  seeded ${int(values)} values (indicator_values now ${int(total)} rows) in ${ms(now() - t)}${mode === 'postgres' ? ', then analyze' : ''}`);

    const region = (await getRegion(db, DISTRICT))!;
    const scope: Scope = { kind: 'region', regionCode: region.code, regionName: region.name, path: region.path };
    const league = () => computeLeague(db, scope, DISTRICT, { period: PERIOD });

    const check = await league();
    const lights = { green: 0, yellow: 0, red: 0, grey: 0 };
    for (const i of check.items) for (const c of Object.values(i.cells)) lights[c.light] += 1;
    console.log(
      `  league: ${int(check.items.length)} units × ${check.indicators.length} indicators (${int(check.items.length * check.indicators.length)} cells: ` +
        `${int(lights.green)} green, ${int(lights.yellow)} yellow, ${int(lights.red)} red, ${int(lights.grey)} grey)`,
    );

    const reference = () => db.query('select count(*), sum(value) from indicator_values');
    await timeRuns(3, reference); // warm-up of the reference, like the league's check call above
    const cold = summarise(await timeRuns(COLD_RUNS, league, clearCache));
    const refCold = summarise(await timeRuns(COLD_RUNS, reference));
    await league();
    const warm = summarise(await timeRuns(WARM_RUNS, league));
    const refWarm = summarise(await timeRuns(WARM_RUNS, reference));

    // where a cold league spends its time: the pivot query alone
    const plan = await resolvePlan(db, undefined, 2024);
    const pivot = summarise(await timeRuns(PIVOT_RUNS, () => unitProgressRows(db, DISTRICT, plan, PERIOD)));

    const row = (label: string, s: Summary, ref: Summary) => [
      label,
      String(s.n),
      ms(s.p50),
      ms(s.p95),
      ms(s.max),
      ms(ref.p50),
      ms(ref.p95),
      ratio(s.p50 / ref.p50),
    ];
    printTable([
      ['computeLeague', 'runs', 'p50', 'p95', 'max', 'ref p50', 'ref p95', 'p50/ref'],
      row('cold (cache cleared)', cold, refCold),
      row('warm (cached)', warm, refWarm),
      row('  of cold: pivot query', pivot, refCold),
    ]);
    console.log(`  ref = select count(*), sum(value) from indicator_values (${int(total)} rows), the same number of runs.`);
    console.log(
      `  pivot query = unitProgressRows(), the one SQL read of a cold league; the rest of a cold league (progress, ranks, standings in JS) ≈ ${ms(cold.p50 - pivot.p50)} at p50.`,
    );
    record({
      bench: 'league',
      mode,
      figure: 'cold p50 / p95',
      value: `${ms(cold.p50)} / ${ms(cold.p95)}`,
      reference: `${ms(refCold.p50)} / ${ms(refCold.p95)}`,
      against: `×${ratio(cold.p50 / refCold.p50)}`,
      goal: 'p95 ≤ 100 ms',
    });
    record({
      bench: 'league',
      mode,
      figure: 'warm p50 / p95',
      value: `${ms(warm.p50)} / ${ms(warm.p95)}`,
      reference: `${ms(refWarm.p50)} / ${ms(refWarm.p95)}`,
      against: `×${ratio(warm.p50 / refWarm.p50)}`,
      goal: '',
    });
  } finally {
    await bdb.close();
  }
}
