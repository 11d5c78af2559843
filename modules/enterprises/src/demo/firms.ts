/**
 * The demo firms of one reporting unit before their figures: who they are (an HNTE over some years, a near
 * candidate, another tech firm, a traditional firm), their chain and industry, size, founding year, and which
 * conditions their latest figures will fail.
 */
import { CHAIN_PROFILE, DEMO_CHAINS, OTHER_INDUSTRIES, OTHER_PRODUCTIVITY, type ChainCode, type HnteField, type Industry } from './words.ts';
import type { HnteChain } from './plan.ts';
import type { Identity } from './identity.ts';
import type { Rng } from './rng.ts';

export type Role = 'hnte' | 'candidate' | 'tech' | 'nontech';
/** the HNTE figure conditions a firm fails in its latest three-year window (null: none) */
export type Weakness = 'rd' | 'staff' | 'highTech' | 'domestic' | 'rdStaff';
export type NullableField = 'sciTechStaff' | 'highTechRevenue' | 'rdExpenseDomestic';

export interface DemoUnit {
  code: string;
  name: string;
}

export interface YearRow {
  year: number;
  revenue: number;
  highTechRevenue: number | null;
  rdExpense: number;
  rdExpenseDomestic: number | null;
  totalCost: number;
  totalAssets: number;
  netAssets: number;
  employees: number;
  sciTechStaff: number | null;
  conversions: number;
  /** 总收入: revenue plus a little non-operating and investment income */
  totalIncome: number;
  /** the tech-SME basic conditions of the year */
  resident: boolean;
  industryExcluded: boolean;
  restrictedCatalogue: boolean;
  dishonestyListed: boolean;
}
export interface IpRow {
  kind: string;
  acquisition: 'own' | 'transferred';
  count: number;
  /** Class II items already used in an earlier HNTE recognition */
  usedInEarlierHnte: number;
}
export interface QualificationRow {
  kind: 'techSme' | 'hnte' | 'techLittleGiant' | 'techLeader';
  certificateNo: string;
  issuedOn: string;
  validUntil: string;
}
export interface InstitutionRow {
  name: string;
  type: 'engineeringCenter' | 'enterpriseResearchInstitute' | 'keyLab' | 'hnteRdCenter';
  level: 'national' | 'provincial' | 'municipal' | 'district';
  recognisedYear: number;
}

export interface Firm {
  /** stable identity and seed: unit code and number */
  key: string;
  unit: DemoUnit;
  role: Role;
  chain: ChainCode | null;
  industry: Industry;
  productivity: [number, number];
  hnteField: HnteField | null;
  aboveScale: boolean;
  listed: boolean;
  foundedOn: string;
  foundedYear: number;
  /** revenue of 2025 (CNY) and yearly growth */
  revenue2025: number;
  growth: number;
  hnte: HnteChain | null;
  weak: Weakness | null;
  missingYear: number | null;
  lastYear: number;
  nullField: NullableField | null;
  /** traditional firms: the first year with R&D expense, null for none yet */
  rdFrom: number | null;
  incidents: boolean | null;
  /** name, USCC, contacts: given once every firm of the district is known */
  identity: Identity | null;
  years: YearRow[];
  ip: IpRow[];
  qualifications: QualificationRow[];
  institutions: InstitutionRow[];
}

export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2025;
export const ABOVE_SCALE_REVENUE = 20_000_000;

/** Founding years 1995…latest, more firms in later years (the registry of a growing district). */
function foundingYear(r: Rng, latest: number): number {
  const years: [number, number][] = [];
  for (let y = 1995; y <= latest; y++) years.push([y, 1 + (y - 1995) * 0.15]);
  return r.weighted(years);
}

