/**
 * What the registry knows about an enterprise, turned into the rules' input: the three accounting years
 * before the application year, headcounts, assets and the tech-SME basic-condition flags from the latest
 * year, IP held (with the Class II items used in an earlier HNTE recognition), conversions per year.
 * The application year is the one after the latest year on record (an HNTE application in 2025 reads
 * 2022–2024), and the check is dated 30 June of it.
 */
import type { EnterpriseFigures, IpKind } from '@kechuang/eligibility/domain';

export interface RegistryYear {
  year: number;
  revenue: number | null;
  highTechRevenue: number | null;
  rdExpense: number | null;
  rdExpenseDomestic: number | null;
  totalCost: number | null;
  totalAssets: number | null;
  netAssets: number | null;
  employees: number | null;
  sciTechStaff: number | null;
  conversions: number | null;
  /** 总收入 = 收入总额 − 不征税收入 (the HNTE high-tech share's base) */
  totalIncome: number | null;
  /** the tech-SME basic conditions as recorded for the year (null: not recorded) */
  resident: boolean | null;
  industryExcluded: boolean | null;
  restrictedCatalogue: boolean | null;
  dishonestyListed: boolean | null;
}

export interface RegistryIp {
  kind: IpKind | 'pctApplication';
  acquisition: 'own' | 'transferred';
  count: number;
  /** Class II items of `count` already used in an earlier HNTE recognition (0 when absent) */
  usedInEarlierHnte?: number;
}

/** Where 拥有核心知识产权 comes from: the bureau's record, or the IP table when nothing is recorded. */
export type CoreIpBasis = 'recorded' | 'fromIp';
export interface CoreIpJudgement {
  value: boolean;
  basis: CoreIpBasis;
}

export interface RegistryEnterprise {
  id: number;
  foundedOn: string | null;
  hnteField: string | null;
  ownsCoreIp: boolean | null;
  incidents: boolean | null;
  hasProvincialRdInstitution?: boolean;
  holdsHnte?: boolean;
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function applicationDate(years: readonly Pick<RegistryYear, 'year'>[], today: string): string {
  const last = years.reduce((m, y) => Math.max(m, y.year), 0);
  return last === 0 ? today : `${last + 1}-06-30`;
}

const isHeld = (h: RegistryIp): h is RegistryIp & { kind: IpKind } => h.kind !== 'pctApplication' && h.count > 0;

/**
 * 拥有核心知识产权 (HNTE Art. 11(2)) as the rules read it and the profile shows it, one rule for both: the
 * bureau's judgement when it has recorded one, else whether the enterprise holds any Class I or II IP
 * (PCT applications are not held IP). An empty IP table reads as "no", as the rules have always read it.
 */
export function coreIpJudgement(recorded: boolean | null, ip: readonly RegistryIp[]): CoreIpJudgement {
  if (recorded !== null) return { value: recorded, basis: 'recorded' };
  return { value: ip.some(isHeld), basis: 'fromIp' };
}

export function toRulesInput(e: RegistryEnterprise, years: readonly RegistryYear[], ip: readonly RegistryIp[], asOf: string): EnterpriseFigures {
  const applying = Number(asOf.slice(0, 4));
  const window = years.filter((y) => y.year < applying).sort((a, b) => a.year - b.year);
  const latest = window.at(-1);
  const held = ip.filter(isHeld);
  const conversions: Record<string, number> = {};
  for (const y of window) if (y.conversions !== null) conversions[String(y.year)] = y.conversions;
  const directRoutes: string[] = [];
  if (e.holdsHnte) directRoutes.push('hnte');
  if (e.hasProvincialRdInstitution) directRoutes.push('provincialRdInstitution');
  return {
    id: String(e.id),
    asOf,
    foundedOn: opt(e.foundedOn),
    employees: opt(latest?.employees ?? null),
    sciTechStaff: opt(latest?.sciTechStaff ?? null),
    totalAssets: opt(latest?.totalAssets ?? null),
    // the eight 国家重点支持的高新技术领域: a field on record means the firm's main products are in one
    keyField: e.hnteField === null ? undefined : true,
    ownsCoreIp: coreIpJudgement(e.ownsCoreIp, ip).value,
    incidents: opt(e.incidents),
    // tech-SME basic conditions (国科火字〔2022〕67号): as recorded for the latest year the rules read
    resident: opt(latest?.resident ?? null),
    industryExcluded: opt(latest?.industryExcluded ?? null),
    restrictedCatalogue: opt(latest?.restrictedCatalogue ?? null),
    dishonestyListed: opt(latest?.dishonestyListed ?? null),
    years: window.map((y) => ({
      year: y.year,
      revenue: opt(y.revenue),
      totalIncome: opt(y.totalIncome),
      rdExpense: opt(y.rdExpense),
      rdExpenseDomestic: opt(y.rdExpenseDomestic),
      highTechRevenue: opt(y.highTechRevenue),
      netAssets: opt(y.netAssets),
      totalCost: opt(y.totalCost),
    })),
    ip: held.map((h) =>
      h.usedInEarlierHnte
        ? { kind: h.kind, acquisition: h.acquisition, count: h.count, usedInEarlierHnte: h.usedInEarlierHnte }
        : { kind: h.kind, acquisition: h.acquisition, count: h.count },
    ),
    conversions,
    directRoutes,
  };
}
