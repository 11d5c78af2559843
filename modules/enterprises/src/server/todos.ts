/**
 * The registry's kinds of waiting work for the to-do inbox (待办): enterprises' own figures waiting for the
 * bureau's confirmation (自报待确认), and HNTE certificates ending within three months with no successor
 * (高企证书即将到期) — each within the user's jurisdiction, each item linked to the enterprise's profile —
 * and the user's own refused registry imports.
 */
import { BUREAU_ROLES } from '@kechuang/platform-core';
import { refusedImportsTodo, type TodoSource } from '@kechuang/platform-server';
import { RUN_KINDS } from './import-lookups.ts';
import { findWorkList } from './work-lists.ts';

const REGION_ROLES = [...BUREAU_ROLES, 'townOfficer'] as const;
/** certificates ending within this many months are listed */
export const EXPIRING_MONTHS = 3;

export const enterpriseTodos: TodoSource[] = [
  {
    kind: 'selfReports',
    roles: REGION_ROLES,
    async collect(db, actor, { limit }) {
      if (actor.scope.kind !== 'region') return null;
      const rows = await db.query<{ id: number; name: string; year: number; at: string; total: number }>(
        `select e.id::int as id, e.name, y.year, y.updated_at::text as at, count(*) over ()::int as total
           from enterprise_years y join enterprises e on e.id = y.enterprise_id join regions r on r.code = e.region_code
          where not y.confirmed and r.path like $1
          order by y.updated_at, e.id, y.year limit $2`,
        [`${actor.scope.path}%`, limit],
      );
      return {
        count: rows[0]?.total ?? 0,
        link: '/enterprises',
        items: rows.map((r) => ({ title: r.name, facts: { year: r.year }, link: `/enterprises/${r.id}`, at: r.at })),
      };
    },
  },
  {
    kind: 'hnteExpiring',
    roles: REGION_ROLES,
    async collect(db, actor, { today, limit }) {
      const { items, total } = await findWorkList(db, actor.scope, 'hnteExpiring', { page: 1, pageSize: limit, months: EXPIRING_MONTHS }, today);
      return {
        count: total,
        link: '/worklists?list=hnteExpiring',
        items: items.map((i) => ({
          title: i.name,
          facts: { validUntil: typeof i.detail.validUntil === 'string' ? i.detail.validUntil : '', daysLeft: Number(i.detail.daysLeft ?? 0) },
          link: `/enterprises/${i.id}`,
          at: null,
        })),
      };
    },
  },
  refusedImportsTodo('registryImportsRefused', Object.values(RUN_KINDS), '/enterprise-import', REGION_ROLES),
];
