/**
 * 科技体检's reads (the diagnosis room, @kechuang/diagnosis) from this room's tables (migrations/0005): the
 * enterprise if the user's jurisdiction holds it, the years it has figures, and every enterprise's figures of one
 * year with the year before (amounts in 万元).
 *
 * Jurisdiction: the same rule as `visibleEnterprise` (scope.ts): a bureau or town account sees the enterprises
 * of its region subtree, an enterprise account its own enterprise; anything else is 404, so another town's
 * enterprise is not even confirmed to exist.
 */
import { AppError } from '@kechuang/platform-core';
import { boundIdOf, type Db, type Scope } from '@kechuang/platform-server';

export interface DiagnosedEnterprise {
  id: number;
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  industryCode: string | null;
}

export async function diagnosedEnterprise(db: Db, scope: Scope, id: number): Promise<DiagnosedEnterprise> {
  const [e] = await db.query<DiagnosedEnterprise & { path: string }>(
    `select e.id, e.uscc, e.name, e.region_code as "regionCode", r.name as "regionName", e.industry_code as "industryCode", r.path
       from enterprises e join regions r on r.code = e.region_code where e.id = $1`,
    [id],
  );
  const isVisible = e && (scope.kind === 'region' ? e.path.startsWith(scope.path) : boundIdOf(scope, 'enterprise') === Number(e.id));
  if (!isVisible) throw new AppError('NOT_FOUND', { message: '企业不存在或不在您的管辖范围内', details: { field: 'enterpriseId', value: id } });
  return { id: Number(e.id), uscc: e.uscc, name: e.name, regionCode: e.regionCode, regionName: e.regionName, industryCode: e.industryCode };
}

/** The years the enterprise has figures for, newest first. */
export async function diagnosisYears(db: Db, enterpriseId: number): Promise<number[]> {
  const rows = await db.query<{ year: number }>('select year from enterprise_years where enterprise_id = $1 order by year desc', [enterpriseId]);
  return rows.map((r) => r.year);
}

/** One enterprise-year as the diagnosis reads it (its DiagnosisFigures); amounts in 万元; null = not recorded. */
export interface DiagnosisRow {
  id: number;
  industryCode: string | null;
  revenue: number | null;
  prevRevenue: number | null;
  employees: number | null;
  rdExpense: number | null;
  highTechRevenue: number | null;
  sciTechStaff: number | null;
  conversions: number | null;
  /** invention patents held (the registry does not date IP: held now) */
  inventionPatents: number | null;
  netAssets: number | null;
  prevNetAssets: number | null;
  isConfirmed: boolean;
}

/**
 * Every enterprise's figures of `year` confirmed by the bureau (an unconfirmed self-report is no peer's
 * benchmark), and the target's own figures even if unconfirmed. The year before: confirmed figures only.
 * Invention patents are those held now (the registry does not date IP), as in the leadership preset.
 */
export async function diagnosisFigures(db: Db, year: number, targetId: number): Promise<DiagnosisRow[]> {
  const rows = await db.query<DiagnosisRow>(
    `select e.id, e.industry_code as "industryCode",
            (y.revenue / 10000)::float8 as revenue, (p.revenue / 10000)::float8 as "prevRevenue", y.employees,
            (y.rd_expense / 10000)::float8 as "rdExpense", (y.high_tech_revenue / 10000)::float8 as "highTechRevenue",
            y.sci_tech_staff as "sciTechStaff", y.conversions, coalesce(ip.n, 0)::int as "inventionPatents",
            (y.net_assets / 10000)::float8 as "netAssets", (p.net_assets / 10000)::float8 as "prevNetAssets",
            y.confirmed as "isConfirmed"
       from enterprise_years y
       join enterprises e on e.id = y.enterprise_id
       left join enterprise_years p on p.enterprise_id = y.enterprise_id and p.year = y.year - 1 and p.confirmed
       left join (select enterprise_id, sum(count) as n from enterprise_ip where kind = 'inventionPatent' group by enterprise_id) ip
              on ip.enterprise_id = e.id
      where y.year = $1 and (y.confirmed or e.id = $2)
      order by e.id`,
    [year, targetId],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
