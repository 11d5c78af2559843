/**
 * Registered contracts' statistics: per registration year and town, field, type (or the year alone), each split
 * into 输出 (exported: the seller in the user's region) and 吸纳 (absorbed: the buyer in it), with the count, the
 * contract amount and the technical amount (yuan). A contract between two parties of the region counts in both.
 * The database groups; the towns (the reporting units a party's region lies in) are folded here.
 */
import { reportingUnits, type Db, type Region } from '@kechuang/platform-server';
import type { Stats } from '../contract/tech-contracts.ts';
import { TECH_FIELDS, TYPE_LABELS, type TechContractType, type TechField } from '../domain/index.ts';

type By = Stats['by'];
interface Grouped {
  year: number;
  field: TechField;
  type: TechContractType;
  sellerPath: string | null;
  buyerPath: string | null;
  n: number;
  contractAmount: number;
  techAmount: number;
}

const zero = () => ({ count: 0, contractAmount: 0, techAmount: 0 });
const round2 = (x: number) => Math.round(x * 100) / 100;

export async function contractStats(db: Db, regionPath: string, district: string, by: By, yearFrom?: number, yearTo?: number): Promise<Stats> {
  const rows = await db.query<Grouped>(
    `select extract(year from c.registered_on)::int as year, c.field, c.type, sr.path as "sellerPath", br.path as "buyerPath",
            count(*)::int as n, sum(c.contract_amount)::float8 as "contractAmount", sum(c.tech_amount)::float8 as "techAmount"
       from tech_contracts c
       left join regions sr on sr.code = c.seller_region_code
       left join regions br on br.code = c.buyer_region_code
      where c.status = 'registered' and (sr.path like $1 or br.path like $1)
        and extract(year from c.registered_on)::int between $2 and $3
      group by 1, 2, 3, 4, 5`,
    [`${regionPath}%`, yearFrom ?? 2000, yearTo ?? 2100],
  );
  const units: Region[] = await reportingUnits(db, district);
  const unitOf = (path: string): Region | undefined => units.find((u) => path.startsWith(u.path));
  const out = new Map<string, Stats['rows'][number]>();
  const add = (year: number, key: string, label: string, side: 'exported' | 'absorbed', g: Grouped) => {
    const id = `${year}|${key}`;
    let row = out.get(id);
    if (!row) out.set(id, (row = { year, key, label, exported: zero(), absorbed: zero() }));
    row[side].count += g.n;
    row[side].contractAmount = round2(row[side].contractAmount + g.contractAmount);
    row[side].techAmount = round2(row[side].techAmount + g.techAmount);
  };
  for (const g of rows) {
    for (const side of ['exported', 'absorbed'] as const) {
      const path = side === 'exported' ? g.sellerPath : g.buyerPath;
      if (!path?.startsWith(regionPath)) continue;
      if (by === 'year') add(g.year, 'all', '', side, g);
      else if (by === 'field') add(g.year, g.field, TECH_FIELDS[g.field] ?? g.field, side, g);
      else if (by === 'type') add(g.year, g.type, TYPE_LABELS[g.type] ?? g.type, side, g);
      else {
        const unit = unitOf(path);
        add(g.year, unit?.code ?? district, unit?.name ?? '区本级', side, g);
      }
    }
  }
  const rowsOut = [...out.values()].sort((a, b) => a.year - b.year || a.key.localeCompare(b.key));
  return { by, rows: rowsOut };
}
