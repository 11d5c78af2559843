/**
 * Reads what the rules need about a batch of enterprises (master data, years, IP, qualifications and
 * institutions), grouped per enterprise.
 */
import type { Db } from '@kechuang/platform-server';
import type { RegistryEnterprise, RegistryIp, RegistryYear } from '../domain/index.ts';
import type { QualificationSpan } from '../domain/tier.ts';

export interface RegistryRecord {
  enterprise: RegistryEnterprise;
  regionCode: string;
  years: RegistryYear[];
  ip: RegistryIp[];
  qualifications: QualificationSpan[];
  provincialInstitution: boolean;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export const YEAR_COLUMNS = `y.year, y.revenue::text as revenue, y.high_tech_revenue::text as "highTechRevenue", y.rd_expense::text as "rdExpense",
  y.rd_expense_domestic::text as "rdExpenseDomestic", y.total_cost::text as "totalCost", y.total_assets::text as "totalAssets",
  y.net_assets::text as "netAssets", y.employees, y.sci_tech_staff as "sciTechStaff", y.conversions, y.total_income::text as "totalIncome",
  y.resident, y.industry_excluded as "industryExcluded", y.restricted_catalogue as "restrictedCatalogue", y.dishonesty_listed as "dishonestyListed"`;

type AsRead = 'year' | 'employees' | 'sciTechStaff' | 'conversions' | 'resident' | 'industryExcluded' | 'restrictedCatalogue' | 'dishonestyListed';
/** a row as YEAR_COLUMNS reads it: amounts as decimal text, the rest as stored */
type YearRow = { [K in keyof RegistryYear]: K extends AsRead ? RegistryYear[K] : string | null };

export function yearFromRow(r: YearRow): RegistryYear {
  return {
    year: r.year,
    revenue: num(r.revenue),
    highTechRevenue: num(r.highTechRevenue),
    rdExpense: num(r.rdExpense),
    rdExpenseDomestic: num(r.rdExpenseDomestic),
    totalCost: num(r.totalCost),
    totalAssets: num(r.totalAssets),
    netAssets: num(r.netAssets),
    employees: r.employees,
    sciTechStaff: r.sciTechStaff,
    conversions: r.conversions,
    totalIncome: num(r.totalIncome),
    resident: r.resident,
    industryExcluded: r.industryExcluded,
    restrictedCatalogue: r.restrictedCatalogue,
    dishonestyListed: r.dishonestyListed,
  };
}

/**
 * One round trip per batch, answered as one JSON text: parsing a few thousand rows of many columns
 * through the driver cost five times as much on PGlite as JSON.parse of the same data.
 */
export async function loadRegistry(db: Db, ids: number[]): Promise<Map<number, RegistryRecord>> {
  const out = new Map<number, RegistryRecord>();
  if (ids.length === 0) return out;
  const [{ data }] = await db.query<{ data: string }>(
    `select json_build_object(
       'e', (select json_agg(json_build_array(id, to_char(founded_on, 'YYYY-MM-DD'), hnte_field, owns_core_ip, incidents, region_code))
               from enterprises where id = any($1::bigint[])),
       'y', (select json_agg(json_build_array(enterprise_id, year, revenue, high_tech_revenue, rd_expense, rd_expense_domestic, total_cost, total_assets, net_assets,
               employees, sci_tech_staff, conversions, total_income, resident, industry_excluded, restricted_catalogue, dishonesty_listed))
               from enterprise_years where enterprise_id = any($1::bigint[])),
       'ip', (select json_agg(json_build_array(enterprise_id, kind, acquisition, count, used_in_earlier_hnte)) from enterprise_ip where enterprise_id = any($1::bigint[])),
       'q', (select json_agg(json_build_array(enterprise_id, kind, to_char(issued_on, 'YYYY-MM-DD'), to_char(valid_until, 'YYYY-MM-DD'), status))
               from qualifications where enterprise_id = any($1::bigint[])),
       'i', (select json_agg(distinct enterprise_id) from rd_institutions where enterprise_id = any($1::bigint[]) and level in ('national', 'provincial'))
     )::text as data`,
    [ids],
  );
  type N = number | null;
  type B = boolean | null;
  const d = JSON.parse(data) as {
    e: [number, string | null, string | null, boolean | null, boolean | null, string][] | null;
    y: [number, number, N, N, N, N, N, N, N, N, N, N, N, B, B, B, B][] | null;
    ip: [number, RegistryIp['kind'], RegistryIp['acquisition'], number, number][] | null;
    q: [number, QualificationSpan['kind'], string, string, QualificationSpan['status']][] | null;
    i: number[] | null;
  };
  for (const [id, foundedOn, hnteField, ownsCoreIp, incidents, regionCode] of d.e ?? []) {
    out.set(id, {
      enterprise: { id, foundedOn, hnteField, ownsCoreIp, incidents },
      regionCode,
      years: [],
      ip: [],
      qualifications: [],
      provincialInstitution: false,
    });
  }
  for (const [
    id,
    year,
    revenue,
    highTechRevenue,
    rdExpense,
    rdExpenseDomestic,
    totalCost,
    totalAssets,
    netAssets,
    employees,
    sciTechStaff,
    conversions,
    totalIncome,
    resident,
    industryExcluded,
    restrictedCatalogue,
    dishonestyListed,
  ] of d.y ?? []) {
    out.get(id)?.years.push({
      year,
      revenue,
      highTechRevenue,
      rdExpense,
      rdExpenseDomestic,
      totalCost,
      totalAssets,
      netAssets,
      employees,
      sciTechStaff,
      conversions,
      totalIncome,
      resident,
      industryExcluded,
      restrictedCatalogue,
      dishonestyListed,
    });
  }
  for (const [id, kind, acquisition, count, usedInEarlierHnte] of d.ip ?? []) out.get(id)?.ip.push({ kind, acquisition, count, usedInEarlierHnte });
  for (const [id, kind, issuedOn, validUntil, status] of d.q ?? []) out.get(id)?.qualifications.push({ kind, issuedOn, validUntil, status });
  for (const id of d.i ?? []) {
    const r = out.get(id);
    if (r) r.provincialInstitution = true;
  }
  return out;
}
