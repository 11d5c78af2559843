/**
 * What the registry knows about an enterprise, turned into the rules' input: the three accounting years
 * before the application year, headcounts and assets from the latest year, IP held, conversions per year.
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
}

export interface RegistryIp {
  kind: IpKind | 'pctApplication';
  acquisition: 'own' | 'transferred';
  count: number;
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

export function toRulesInput(e: RegistryEnterprise, years: readonly RegistryYear[], ip: readonly RegistryIp[], asOf: string): EnterpriseFigures {
  const applying = Number(asOf.slice(0, 4));
  const window = years.filter((y) => y.year < applying).sort((a, b) => a.year - b.year);
  const latest = window.at(-1);
  const held = ip.filter((h): h is RegistryIp & { kind: IpKind } => h.kind !== 'pctApplication' && h.count > 0);
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
    // core IP: as recorded by the bureau, else any Class I or II IP held
    ownsCoreIp: e.ownsCoreIp ?? held.length > 0,
    incidents: opt(e.incidents),
    years: window.map((y) => ({
      year: y.year,
      revenue: opt(y.revenue),
      rdExpense: opt(y.rdExpense),
      rdExpenseDomestic: opt(y.rdExpenseDomestic),
      highTechRevenue: opt(y.highTechRevenue),
      netAssets: opt(y.netAssets),
      totalCost: opt(y.totalCost),
    })),
    ip: held.map((h) => ({ kind: h.kind, acquisition: h.acquisition, count: h.count })),
    conversions,
    directRoutes,
  };
}
