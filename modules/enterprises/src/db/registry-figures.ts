/**
 * The evaluation room's leadership preset's input, read from this room's tables (migrations/0005): one row per
 * enterprise registered in a region subtree, with its figures of one year, IP held, R&D institutions
 * recognised by that year and qualifications valid on the evaluation date. Amounts come in 万元.
 */
import type { Db } from '@kechuang/platform-server';

export interface RegistryFigureRow {
  id: number;
  name: string;
  regionCode: string;
  industry: string | null;
  revenue: number | null;
  employees: number | null;
  highTechRevenue: number | null;
  rdExpense: number | null;
  sciTechStaff: number | null;
  conversions: number | null;
  hasFigures: number;
  inventionPatents: number;
  otherIp: number;
  pctApplications: number;
  rdPlatformPoints: number;
  rdInstitutions: number;
  qualificationPoints: number;
  techTier: number;
  registeredYears: number | null;
}

export async function registryFigures(db: Db, pathPrefix: string, year: number, asOf: string): Promise<RegistryFigureRow[]> {
  return db.query<RegistryFigureRow>(
    `with e as (
       select e.id, e.name, e.region_code, e.founded_on, e.industry_code
         from enterprises e join regions r on r.code = e.region_code
        where r.path like $1
     ), ip as (
       select ip.enterprise_id,
              sum(ip.count) filter (where ip.kind = 'inventionPatent') as invention,
              sum(ip.count) filter (where ip.kind not in ('inventionPatent', 'pctApplication')) as other,
              sum(ip.count) filter (where ip.kind = 'pctApplication') as pct
         from enterprise_ip ip join e on e.id = ip.enterprise_id group by ip.enterprise_id
     ), inst as (
       select i.enterprise_id, count(*) as n,
              sum(case i.level when 'national' then 8 when 'provincial' then 4 when 'municipal' then 2 else 1 end) as points
         from rd_institutions i join e on e.id = i.enterprise_id where i.recognised_year <= $2 group by i.enterprise_id
     ), qual as (
       select q.enterprise_id,
              sum(distinct case q.kind when 'techSme' then 1 when 'hnte' then 2 when 'techLittleGiant' then 3 when 'techLeader' then 4 end) as points,
              max(case q.kind when 'techSme' then 1 when 'hnte' then 2 when 'techLittleGiant' then 3 when 'techLeader' then 4 end) as tier
         from qualifications q join e on e.id = q.enterprise_id
        where q.status = 'active' and $3::date between q.issued_on and q.valid_until group by q.enterprise_id
     )
     select e.id, e.name, e.region_code as "regionCode",
            case when e.industry_code ~ '^[A-T][0-9]{2}' then substr(e.industry_code, 1, 3) else e.industry_code end as industry,
            (y.revenue / 10000)::float8 as revenue, y.employees, (y.high_tech_revenue / 10000)::float8 as "highTechRevenue",
            (y.rd_expense / 10000)::float8 as "rdExpense", y.sci_tech_staff as "sciTechStaff", y.conversions,
            case when y.enterprise_id is not null and y.confirmed then 1 else 0 end as "hasFigures",
            coalesce(ip.invention, 0)::int as "inventionPatents", coalesce(ip.other, 0)::int as "otherIp", coalesce(ip.pct, 0)::int as "pctApplications",
            coalesce(inst.points, 0)::int as "rdPlatformPoints", coalesce(inst.n, 0)::int as "rdInstitutions",
            coalesce(qual.points, 0)::int as "qualificationPoints", coalesce(qual.tier, 0)::int as "techTier",
            case when e.founded_on is null or e.founded_on > $3::date then null else
              (date_part('year', age($3::date, e.founded_on)) + date_part('month', age($3::date, e.founded_on)) / 12.0
                + date_part('day', age($3::date, e.founded_on)) / 365.25)::float8 end as "registeredYears"
       from e
       left join enterprise_years y on y.enterprise_id = e.id and y.year = $2
       left join ip on ip.enterprise_id = e.id
       left join inst on inst.enterprise_id = e.id
       left join qual on qual.enterprise_id = e.id
      order by e.id`,
    [`${pathPrefix}%`, year, asOf],
  );
}

/** Years with figures in the registry, newest first. */
export async function registryYears(db: Db): Promise<string[]> {
  const rows = await db.query<{ year: number }>('select distinct year from enterprise_years order by year desc');
  return rows.map((r) => String(r.year));
}
