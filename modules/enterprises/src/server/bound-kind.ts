/**
 * The enterprise's own account (企业用户, role enterpriseUser): bound to one enterprise, it sees and reports only
 * that enterprise. Registered with the platform when the room's server loads; the account is opened from the
 * enterprise's profile (POST /api/enterprises/:id/accounts). Deleting an enterprise that has an account is
 * refused (the trigger of migration 0015).
 */
import { registerBoundKind, type BoundRecord } from '@kechuang/platform-server';
import { ENTERPRISE_KIND } from '../db/scope.ts';

registerBoundKind({
  kind: ENTERPRISE_KIND,
  role: 'enterpriseUser',
  label: { zh: '企业', en: 'Enterprise' },
  roleLabel: '企业用户',
  opensFrom: '请在该企业的企业画像页开通账号',
  legacyIdField: 'enterpriseId',
  findRecords: async (db, ids) => {
    const rows = await db.query<BoundRecord>('select id, name, region_code as "regionCode" from enterprises where id = any($1::bigint[])', [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  },
});
