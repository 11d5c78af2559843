/**
 * Reads what the rules need about a batch of enterprises in four queries (master data, years, IP,
 * qualifications and institutions), grouped per enterprise.
 */
import type { Db } from '@kechuang/platform-server';
import type { RegistryEnterprise, RegistryIp, RegistryYear } from '../domain/index.ts';
import type { QualificationSpan } from '../domain/tier.ts';

export interface RegistryRecord {
  enterprise: RegistryEnterprise;
  years: RegistryYear[];
  ip: RegistryIp[];
  qualifications: QualificationSpan[];
  provincialInstitution: boolean;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export const YEAR_COLUMNS = `y.year, y.revenue::text as revenue, y.high_tech_revenue::text as "highTechRevenue", y.rd_expense::text as "rdExpense",
  y.rd_expense_domestic::text as "rdExpenseDomestic", y.total_cost::text as "totalCost", y.total_assets::text as "totalAssets",
  y.net_assets::text as "netAssets", y.employees, y.sci_tech_staff as "sciTechStaff", y.conversions`;

type YearRow = { [K in keyof RegistryYear]: K extends 'year' | 'employees' | 'sciTechStaff' | 'conversions' ? RegistryYear[K] : string | null };

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
  };
}

export async function loadRegistry(db: Db, ids: number[]): Promise<Map<number, RegistryRecord>> {
  const out = new Map<number, RegistryRecord>();
  if (ids.length === 0) return out;
  const enterprises = await db.query<RegistryEnterprise>(
    `select id, to_char(founded_on, 'YYYY-MM-DD') as "foundedOn", hnte_field as "hnteField", owns_core_ip as "ownsCoreIp", incidents
       from enterprises where id = any($1::bigint[])`,
    [ids],
  );
  for (const e of enterprises) out.set(e.id, { enterprise: e, years: [], ip: [], qualifications: [], provincialInstitution: false });
  const years = await db.query<YearRow & { enterpriseId: number }>(
    `select y.enterprise_id as "enterpriseId", ${YEAR_COLUMNS} from enterprise_years y where y.enterprise_id = any($1::bigint[])`,
    [ids],
  );
  for (const y of years) out.get(y.enterpriseId)?.years.push(yearFromRow(y));
  const ip = await db.query<RegistryIp & { enterpriseId: number }>(
    `select enterprise_id as "enterpriseId", kind, acquisition, count from enterprise_ip where enterprise_id = any($1::bigint[])`,
    [ids],
  );
  for (const h of ip) out.get(h.enterpriseId)?.ip.push({ kind: h.kind, acquisition: h.acquisition, count: h.count });
  const quals = await db.query<QualificationSpan & { enterpriseId: number }>(
    `select enterprise_id as "enterpriseId", kind, to_char(issued_on, 'YYYY-MM-DD') as "issuedOn", to_char(valid_until, 'YYYY-MM-DD') as "validUntil", status
       from qualifications where enterprise_id = any($1::bigint[])`,
    [ids],
  );
  for (const q of quals) out.get(q.enterpriseId)?.qualifications.push({ kind: q.kind, issuedOn: q.issuedOn, validUntil: q.validUntil, status: q.status });
  const institutions = await db.query<{ enterpriseId: number }>(
    `select distinct enterprise_id as "enterpriseId" from rd_institutions where enterprise_id = any($1::bigint[]) and level in ('national', 'provincial')`,
    [ids],
  );
  for (const i of institutions) out.get(i.enterpriseId)!.provincialInstitution = true;
  return out;
}
