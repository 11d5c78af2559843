/**
 * Registered contracts per registration month and region, for the market's page for leaders (科技大市场 · 成效): the
 * count, the contract amount (合同成交额) and the technical amount (技术交易额), in yuan. A contract lies where the
 * technology-transaction indicator counts it (indicator-actuals.ts): the seller's region when the seller is in the
 * district, else the buyer's. Deregistered contracts no longer count.
 */
import type { Db } from '@kechuang/platform-server';

export interface MonthlyContracts {
  /** YYYY-MM of the registration */
  month: string;
  regionPath: string;
  count: number;
  contractAmount: number;
  techAmount: number;
}

/** registered contracts lying under `regionPath`, registered in the months `from`..`to` (YYYY-MM, both included) */
export async function registeredByMonth(db: Db, regionPath: string, from: string, to: string): Promise<MonthlyContracts[]> {
  return db.query<MonthlyContracts>(
    `select to_char(c.registered_on, 'YYYY-MM') as month, r.path as "regionPath", count(*)::int as count,
            sum(c.contract_amount)::float8 as "contractAmount", sum(c.tech_amount)::float8 as "techAmount"
       from tech_contracts c
       join regions r on r.code = case when c.seller_location = 'district' then c.seller_region_code else c.buyer_region_code end
      where c.status = 'registered' and r.path like $1
        and c.registered_on >= to_date($2, 'YYYY-MM') and c.registered_on < to_date($3, 'YYYY-MM') + interval '1 month'
      group by 1, 2`,
    [`${regionPath}%`, from, to],
  );
}
