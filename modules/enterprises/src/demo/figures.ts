/**
 * A demo firm's yearly figures (2020–2025, whole CNY) and the IP it holds. HNTEs meet the HNTE conditions of
 * 国科发火〔2016〕32号 Art. 11 with some margin; a firm marked weak falls just short on its weakness over its
 * latest three-year window (R&D share under its revenue band, sci-tech staff under 10%, high-tech revenue
 * under 60%, domestic R&D under 60%); traditional firms spend on R&D only from `rdFrom`. Total income and the
 * tech-SME basic conditions, and the Class II IP used in earlier HNTE recognitions, come from draws of their
 * own, so adding them left every other figure as it was.
 */
import { requiredRdShare } from '@kechuang/eligibility/domain';
import { superDeductionIndustry } from '../domain/industry.ts';
import { ABOVE_SCALE_REVENUE, FIRST_YEAR, type Firm, type IpRow, type YearRow } from './firms.ts';
import type { Rng } from './rng.ts';

/** the figures drawn with the firm's own series; total income and the conditions are drawn apart */
type Figures = Omit<YearRow, 'totalIncome' | 'resident' | 'industryExcluded' | 'restrictedCatalogue' | 'dishonestyListed'>;

const round = Math.round;

function revenues(f: Firm, r: Rng, years: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const y of years) {
    let v = (f.revenue2025 / (1 + f.growth) ** (f.lastYear - y)) * (y === f.lastYear ? 1 : r.float(0.96, 1.04));
    if (y === f.foundedYear) v *= r.float(0.35, 0.8); // the first, partial year
    if (f.aboveScale) v = Math.max(v, ABOVE_SCALE_REVENUE * r.float(1.02, 1.1));
    else if (f.industry.industrial) v = Math.min(v, 19_800_000);
    out.set(y, round(v / 1000) * 1000);
  }
  return out;
}

/** R&D expense / revenue of a year, in %. */
function rdShare(f: Firm, r: Rng, inWindow: boolean, band: number, lastBand: number, techBase: number): number {
  const short = f.role === 'candidate' ? r.float(0.15, 0.9) : r.float(0.3, 2);
  if (inWindow && (f.weak === 'rd' || f.weak === 'rdStaff')) return Math.max(0.5, lastBand - short);
  switch (f.role) {
    case 'hnte':
    case 'candidate':
      return band + r.float(0.4, 2.5);
    case 'tech':
      return techBase * r.float(0.9, 1.1);
    case 'nontech':
      return 0; // set by the caller from rdFrom
  }
}

function staff(f: Firm, r: Rng, employees: number, inWindow: boolean, base: number): number {
  if (inWindow && (f.weak === 'staff' || f.weak === 'rdStaff')) {
    // a few people short of the 10% (工作指引: sci-tech staff / employees ≥ 10%)
    return Math.max(0, Math.ceil(employees / 10) - (f.role === 'candidate' ? r.int(1, 3) : r.int(1, Math.max(1, round(employees * 0.03)))));
  }
  const n = round(employees * base * r.float(0.95, 1.05));
  return Math.min(
    employees,
    Math.max(f.role === 'nontech' ? 0 : 1, f.role === 'hnte' || f.role === 'candidate' ? Math.max(n, Math.ceil(employees * 0.105)) : n),
  );
}

/** The yearly figures from `r`, total income and the tech-SME basic conditions from `q`. */
export function firmYears(f: Firm, r: Rng, q: Rng): YearRow[] {
  return withConditions(f, yearFigures(f, r), q);
}

function yearFigures(f: Firm, r: Rng): Figures[] {
  const years: number[] = [];
  for (let y = Math.max(FIRST_YEAR, f.foundedYear); y <= f.lastYear; y++) if (y !== f.missingYear) years.push(y);
  const rev = revenues(f, r, years);
  const rdBand = Math.max(...years.map((y) => requiredRdShare(rev.get(y)!)));
  const lastBand = requiredRdShare(rev.get(f.lastYear)!);
  const tech = f.role !== 'nontech';
  const staffBase = f.role === 'nontech' ? r.float(0, 0.06) : f.role === 'tech' ? r.float(0.04, 0.35) : r.float(0.11, 0.35);
  const highTech = f.role === 'nontech' ? 0 : f.role === 'tech' ? r.float(0.15, 0.85) : r.float(0.62, 0.95);
  const domestic = f.weak === 'domestic' ? r.float(0.45, 0.58) : r.chance(0.88) ? 1 : r.float(0.8, 0.99);
  const smallRd = f.role === 'nontech' && !f.aboveScale && r.chance(0.25) ? r.float(0.5, 2) : 0;
  const traditionalRd = r.float(0.3, 2.5);
  const techRd = r.float(1, 6.5);
  const cost = r.float(0.8, 0.97);
  const assets = f.chain === 'greenPetrochem' ? r.float(1.2, 2.5) : r.float(0.6, 1.4);
  const equity = r.float(0.3, 0.65);
  const conversions = f.role === 'hnte' ? r.int(3, 7) : f.role === 'candidate' ? r.int(3, 5) : f.role === 'tech' ? r.int(0, 2) : 0;
  const productivity = r.float(...f.productivity);
  return years.map((year) => {
    const revenue = rev.get(year)!;
    const inWindow = year >= f.lastYear - 2;
    const employees = Math.max(3, round((revenue / productivity) * r.float(0.97, 1.03)));
    const pct = tech ? rdShare(f, r, inWindow, rdBand, lastBand, techRd) : f.aboveScale ? (f.rdFrom !== null && year >= f.rdFrom ? traditionalRd : 0) : smallRd;
    const rd = round((revenue * pct) / 100);
    const htShare = f.weak === 'highTech' && year === f.lastYear ? r.float(0.45, 0.59) : Math.min(0.98, highTech * r.float(0.98, 1.02));
    const totalAssets = round(revenue * assets * r.float(0.97, 1.03));
    const row: Figures = {
      year,
      revenue,
      highTechRevenue: round(revenue * htShare),
      rdExpense: rd,
      rdExpenseDomestic: round(rd * (inWindow || f.weak !== 'domestic' ? domestic : 1)),
      totalCost: round(revenue * cost * r.float(0.98, 1.02)),
      totalAssets,
      netAssets: round(totalAssets * equity * r.float(0.97, 1.03)),
      employees,
      sciTechStaff: staff(f, r, employees, inWindow, staffBase),
      conversions: tech ? Math.max(0, conversions + r.int(-1, 1)) : 0,
    };
    if (year === f.lastYear && f.nullField) row[f.nullField] = null;
    return row;
  });
}

