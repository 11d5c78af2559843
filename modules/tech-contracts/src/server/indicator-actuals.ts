/**
 * The technology-transaction indicator's computed source: registered contracts' amounts per town and year written
 * into indicator monitoring as TECH_TRANSACTION_VOLUME actuals (亿元, source 'computed') through the indicators
 * room's writeComputedActuals, as the registry writes its counts. An official figure (imported, typed in, from a
 * plan table) stays: it is reported as kept, and the computed one is not written over it.
 * - Which amount: the contract amount (合同成交额), as the catalogue defines the indicator (登记的技术合同成交额).
 * - Which town: the seller's (the contract is registered where its seller is); a technology import registered by
 *   the district's buyer counts in the buyer's town. The district's own row sums every registered contract.
 * - Which year: the registration year. Deregistered contracts no longer count.
 * Run in the caller's transaction whenever a contract is registered, corrected, deregistered or imported, for the
 * years it touched; every town of the district is written for those years (a town that lost its last contract
 * goes to 0).
 */
import { audit, getRegion, reportingUnits, type AuditActor, type Db } from '@kechuang/platform-server';
import { writeComputedActuals, type ComputedActual } from '@kechuang/indicators/server';

export const TECH_TRANSACTION_VOLUME = 'TECH_TRANSACTION_VOLUME';
const YUAN_PER_YI = 100_000_000;

export interface ActualsOutcome {
  years: number[];
  written: number;
  unchanged: number;
  kept: number;
}

/** registered contracts' amount (yuan) per town of the district and year, with whether any is synthetic */
async function amounts(db: Db, districtPath: string, years: number[]) {
  return db.query<{ regionPath: string; regionCode: string; year: number; amount: number; synthetic: boolean }>(
    `select r.path as "regionPath", r.code as "regionCode", extract(year from c.registered_on)::int as year,
            sum(c.contract_amount)::float8 as amount, bool_or(c.is_synthetic) as synthetic
       from tech_contracts c
       join regions r on r.code = case when c.seller_location = 'district' then c.seller_region_code else c.buyer_region_code end
      where c.status = 'registered' and extract(year from c.registered_on)::int = any($1::int[]) and r.path like $2
      group by r.path, r.code, extract(year from c.registered_on)`,
    [years, `${districtPath}%`],
  );
}

export async function writeTransactionActuals(tx: Db, actor: AuditActor | null, district: string, years: readonly number[]): Promise<ActualsOutcome> {
  const wanted = [...new Set(years)].sort();
  if (wanted.length === 0) return { years: [], written: 0, unchanged: 0, kept: 0 };
  const home = await getRegion(tx, district);
  if (!home) return { years: wanted, written: 0, unchanged: 0, kept: 0 };
  const units = await reportingUnits(tx, district);
  const rows = await amounts(tx, home.path, wanted);
  const actuals: ComputedActual[] = [];
  const yi = (yuan: number) => Math.round((yuan / YUAN_PER_YI) * 10_000) / 10_000;
  for (const year of wanted) {
    const ofYear = rows.filter((r) => r.year === year);
    for (const u of units) {
      const inUnit = ofYear.filter((r) => r.regionPath.startsWith(u.path));
      const value = inUnit.reduce((s, r) => s + r.amount, 0);
      actuals.push({ regionCode: u.code, indicatorCode: TECH_TRANSACTION_VOLUME, year, value: yi(value), fromSynthetic: inUnit.some((r) => r.synthetic) });
    }
    actuals.push({
      regionCode: district,
      indicatorCode: TECH_TRANSACTION_VOLUME,
      year,
      value: yi(ofYear.reduce((s, r) => s + r.amount, 0)),
      fromSynthetic: ofYear.some((r) => r.synthetic),
    });
  }
  const { written, unchanged, kept } = await writeComputedActuals(tx, actuals);
  if (written > 0)
    await audit(tx, actor, {
      action: 'indicatorValue.fromTechContracts',
      entity: 'indicatorValue',
      entityId: wanted.join(','),
      regionCode: district,
      after: { indicator: TECH_TRANSACTION_VOLUME, written, unchanged, kept: kept.length },
    });
  return { years: wanted, written, unchanged, kept: kept.length };
}
