/**
 * The evaluation centre's kinds of waiting work for the to-do inbox (待办):
 * - bureau: computed runs of a preset not yet published for their period (待发布名单);
 * - leader: lists published in the last 30 days (新发布名单), to read.
 * The carriers' (载体未报齐, 本载体待填报) are the carriers room's (@kechuang/carriers/server).
 */
import { BUREAU_ROLES } from '@kechuang/platform-core';
import type { TodoSource } from '@kechuang/platform-server';

export const evaluationTodos: TodoSource[] = [
  {
    kind: 'runsToPublish',
    roles: BUREAU_ROLES,
    async collect(db, _actor, { limit }) {
      // a preset's run computed in the last 30 days, with no list of that preset and period published since
      const rows = await db.query<{ id: number; name: string; at: string; total: number }>(
        `select r.id::int as id, r.name, r.computed_at::text as at, count(*) over ()::int as total
           from evaluation_runs r
          where r.status = 'computed' and r.preset is not null and r.computed_at > now() - interval '30 days'
            and not exists (
              select 1 from evaluation_runs p
               where p.status = 'published' and p.preset = r.preset and p.published_at > r.computed_at
                 and coalesce(p.source->>'year', p.source->>'period') is not distinct from coalesce(r.source->>'year', r.source->>'period'))
          order by r.computed_at desc limit $1`,
        [limit],
      );
      return {
        count: rows[0]?.total ?? 0,
        link: '/evaluation/runs',
        items: rows.map((r) => ({ title: r.name, facts: { id: r.id }, link: `/evaluation/runs/${r.id}`, at: r.at })),
      };
    },
  },
  {
    kind: 'listsToRead',
    roles: ['leader'],
    async collect(db, _actor, { limit }) {
      const rows = await db.query<{ id: number; name: string; at: string; total: number }>(
        `select r.id::int as id, r.name, r.published_at::text as at, count(*) over ()::int as total
           from evaluation_runs r where r.status = 'published' and r.published_at > now() - interval '30 days'
          order by r.published_at desc limit $1`,
        [limit],
      );
      return {
        count: rows[0]?.total ?? 0,
        link: '/evaluation/top-list',
        items: rows.map((r) => ({ title: r.name, facts: {}, link: '/evaluation/top-list', at: r.at })),
      };
    },
  },
];