function foundedOn(r: Rng, year: number): string {
  return `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

const TECH_CHAIN_ODDS = DEMO_CHAINS.map((c) => [c.code, CHAIN_PROFILE[c.code].share] as const);
const TRADITIONAL_CHAIN_ODDS = TECH_CHAIN_ODDS.filter(([code]) => code !== 'software' && code !== 'integratedCircuits');

function place(r: Rng, role: Role): Pick<Firm, 'chain' | 'industry' | 'productivity' | 'hnteField'> {
  if (role === 'nontech' && r.chance(0.25)) return { chain: null, industry: r.pick(OTHER_INDUSTRIES), productivity: OTHER_PRODUCTIVITY, hnteField: null };
  const chain = r.weighted(role === 'nontech' ? TRADITIONAL_CHAIN_ODDS : TECH_CHAIN_ODDS);
  const p = CHAIN_PROFILE[chain];
  return { chain, industry: r.pick(p.industries), productivity: p.productivity, hnteField: role === 'nontech' ? null : r.weighted(p.fields) };
}

const ABOVE_SCALE_ODDS: Record<Exclude<Role, 'hnte'>, number> = { candidate: 0.08, tech: 0.02, nontech: 0.34 };

function size(r: Rng, role: Role, aboveScale: boolean, industrial: boolean, chain: ChainCode | null): number {
  if (aboveScale) {
    const top = role === 'hnte' ? 1_200_000_000 : role === 'nontech' ? 600_000_000 : 150_000_000;
    return r.logUniform(22_000_000, top) * (chain === 'greenPetrochem' ? r.float(1, 3) : 1);
  }
  if (industrial) return r.logUniform(role === 'tech' ? 2_000_000 : 3_000_000, 19_000_000);
  return r.logUniform(2_000_000, role === 'hnte' ? 150_000_000 : role === 'candidate' ? 60_000_000 : 40_000_000);
}

function weakness(r: Rng, role: Role, hnte: HnteChain | null): Weakness | null {
  if (role === 'candidate')
    return r.weighted<Weakness | null>([
      [null, 0.2],
      ['rd', 0.25],
      ['staff', 0.2],
      ['highTech', 0.15],
      ['domestic', 0.05],
      ['rdStaff', 0.15],
    ]);
  if (!hnte) return null;
  const last = hnte.starts.at(-1)!;
  // certificates ending in 2026 without re-recognition yet: most could be renewed, some have slipped
  if (last === 2023) return r.chance(0.2) ? r.pick<Weakness>(['rd', 'staff', 'highTech']) : null;
  if (last > 2023) return null;
  // lapsed HNTEs: most no longer meet a condition
  return r.weighted<Weakness | null>([
    [null, 0.25],
    ['rd', 0.3],
    ['staff', 0.15],
    ['highTech', 0.15],
    ['rdStaff', 0.1],
    ['domestic', 0.05],
  ]);
}

export function makeFirm(key: string, unit: DemoUnit, role: Role, hnte: HnteChain | null, r: Rng): Firm {
  const where = place(r, role);
  // long-standing HNTEs are more often the large firms
  const odds = role === 'hnte' ? (hnte!.starts[0] <= 2017 ? 0.32 : hnte!.starts[0] <= 2020 ? 0.22 : 0.13) : ABOVE_SCALE_ODDS[role];
  const aboveScale = where.industry.industrial && r.chance(odds);
  // an HNTE registered at least a year before it first applied; above-scale firms are established ones
  const latest = hnte ? hnte.starts[0] - 2 : aboveScale ? 2018 : role === 'nontech' ? 2024 : 2023;
  const year = foundingYear(r, latest);
  const revenue2025 = size(r, role, aboveScale, where.industry.industrial, where.chain);
  const growth = role === 'nontech' ? r.float(-0.06, 0.1) : role === 'tech' ? r.float(-0.05, 0.3) : r.float(0.04, 0.22);
  const complete = role === 'candidate' || (role === 'hnte' && hnte!.starts.at(-1)! >= 2023);
  const missing = r.chance(0.02) && year < 2021 ? r.int(2021, 2024) : null;
  return {
    key,
    unit,
    role,
    ...where,
    aboveScale,
    listed: aboveScale && revenue2025 > 800_000_000 && r.chance(0.5),
    foundedOn: foundedOn(r, year),
    foundedYear: year,
    revenue2025,
    growth,
    hnte,
    weak: weakness(r, role, hnte),
    missingYear: complete ? null : missing,
    lastYear: !complete && r.chance(aboveScale && role === 'nontech' ? 0.05 : 0.015) ? 2024 : LAST_YEAR,
    nullField:
      (role === 'tech' || role === 'candidate') && r.chance(0.03) ? r.pick<NullableField>(['sciTechStaff', 'highTechRevenue', 'rdExpenseDomestic']) : null,
    rdFrom: null,
    incidents: role === 'nontech' ? (r.chance(0.3) ? null : false) : Boolean(hnte && hnte.starts.at(-1)! <= 2022 && r.chance(0.04)),
    identity: null,
    years: [],
    ip: [],
    qualifications: [],
    institutions: [],
  };
}
