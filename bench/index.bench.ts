/**
 * 5. The index engine (evaluation centre): a full compute of 100,000 entities × 40 indicators (goal
 * ≤ 1 s), and a Monte Carlo of 1,000 samples over 10,000 × 30 on worker threads (goal ≤ 10 s). The
 * reference is a single pass summing the same Float64Array columns (the memory limit); for the Monte
 * Carlo, that pass once per sample. It needs no database, so it runs once, in the embedded pass.
 */
import os from 'node:os';
import { seededRandom as random } from '@kechuang/platform-core';
import { computeIndex, parseScheme, runSensitivity, type DataTable, type Scheme, type SensitivityPlan } from '@kechuang/evaluation/domain';
import { runSensitivityParallel } from '@kechuang/evaluation/parallel';
import type { Mode } from './lib/database.ts';
import { record } from './lib/report.ts';
import { int, median, ms, now, ratio, secs } from './lib/stats.ts';

const GROUPS = ['basics', 'input', 'output', 'projects', 'awards'];
const WEIGHTING = [{ method: 'given' }, { method: 'entropy' }, { method: 'critic' }, { method: 'ahp' }, { method: 'equal' }];

/** Skewed figures (log-normal), 1% missing, a staff count to divide by, registration years, an industry. */
export function makeTable(n: number, k: number, seed: number): DataTable {
  const rnd = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const columns = new Map<string, Float64Array>();
  for (let j = 0; j < k; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = rnd() < 0.01 ? NaN : Math.round(Math.exp(1 + (j % 7) * 0.3 + normal()) * 100) / 100;
    columns.set(`i${j}`, col);
  }
  columns.set(
    'staff',
    Float64Array.from({ length: n }, () => 10 + Math.floor(rnd() * 800)),
  );
  columns.set(
    'years',
    Float64Array.from({ length: n }, () => Math.floor(rnd() * 20)),
  );
  const industries = ['C26', 'C34', 'C35', 'C38', 'C39', 'I65'];
  return {
    ids: Array.from({ length: n }, (_, i) => `E${i}`),
    columns,
    text: new Map([['industry', Array.from({ length: n }, () => industries[Math.floor(rnd() * industries.length)])]]),
  };
}

/**
 * Five groups like the leadership index (basics, input, output, projects, awards), weighted given /
 * entropy / CRITIC / AHP / equal; leaves per employee, log1p, winsorised at 1–99%, some lower-is-better;
 * group-mean imputation by industry; eligibility registered ≥ 3 years.
 */
export function makeScheme(k: number): Scheme {
  const per = Math.ceil(k / GROUPS.length);
  const children = GROUPS.map((id, g) => {
    const leaves = Array.from({ length: Math.min(per, k - g * per) }, (_, m) => {
      const j = g * per + m;
      return {
        indicator: `i${j}`,
        weight: 1 + (m % 3),
        ...(j % 5 === 1 ? { denominator: 'staff' } : {}),
        ...(j % 5 === 2 ? { transform: 'log1p' } : {}),
        ...(j % 4 === 3 ? { winsorise: [0.01, 0.99] } : {}),
        ...(j % 9 === 4 ? { direction: -1 } : {}),
      };
    });
    const size = leaves.length;
    const weighting =
      WEIGHTING[g].method === 'ahp'
        ? { method: 'ahp', matrix: Array.from({ length: size }, (_, a) => Array.from({ length: size }, (_, b) => 2 ** ((b - a) / 4))) }
        : WEIGHTING[g];
    return { id, weight: [0.15, 0.25, 0.3, 0.15, 0.15][g], weighting, children: leaves };
  });
  return parseScheme({
    name: 'bench',
    normalisation: { method: 'minmax', range: [0, 100] },
    imputation: { method: 'mean', by: 'industry' },
    eligibility: [{ column: 'years', op: '>=', value: 3 }],
    root: { id: 'index', weighting: { method: 'given' }, children },
  }).scheme;
}

