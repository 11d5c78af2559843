/**
 * The market's kinds of bound account, registered with the platform when the room's server loads:
 * - an institute's account (机构用户, role institutionUser), bound to one institute (高校、科研院所、产业技术研究院 …):
 *   it lists and edits that institute's achievements and experts;
 * - a technology broker's account (技术经纪人, role brokerUser), bound to the broker's own listing: it edits it.
 * An administrator opens either from the market's pages. Deleting an institute or a broker deactivates its accounts
 * (the triggers of migration 0017).
 */
import { boundIdOf, registerBoundKind, type BoundRecord, type Scope } from '@kechuang/platform-server';

export const INSTITUTE_KIND = 'institute';
export const BROKER_KIND = 'broker';

/** the institute an institute's account works for; null for any other scope */
export const ownInstituteOf = (scope: Scope): number | null => boundIdOf(scope, INSTITUTE_KIND);
/** the broker a broker's account is; null for any other scope */
export const ownBrokerOf = (scope: Scope): number | null => boundIdOf(scope, BROKER_KIND);

registerBoundKind({
  kind: INSTITUTE_KIND,
  role: 'institutionUser',
  label: { zh: '机构', en: 'Institute' },
  roleLabel: '机构用户',
  opensFrom: '请在“科技大市场 › 机构”页该机构的行上开通账号',
  findRecords: async (db, ids) => {
    const rows = await db.query<BoundRecord>('select id::int as id, name, region_code as "regionCode" from institutes where id = any($1::bigint[])', [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  },
});

registerBoundKind({
  kind: BROKER_KIND,
  role: 'brokerUser',
  label: { zh: '技术经纪人', en: 'Technology broker' },
  roleLabel: '技术经纪人',
  opensFrom: '请在该技术经纪人的挂牌详情页开通账号',
  findRecords: async (db, ids) => {
    const rows = await db.query<BoundRecord>('select id::int as id, name, region_code as "regionCode" from brokers where id = any($1::bigint[])', [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  },
});
