/**
 * `npm run bench` — the benchmarks of Kechuang. See bench/README.md.
 *
 *   npm run bench                         all three, on PGlite (and on PostgreSQL when BENCH_DATABASE_URL is set)
 *   npm run bench -- --only import        one part (import | league | cockpit | rules | index | registry | pool | registry-import | responsiveness | market | market-db; comma-separated
 *                                        for several; pool = registry's 6b and 6c alone, without its imports; registry-import = its 6a alone)
 *   npm run bench -- --db embedded        one database mode (embedded | postgres)
 *
 * Figures are printed beside a reference measured in the same run; no time is asserted, and the exit
 * code is 0 unless a benchmark could not run at all.
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import { importBench } from './import.bench.ts';
import { leagueBench } from './league.bench.ts';
import { cockpitBench } from './cockpit.bench.ts';
import { rulesBench } from './rules.bench.ts';
import { indexBench } from './index.bench.ts';
import { importPart, poolPart, registryBench } from './registry.bench.ts';
import { importResponsivenessBench } from './import-responsiveness.bench.ts';
import { marketBench } from './market.bench.ts';
import { marketDbBench } from './market-db.bench.ts';
import { modes, serverUrl, type Mode } from './lib/database.ts';
import { printSummary } from './lib/report.ts';
import { now, secs } from './lib/stats.ts';

const BENCHES: Record<string, (mode: Mode) => Promise<void>> = {
  import: importBench,
  league: leagueBench,
  cockpit: cockpitBench,
  rules: rulesBench,
  index: indexBench,
  registry: registryBench,
  pool: poolPart,
  'registry-import': importPart,
  responsiveness: importResponsivenessBench,
  market: marketBench,
  'market-db': marketDbBench,
};

const { values } = parseArgs({
  options: { only: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: false,
});
if (values.help) {
  console.log(
    'usage: npm run bench -- [--only import,league,cockpit,rules,index,registry,pool,registry-import,responsiveness,market,market-db] [--db embedded|postgres]',
  );
  process.exit(0);
}
/**
 * Run only when named: pool and registry-import are parts of registry (which runs them), and market-db loads
 * 1,000,000 listings, hours on the 2-core bench machine while each search still scores ~30 % of the table (§8b).
 */
const ONLY_WHEN_NAMED = new Set(['pool', 'registry-import', 'market-db']);
const selected = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(BENCHES).filter((b) => !ONLY_WHEN_NAMED.has(b));
for (const s of selected)
  if (!BENCHES[s])
    throw new Error(
      `unknown bench "${s}" (import | league | cockpit | rules | index | registry | pool | registry-import | responsiveness | market | market-db)`,
    );
let dbModes = modes();
if (values.db) {
  if (values.db !== 'embedded' && values.db !== 'postgres') throw new Error('--db is embedded or postgres');
  if (values.db === 'postgres' && !serverUrl()) throw new Error('--db postgres needs BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
  dbModes = [values.db];
}

const started = now();
const server = serverUrl();
console.log(
  `Kechuang benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `databases: ${dbModes.map((m) => (m === 'postgres' ? `postgres (${redact(server!)})` : 'embedded (PGlite in memory)')).join(', ')}; benches: ${selected.join(', ')}`,
);

for (const mode of dbModes) {
  for (const name of selected) await BENCHES[name](mode);
}
printSummary();
console.log(`\ndone in ${secs(now() - started)}`);
process.exit(0);

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