/** The reference: one pass summing every value of the columns a scheme reads. */
function sumPass(table: DataTable, k: number): number {
  let s = 0;
  for (let j = 0; j < k; j++) {
    const col = table.columns.get(`i${j}`)!;
    for (let i = 0; i < col.length; i++) s += col[i];
  }
  return s;
}

function timeRef(table: DataTable, k: number, runs: number): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = now();
    sumPass(table, k);
    times.push(now() - t);
  }
  return median(times);
}

async function fullCompute(): Promise<void> {
  const [n, k] = [100_000, 40];
  const table = makeTable(n, k, 2024);
  const scheme = makeScheme(k);
  const refMs = timeRef(table, k, 9);
  const runs: number[] = [];
  let scored = 0;
  for (let r = 0; r < 5; r++) {
    const t = now();
    scored = computeIndex(scheme, table).ids.length;
    runs.push(now() - t);
    await Promise.resolve();
  }
  const best = median(runs);
  console.log(
    `  full compute ${int(n)} × ${k}: median ${ms(best)} of ${runs.map(ms).join(', ')} (${int(scored)} eligible entities scored; 5 groups given/entropy/CRITIC/AHP/equal, per-employee, log1p, winsorisation, mean imputation by industry)`,
  );
  console.log(`  reference: one pass summing the ${int(n * k)} values ${ms(refMs)} → ×${ratio(best / refMs)}`);
  record({
    bench: 'index',
    mode: 'embedded',
    figure: `full compute ${int(n)} × ${k}`,
    value: ms(best),
    reference: `sum pass ${ms(refMs)}`,
    against: `×${ratio(best / refMs)}`,
    goal: '≤1 s',
  });
}

async function monteCarlo(): Promise<void> {
  const [n, k, samples] = [10_000, 30, 1000];
  const table = makeTable(n, k, 2025);
  const scheme = makeScheme(k);
  const plan: SensitivityPlan = {
    samples,
    seed: 1,
    weights: 0.25,
    normalisation: [{ method: 'minmax', range: [1, 100] }, { method: 'percentile' }],
    aggregation: ['arithmetic', 'geometric'],
    imputation: [
      { method: 'mean', by: 'industry' },
      { method: 'median', by: 'industry' },
    ],
  };
  const one = timeRef(table, k, 9);
  let t = now();
  for (let s = 0; s < samples; s++) sumPass(table, k);
  const refMs = now() - t;
  t = now();
  const parallel = await runSensitivityParallel(scheme, table, plan);
  const parMs = now() - t;
  t = now();
  const single = runSensitivity(scheme, table, plan);
  const singleMs = now() - t;
  const same = ['medianRank', 'rankP05', 'rankP95'].every((key) => {
    const a = parallel[key as 'medianRank'];
    const b = single[key as 'medianRank'];
    return a.every((v, i) => v === b[i]);
  });
  const threads = os.availableParallelism();
  console.log(
    `  Monte Carlo ${int(samples)} samples over ${int(n)} × ${k} (weights ±25%, 2 normalisations × 2 aggregations × 2 imputations): ${secs(parMs)} on ${threads} threads (main + ${threads - 1} worker${threads > 2 ? 's' : ''}); one thread ${secs(singleMs)} (×${ratio(singleMs / parMs)}), same ranks: ${same ? 'yes' : 'NO'}`,
  );
  console.log(`  reference: one summing pass ${ms(one)}, ${int(samples)} passes ${ms(refMs)} → ×${ratio(parMs / refMs)}`);
  record({
    bench: 'index',
    mode: 'embedded',
    figure: `Monte Carlo ${int(samples)} × ${int(n)} × ${k}`,
    value: secs(parMs),
    reference: `${int(samples)} sum passes ${ms(refMs)}`,
    against: `×${ratio(parMs / refMs)}`,
    goal: '≤10 s',
  });
}

export async function indexBench(mode: Mode): Promise<void> {
  if (mode !== 'embedded') return;
  console.log('\n-- 5. Index engine (evaluation centre; no database) --');
  await fullCompute();
  await monteCarlo();
}
