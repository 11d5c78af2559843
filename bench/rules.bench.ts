/**
 * 4. The rules engine over 1,000,000 synthetic enterprises with three years of figures (goal ≥ 200,000
 * enterprises/s on one core). Reference: one pass over the same objects that only reads the figures.
 * It needs no database, so it runs once, in the embedded pass.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { seededRandom as random } from '@kechuang/platform-core';
import { checkEnterprise, type EnterpriseFigures } from '@kechuang/eligibility/domain';
import type { Mode } from './lib/database.ts';
import { record } from './lib/report.ts';
import { int, now, ratio, secs } from './lib/stats.ts';

const FIRMS = 1_000_000;

function makeFirms(n: number): EnterpriseFigures[] {
  const rnd = random(2024);
  const firms: EnterpriseFigures[] = [];
  for (let i = 0; i < n; i++) {
    const revenue = Math.round(5e6 + rnd() * 3e8);
    const employees = 10 + Math.floor(rnd() * 800);
    firms.push({
      id: `E${i}`,
      asOf: '2024-05-31',
      foundedOn: rnd() < 0.05 ? '2023-09-01' : '2012-04-01',
      employees,
      sciTechStaff: Math.floor(employees * rnd() * 0.4),
      totalAssets: Math.round(revenue * (0.5 + rnd())),
      keyField: rnd() < 0.8,
      ownsCoreIp: rnd() < 0.85,
      incidents: rnd() < 0.02,
      years: [2021, 2022, 2023].map((year, k) => {
        const r = Math.round(revenue * (0.7 + 0.15 * k));
        const rd = Math.round(r * rnd() * 0.08);
        return {
          year,
          revenue: r,
          rdExpense: rd,
          rdExpenseDomestic: Math.round(rd * (0.5 + rnd() * 0.5)),
          highTechRevenue: Math.round(r * rnd()),
          netAssets: Math.round(r * 0.4 * (1 + 0.1 * k)),
          totalCost: Math.round(r * 0.8),
        };
      }),
      ip: [
        { kind: 'inventionPatent', acquisition: 'own', count: Math.floor(rnd() * 3) },
        { kind: 'utilityModel', acquisition: rnd() < 0.7 ? 'own' : 'transferred', count: Math.floor(rnd() * 8) },
      ],
      conversions: { 2021: Math.floor(rnd() * 6), 2022: Math.floor(rnd() * 6), 2023: Math.floor(rnd() * 6) },
      assessed: {
        advancement: Math.floor(rnd() * 9),
        coreSupport: Math.floor(rnd() * 9),
        rdManagement: Math.floor(rnd() * 21),
        standards: Math.floor(rnd() * 3),
      },
    });
  }
  return firms;
}

/**
 * A full garbage collection before anything is timed. Generating 1,000,000 firms leaves a major collection
 * of the whole ~0.9 GB heap owed (0.5–2 s), which otherwise lands in whichever pass runs next: the
 * reference or the engine. Each timed pass should pay only for its own garbage.
 */
function settleHeap(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** The reference: read every figure the rules read, and nothing more. */
function readAll(firms: EnterpriseFigures[]): number {
  let s = 0;
  for (const f of firms) {
    s += (f.employees ?? 0) + (f.sciTechStaff ?? 0) + (f.totalAssets ?? 0);
    for (const y of f.years ?? [])
      s += (y.revenue ?? 0) + (y.rdExpense ?? 0) + (y.rdExpenseDomestic ?? 0) + (y.highTechRevenue ?? 0) + (y.netAssets ?? 0) + (y.totalCost ?? 0);
    for (const h of f.ip ?? []) s += h.count;
  }
  return s;
}

export async function rulesBench(mode: Mode): Promise<void> {
  if (mode !== 'embedded') return;
  console.log(`\n-- 4. Rules engine over ${int(FIRMS)} enterprises (one core, no database) --`);
  let t = now();
  const firms = makeFirms(FIRMS);
  console.log(`  generated in ${secs(now() - t)}`);
  settleHeap();
  t = now();
  readAll(firms);
  const refMs = now() - t;
  t = now();
  let hnte = 0;
  let sme = 0;
  for (const f of firms) {
    const r = checkEnterprise(f);
    if (r.hnte.qualified) hnte++;
    if (r.techSme.qualified) sme++;
  }
  const ms = now() - t;
  const rate = (FIRMS / ms) * 1000;
  console.log(
    `  checked in ${secs(ms)}: ${int(rate)} enterprises/s (${int(hnte)} qualify as HNTE, ${int(sme)} as tech-SME); reference read pass ${secs(refMs)}`,
  );
  record({
    bench: 'rules',
    mode,
    figure: 'HNTE + tech-SME check',
    value: `${int(rate)} firms/s`,
    reference: `read pass ${int((FIRMS / refMs) * 1000)} firms/s`,
    against: `×${ratio(refMs / ms)}`,
    goal: '≥200,000 firms/s',
  });
  await Promise.resolve();
}
