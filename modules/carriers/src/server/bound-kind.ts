/**
 * A carrier's own account (载体填报员, role carrierUser): bound to one carrier of the performance review, it reads
 * that carrier and reads and writes its figures only. Registered with the platform when the room's server loads;
 * an administrator opens the account from the carrier's row on 绩效评价. Deleting a carrier deactivates its
 * accounts (the trigger of migration 0015; the delete route counts them for its audit row).
 */
import { boundIdOf, registerBoundKind, type BoundRecord, type Scope } from '@kechuang/platform-server';

export const CARRIER_KIND = 'carrier';

/** the carrier a carrier's account reports for; null for any other scope */
export const ownCarrierOf = (scope: Scope): number | null => boundIdOf(scope, CARRIER_KIND);

registerBoundKind({
  kind: CARRIER_KIND,
  role: 'carrierUser',
  label: { zh: '载体', en: 'Carrier' },
  roleLabel: '载体填报员',
  opensFrom: '请在“绩效评价”页该载体的行上开通账号',
  legacyIdField: 'carrierId',
  findRecords: async (db, ids) => {
    const rows = await db.query<BoundRecord>('select id, name, region_code as "regionCode" from carriers where id = any($1::bigint[])', [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  },
});
