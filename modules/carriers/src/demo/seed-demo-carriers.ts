/**
 * Demo carriers for the performance review (绩效评价): 7 industrial research institutes, 6 incubators and
 * 6 maker spaces spread over the district's towns, with three years of figures (2023–2025) drawn from a
 * seeded generator, so a fresh `npm start` can run both reviews and grade them A/B/C. The names are
 * invented (the seeds name real institutes, whose performance we do not know). Two carriers have not
 * reported all of 2025 yet, as happens before a review's deadline; one of them is the incubator the demo
 * carrier account reports for. A carrier named after a town (九龙湖…, 蛟川…) is placed in that town; the others
 * are spread over the towns no name claims first.
 */
import { reportingUnits, type Db, type Region } from '@kechuang/platform-server';
import { seededRandom } from '@kechuang/platform-core';
import { REVIEW_INDICATORS, reviewOf, type CarrierKind, type CarrierLevel } from '../domain/index.ts';

export const DEMO_CARRIER_YEARS = [2023, 2024, 2025];

type Level = CarrierLevel;
const CARRIERS: [string, CarrierKind, Level][] = [
  ['镇海新材料产业技术研究院', 'industrialResearchInstitute', 'provincial'],
  ['镇海智能装备产业技术研究院', 'industrialResearchInstitute', 'provincial'],
  ['镇海绿色石化产业技术研究院', 'industrialResearchInstitute', 'municipal'],
  ['镇海生命健康产业技术研究院', 'industrialResearchInstitute', 'municipal'],
  ['镇海数字经济产业技术研究院', 'industrialResearchInstitute', 'district'],
  ['镇海低空经济创新研究院', 'industrialResearchInstitute', 'district'],
  ['镇海海洋工程产业技术研究院', 'industrialResearchInstitute', 'municipal'],
  ['甬江科创孵化器', 'incubator', 'national'],
  ['蛟川新材料科技企业孵化器', 'incubator', 'provincial'],
  ['庄市智造科技企业孵化器', 'incubator', 'provincial'],
  ['九龙湖科技企业孵化器', 'incubator', 'municipal'],
  ['招宝山数字经济孵化器', 'incubator', 'municipal'],
  ['澥浦绿色化工孵化器', 'incubator', 'district'],
  ['镇海大学生众创空间', 'makerspace', 'national'],
  ['骆驼青年创业众创空间', 'makerspace', 'provincial'],
  ['庄市创客众创空间', 'makerspace', 'municipal'],
  ['蛟川工业设计众创空间', 'makerspace', 'municipal'],
  ['九龙湖文创众创空间', 'makerspace', 'district'],
  ['招宝山跨境电商众创空间', 'makerspace', 'district'],
];

/** the demo carrier account reports for this incubator */
export const DEMO_ACCOUNT_CARRIER = '甬江科创孵化器';
/** carrier → the 2025 figures it has not reported yet */
const UNREPORTED_2025: Record<string, string[]> = {
  [DEMO_ACCOUNT_CARRIER]: ['tenant_financing', 'service_events', 'mentors'],
  镇海低空经济创新研究院: ['contract_income'],
};

/** 2024 figure ranges of a mid-sized carrier; a level and a carrier's own strength scale them */
const RANGES: Record<string, [number, number]> = {
  rd_staff: [30, 220],
  rd_spend: [800, 9000],
  enterprises_served: [20, 300],
  contract_income: [200, 5000],
  incubated_firms: [1, 12],
  invention_patents: [3, 45],
  innovation_platforms: [0, 4],
  tenant_firms: [15, 110],
  occupancy_rate: [62, 97],
  graduated_firms: [1, 14],
  tenant_financing: [200, 6000],
  tenant_tech_smes: [5, 50],
  tenant_hntes: [0, 10],
  service_events: [10, 70],
  mentors: [5, 35],
};
const LEVEL_SCALE: Record<Level, number> = { national: 1.5, provincial: 1.2, municipal: 1, district: 0.8 };
const COUNTS = new Set([
  'rd_staff',
  'enterprises_served',
  'incubated_firms',
  'invention_patents',
  'innovation_platforms',
  'tenant_firms',
  'graduated_firms',
  'tenant_tech_smes',
  'tenant_hntes',
  'service_events',
  'mentors',
]);

/** 街道 / 镇 dropped: the short name a carrier's name begins with (九龙湖镇 → 九龙湖) */
const shortName = (town: Region) => town.name.replace(/(街道|镇|乡)$/, '');

/**
 * Each demo carrier's town: the town its name begins with, else the next town in a round that favours the
 * towns with the fewest carriers so far (ties in the district's order).
 */
export function demoCarrierTowns(units: Region[], district: Region): (name: string) => Region {
  const load = new Map(units.map((u) => [u.code, 0]));
  for (const [name] of CARRIERS) {
    const named = units.find((u) => name.startsWith(shortName(u)));
    if (named) load.set(named.code, (load.get(named.code) ?? 0) + 1);
  }
  const placed = new Map<string, Region>();
  for (const [name] of CARRIERS) {
    let town = units.find((u) => name.startsWith(shortName(u)));
    if (!town) {
      town = [...units].sort((a, b) => (load.get(a.code) ?? 0) - (load.get(b.code) ?? 0))[0];
      if (town) load.set(town.code, (load.get(town.code) ?? 0) + 1);
    }
    placed.set(name, town ?? district);
  }
  return (name) => placed.get(name) ?? district;
}

export async function seedDemoCarriers(db: Db, district: Region): Promise<{ accountCarrier: { id: number; name: string } }> {
  const units = (await reportingUnits(db, district.code)).filter((u) => u.kind === 'town');
  const random = seededRandom('demo-carriers');
  let accountCarrier = { id: 0, name: DEMO_ACCOUNT_CARRIER };
  const townOf = demoCarrierTowns(units, district);
  for (const [name, kind, level] of CARRIERS) {
    const region = townOf(name);
    const [{ id }] = await db.query<{ id: number }>('insert into carriers (name, kind, level, region_code) values ($1, $2, $3, $4) returning id::int as id', [
      name,
      kind,
      level,
      region.code,
    ]);
    if (name === DEMO_ACCOUNT_CARRIER) accountCarrier = { id, name };
    const strength = LEVEL_SCALE[level] * (0.6 + 0.8 * random()) * (kind === 'makerspace' ? 0.6 : 1);
    for (const indicator of REVIEW_INDICATORS[reviewOf(kind)]) {
      const [lo, hi] = RANGES[indicator.code];
      const base = lo + (hi - lo) * random() * strength;
      const growth = 1.04 + 0.1 * random();
      for (const year of DEMO_CARRIER_YEARS) {
        if (year === 2025 && UNREPORTED_2025[name]?.includes(indicator.code)) continue;
        const raw = base * growth ** (year - 2024);
        const value =
          indicator.unit === '%' ? Math.min(99, Math.round(raw * 10) / 10) : COUNTS.has(indicator.code) ? Math.round(raw) : Math.round(raw * 10) / 10;
        await db.query(`insert into carrier_figures (carrier_id, year, indicator, value, source) values ($1, $2, $3, $4, 'synthetic')`, [
          id,
          year,
          indicator.code,
          value,
        ]);
      }
    }
  }
  return { accountCarrier };
}
