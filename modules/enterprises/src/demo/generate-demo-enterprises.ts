/**
 * About 3,000 synthetic enterprises for the demo district, deterministic (seeded by fixed strings, anchored on
 * fixed years: figures 2020–2025, qualifications up to June 2026): spread over the towns and the park by the
 * indicators demo's weights, each unit's HNTE certificates, tech-SME registrations, above-scale firms with R&D
 * and provincial engineering centres following its plan path at its pace, so the registry's computed
 * indicator actuals keep the cockpit's lights. Pure: no database, no clock.
 */
import { FIRST_YEAR, LAST_YEAR, makeFirm, type DemoUnit, type Firm, type Role } from './firms.ts';
import { firmIp, firmYears, markUsedIp } from './figures.ts';
import { assignIdentities } from './identity.ts';
import { rdInstitutions } from './institutions.ts';
import { completePlans, hnteChains, plannedPath, unitProfile, type HnteChain, type PlanIndicator, type UnitPlans } from './plan.ts';
import { giantsAndLeaders, hnteCertificates, numberCertificates, techSmeRegistrations, type Issued } from './qualifications.ts';
import { rng, splitCount, type Rng } from './rng.ts';

export interface DemoInput {
  /** the district's GB/T 2260 code (in every USCC and tech-SME registration number) */
  district: string;
  /** its towns and parks, as reportingUnits gives them */
  units: DemoUnit[];
  /** province, city and district names, before the unit's in an address: 浙江省宁波市镇海区 */
  addressPrefix: string;
  /** each unit's baselines and targets of the registry's indicators; missing ones are the district's by weight */
  plans: UnitPlans;
  total?: number;
}

export const DEMO_TOTAL = 3000;

function unitFirms(unit: DemoUnit, n: number, chains: HnteChain[]): Firm[] {
  const roles: [Role, HnteChain | null][] = chains.map((c) => ['hnte', c]);
  const nontech = Math.round(n * 0.22);
  const rest = Math.max(0, n - chains.length - nontech);
  const candidates = Math.round(rest * 0.16);
  for (let i = 0; i < rest; i++) roles.push([i < candidates ? 'candidate' : 'tech', null]);
  for (let i = 0; i < nontech; i++) roles.push(['nontech', null]);
  return roles.map(([role, chain], i) => {
    const key = `${unit.code}|${i}`;
    return makeFirm(key, unit, role, chain, rng(key));
  });
}

/** Reports figures for the year (founded by then, not a gap in its figures). */
const reports = (f: Firm, year: number) => f.foundedYear <= year && year <= f.lastYear && year !== f.missingYear;

/**
 * 规模以上企业有研发活动占比: tech firms always spend on R&D; traditional above-scale firms start, one by one,
 * so that each year the share of the unit's reporting above-scale firms with R&D follows its path (in %).
 */
function startRd(firms: readonly Firm[], share: (year: number) => number, r: Rng): void {
  const above = firms.filter((f) => f.aboveScale);
  const traditional = r.shuffle(above.filter((f) => f.role === 'nontech'));
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const reporting = above.filter((f) => reports(f, year));
    const withRd = reporting.filter((f) => f.role !== 'nontech' || (f.rdFrom !== null && f.rdFrom <= year)).length;
    let need = Math.round((share(year) / 100) * reporting.length) - withRd;
    for (const f of traditional) {
      if (need <= 0) break;
      if (f.rdFrom === null && reports(f, year)) {
        f.rdFrom = year;
        need--;
      }
    }
  }
}

/** The demo enterprises, in the order they are to be stored. */
export function generateDemoEnterprises(input: DemoInput): Firm[] {
  const counts = splitCount(
    input.total ?? DEMO_TOTAL,
    input.units.map((u) => unitProfile(u.code).weight),
  );
  const plans = completePlans(
    input.units.map((u) => u.code),
    input.plans,
  );
  const all: Firm[] = [];
  const byUnit: { firms: Firm[]; path: (i: PlanIndicator) => (year: number) => number }[] = [];
  const registrations: Issued[] = [];
  input.units.forEach((unit, k) => {
    const r = rng(`demo-enterprises|${unit.code}`);
    const path = (i: PlanIndicator) => plannedPath(unit.code, i, plans[unit.code][i]!);
    const hnte = path('HNTE_COUNT');
    const firms = unitFirms(
      unit,
      counts[k],
      hnteChains(
        [2020, 2021, 2022, 2023, 2024, 2025].map((y) => Math.round(hnte(y))),
        r,
      ),
    );
    startRd(firms, path('ABOVE_SCALE_RD_SHARE'), r);
    for (const f of firms) {
      f.years = firmYears(f, rng(`${f.key}|years`), rng(`${f.key}|conditions`));
      f.ip = markUsedIp(f, firmIp(f, rng(`${f.key}|ip`)), rng(`${f.key}|ipUsed`));
    }
    registrations.push(...techSmeRegistrations(firms, path('TECH_SME_COUNT'), r));
    all.push(...firms);
    byUnit.push({ firms, path });
  });
  const r = rng('demo-enterprises|district');
  hnteCertificates(all, r);
  numberCertificates(registrations, r, (y, seq) => `${y}${input.district}A${String(seq).padStart(7, '0')}`);
  giantsAndLeaders(all, r);
  assignIdentities(all, input.district, input.addressPrefix, r);
  byUnit.forEach(({ firms, path }, k) => rdInstitutions(firms, path('PROV_ENGINEERING_CENTERS'), rng(`demo-enterprises|${input.units[k].code}|institutions`)));
  return r.shuffle(all);
}