/**
 * 总收入 (收入总额 − 不征税收入) is revenue plus a little investment and non-operating income: 100.5–103% of it,
 * never so much that a high-tech share of 60% or more on revenue falls below 60% (the firms' designed HNTE
 * standing stays as it was). Every firm is a resident enterprise; its industry is excluded from the
 * super-deduction as its GB/T 4754 code says (财税〔2015〕119号; none of the demo's industries is); about 1% of
 * all firms, traditional ones only, are in a restricted or eliminated category; about 2% are listed as
 * dishonest, from 2024.
 */
function withConditions(f: Firm, years: Figures[], q: Rng): YearRow[] {
  const industryExcluded = superDeductionIndustry(f.industry.code) === 'excluded';
  const restrictedCatalogue = f.role === 'nontech' && q.chance(0.045);
  const dishonest = q.chance(0.02);
  return years.map((y) => {
    let totalIncome = round(y.revenue * q.float(1.005, 1.03));
    if (y.highTechRevenue !== null && y.highTechRevenue * 5 >= y.revenue * 3) totalIncome = Math.min(totalIncome, Math.floor((y.highTechRevenue * 5) / 3));
    return { ...y, totalIncome, resident: true, industryExcluded, restrictedCatalogue, dishonestyListed: dishonest && y.year >= 2024 };
  });
}

const own = (kind: string, count: number): IpRow => ({ kind, acquisition: 'own', count, usedInEarlierHnte: 0 });
const transferred = (kind: string, count: number): IpRow => ({ kind, acquisition: 'transferred', count, usedInEarlierHnte: 0 });
const CLASS_I = new Set(['inventionPatent', 'plantVariety', 'icLayout', 'newDrug', 'tcmVariety']);
const CLASS_II = new Set(['utilityModel', 'design', 'softwareCopyright']);

/**
 * A firm that holds or held an HNTE certificate used 20–50% of each Class II holding in its recognitions
 * (工作指引: a Class II item serves one recognition only). One without Class I IP keeps at least five unused
 * items in a holding of more than five, so its IP score, and its designed HNTE standing, stay as they were.
 */
export function markUsedIp(f: Firm, ip: IpRow[], q: Rng): IpRow[] {
  if (!f.hnte) return ip;
  const hasClassI = ip.some((h) => CLASS_I.has(h.kind) && h.count > 0);
  return ip.map((h) => {
    if (!CLASS_II.has(h.kind)) return h;
    const used = Math.floor(h.count * q.float(0.2, 0.5));
    return { ...h, usedInEarlierHnte: hasClassI ? used : Math.min(used, Math.max(0, h.count - 5)) };
  });
}

/** IP held now, by kind and acquisition: an HNTE has Class I IP or at least five Class II items. */
export function firmIp(f: Firm, r: Rng): IpRow[] {
  const rows: IpRow[] = [];
  const add = (row: IpRow) => row.count > 0 && rows.push(row);
  const software = f.chain === 'software';
  const ic = f.chain === 'integratedCircuits';
  if (f.role === 'hnte') {
    const inventions = r.chance(0.75) ? round(r.logUniform(1, 30)) : 0;
    add(own('inventionPatent', inventions));
    if (r.chance(0.12)) add(transferred('inventionPatent', r.int(1, 3)));
    add(own(software ? 'softwareCopyright' : 'utilityModel', r.int(inventions > 0 ? 2 : 5, 40)));
    if (!software && r.chance(0.1)) add(transferred('utilityModel', r.int(1, 5)));
    if (!software && r.chance(0.3)) add(own('design', r.int(1, 10)));
    if (!software && (ic || r.chance(0.25))) add(own('softwareCopyright', r.int(1, ic ? 20 : 6)));
    if (ic && r.chance(0.6)) add(own('icLayout', r.int(1, 8)));
    if (r.chance(ic || f.chain === 'newMaterials' ? 0.3 : 0.12)) add(own('pctApplication', r.int(1, 5)));
  } else if (f.role === 'candidate') {
    add(own('inventionPatent', r.chance(0.5) ? r.int(1, 3) : 0));
    add(own(software ? 'softwareCopyright' : 'utilityModel', r.int(3, 12)));
    if (r.chance(0.1)) add(transferred('utilityModel', r.int(1, 3)));
    if (ic && r.chance(0.3)) add(own('icLayout', r.int(1, 2)));
  } else if (f.role === 'tech') {
    add(own('inventionPatent', r.chance(0.2) ? r.int(1, 2) : 0));
    add(own(software ? 'softwareCopyright' : 'utilityModel', r.chance(software ? 0.9 : 0.6) ? r.int(1, 8) : 0));
    if (r.chance(0.1)) add(own('design', r.int(1, 4)));
  } else {
    if (r.chance(0.2)) add(own('design', r.int(1, 6)));
    if (r.chance(0.15)) add(own('utilityModel', r.int(1, 4)));
  }
  return rows;
}
