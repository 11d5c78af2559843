/**
 * The registry's counts per town (and park) and year — the tier ladder, and the four monitoring
 * indicators the registry can supply (计算来源 'computed'):
 * - HNTE_COUNT 高新技术企业数: HNTE certificates valid on 31 December (today, for the current year);
 * - TECH_SME_COUNT 科技型中小企业数: tech-SME registrations issued in the year (当年入库);
 * - ABOVE_SCALE_RD_SHARE 规模以上企业有研发活动占比: of the above-scale enterprises with figures for the
 *   year, the share with R&D expense above zero, in %;
 * - PROV_ENGINEERING_CENTERS 省级以上企业工程(技术)中心: engineering centres of provincial or national
 *   level recognised in or before the year.
 */
import type { MessageLang } from '@kechuang/platform-core';
import { regionsInScope, reportingUnits, writeXlsx, type Db, type Scope } from '@kechuang/platform-server';
import type { z } from 'zod';
import type { ZUnitCounts } from '../contract/schemas.ts';
import { today } from '../db/recheck.ts';

export const REGISTRY_INDICATORS = ['HNTE_COUNT', 'TECH_SME_COUNT', 'ABOVE_SCALE_RD_SHARE', 'PROV_ENGINEERING_CENTERS'] as const;
export type RegistryIndicator = (typeof REGISTRY_INDICATORS)[number];

export type UnitCounts = z.infer<typeof ZUnitCounts>;

/** The date a year's counts are taken: its last day, or today while the year is still running. */
export function countDate(year: number): string {
  const t = today();
  return Number(t.slice(0, 4)) === year ? t : `${year}-12-31`;
}

type Raw = Omit<UnitCounts, 'regionName'>;

async function rawCounts(db: Db, pathPrefix: string, year: number): Promise<Raw[]> {
  return db.query<Raw>(
    `with ent as (
       select e.id, e.region_code, e.is_above_scale from enterprises e join regions r on r.code = e.region_code where r.path like $1
     ), q as (
       select q.enterprise_id, q.kind, q.issued_on from qualifications q join ent on ent.id = q.enterprise_id
        where q.status = 'active' and $2::date between q.issued_on and q.valid_until
     )
     select ent.region_code as "regionCode", $3::int as year,
       count(distinct q.enterprise_id) filter (where q.kind = 'techSme' and extract(year from q.issued_on) = $3) as "techSme",
       count(distinct q.enterprise_id) filter (where q.kind = 'hnte') as hnte,
       count(distinct q.enterprise_id) filter (where q.kind = 'techLittleGiant') as "techLittleGiant",
       count(distinct q.enterprise_id) filter (where q.kind = 'techLeader') as "techLeader",
       (select count(*) from ent e2 where e2.region_code = ent.region_code and e2.is_above_scale) as "aboveScale",
       (select count(*) from ent e2 join enterprise_years y on y.enterprise_id = e2.id and y.year = $3
         where e2.region_code = ent.region_code and e2.is_above_scale and y.rd_expense > 0) as "aboveScaleWithRd",
       (select count(*) from ent e2 join enterprise_years y on y.enterprise_id = e2.id and y.year = $3
         where e2.region_code = ent.region_code and e2.is_above_scale) as "aboveScaleReporting",
       (select count(*) from ent e2 join rd_institutions i on i.enterprise_id = e2.id
         where e2.region_code = ent.region_code and i.type = 'engineeringCenter' and i.level in ('national', 'provincial') and i.recognised_year <= $3) as "provEngineeringCenters",
       (select count(*) from ent e2 where e2.region_code = ent.region_code) as enterprises
     from ent left join q on q.enterprise_id = ent.id
     group by ent.region_code`,
    [`${pathPrefix}%`, countDate(year), year],
  );
}

const ZERO = {
  techSme: 0,
  hnte: 0,
  techLittleGiant: 0,
  techLeader: 0,
  aboveScale: 0,
  aboveScaleWithRd: 0,
  aboveScaleReporting: 0,
  provEngineeringCenters: 0,
  enterprises: 0,
};
const KEYS = Object.keys(ZERO) as (keyof typeof ZERO)[];

/**
 * One row per reporting unit (town, park) of the district within the scope, then the district's own
 * row (every enterprise of the district, including those registered at district level).
 */
export async function tierCounts(db: Db, scope: Scope, district: string, year: number): Promise<UnitCounts[]> {
  if (scope.kind !== 'region') return [];
  const visible = await regionsInScope(db, scope);
  const raw = await rawCounts(db, scope.path, year);
  const byRegion = new Map(raw.map((r) => [r.regionCode, r]));
  const units = (await reportingUnits(db, district)).filter((u) => visible.has(u.code));
  const rows: UnitCounts[] = units.map((u) => ({ ...ZERO, ...byRegion.get(u.code), regionCode: u.code, regionName: u.name, year }));
  const home = visible.get(district);
  if (home) {
    const total: UnitCounts = { ...ZERO, regionCode: home.code, regionName: home.name, year };
    for (const r of raw) for (const k of KEYS) total[k] += r[k];
    rows.push(total);
  }
  return rows;
}

export function indicatorValue(code: RegistryIndicator, c: UnitCounts): number | null {
  switch (code) {
    case 'HNTE_COUNT':
      return c.hnte;
    case 'TECH_SME_COUNT':
      return c.techSme;
    case 'ABOVE_SCALE_RD_SHARE':
      return c.aboveScaleReporting === 0 ? null : Math.round((c.aboveScaleWithRd / c.aboveScaleReporting) * 1000) / 10;
    case 'PROV_ENGINEERING_CENTERS':
      return c.provEngineeringCenters;
  }
}

type Column = readonly [key: string, zh: string, en: string, width: number];
const TIER_COUNT_COLUMNS: readonly Column[] = [
  ['year', '年度', 'Year', 8],
  ['countDate', '统计日', 'Count date', 12],
  ['regionCode', '地区代码', 'Region code', 12],
  ['regionName', '镇街/园区', 'Town or park', 16],
  ['enterprises', '企业数', 'Enterprises', 10],
  ['techSme', '科技型中小企业（当年入库）', 'Tech-based SMEs (registered in the year)', 14],
  ['hnte', '高新技术企业', 'HNTEs', 12],
  ['techLittleGiant', '省科技小巨人', 'Provincial little giants', 12],
  ['techLeader', '科技领军企业', 'Tech leaders', 12],
  ['aboveScale', '规上企业', 'Above scale', 10],
  ['aboveScaleWithRd', '规上有研发活动', 'Above scale with R&D', 14],
  ['aboveScaleReporting', '规上有年度数据', 'Above scale with figures', 14],
  ['provEngineeringCenters', '省级以上工程(技术)中心', 'Provincial or higher engineering centres', 16],
];

/** The counts of the years asked as a sheet, in the request's language. */
export function tierCountsXlsx(rows: (UnitCounts & { countDate: string })[], lang: MessageLang): Promise<Buffer> {
  const zh = lang === 'zh';
  return writeXlsx([
    {
      name: zh ? '梯队统计' : 'Tier counts',
      notes: [
        zh
          ? '高企、小巨人、领军企业为统计日有效证书数；科技型中小企业为当年入库数；研发活动占比的分母为当年有年度数据的规上企业'
          : 'HNTEs, little giants and tech leaders: certificates valid on the count date; tech-based SMEs: registered in the year; the share with R&D is of the above-scale enterprises with figures for the year',
      ],
      columns: TIER_COUNT_COLUMNS.map(([key, zhHeader, enHeader, width]) => ({ key, header: zh ? zhHeader : enHeader, width })),
      rows,
    },
  ]);
}
