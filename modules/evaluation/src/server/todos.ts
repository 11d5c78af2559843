/**
 * The evaluation centre's kinds of waiting work for the to-do inbox (待办):
 * - bureau: carriers that have not reported all of last year's figures for their performance review
 *   (载体未报齐), and computed runs of a preset not yet published for their period (待发布名单);
 * - leader: lists published in the last 30 days (新发布名单), to read;
 * - a carrier's account: its own figures of last year still missing (本载体待填报).
 */
import { BUREAU_ROLES, bureauYear } from '@kechuang/platform-core';
import type { Db, TodoSource } from '@kechuang/platform-server';
import { getCarrier, listCarriers } from '../db/carrier-figures.ts';
import { ownCarrierOf } from './carrier-kind.ts';
import { REVIEW_INDICATORS, reviewOf } from '../presets/performance-review.ts';
import type { CarrierKind } from '../contract/carriers.ts';

/** the performance review reports on the last complete year */
const reviewYear = () => bureauYear() - 1;
const required = (kind: CarrierKind) => REVIEW_INDICATORS[reviewOf(kind)].length;

async function unreported(db: Db, pathPrefix: string, year: number) {
  const carriers = await listCarriers(db, pathPrefix, undefined, year);
  return carriers.filter((c) => c.reported < required(c.kind)).map((c) => ({ ...c, missing: required(c.kind) - c.reported }));
}

export const evaluationTodos: TodoSource[] = [
  {
    kind: 'carriersUnreported',
    roles: BUREAU_ROLES,
    async collect(db, actor, { limit }) {
      if (actor.scope.kind !== 'region') return null;
      const year = reviewYear();
      const missing = await unreported(db, actor.scope.path, year);
      return {
        count: missing.length,
        link: `/evaluation/reviews?year=${year}`,
        items: missing.slice(0, limit).map((c) => ({
          title: c.name,
          facts: { year, missing: c.missing, required: required(c.kind) },
          link: `/evaluation/reviews?review=${reviewOf(c.kind)}&year=${year}`,
          at: null,
        })),
      };
    },
  },
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
      return { count: rows[0]?.total ?? 0, link: '/evaluation/runs', items: rows.map((r) => ({ title: r.name, facts: { id: r.id }, link: `/evaluation/runs/${r.id}`, at: r.at })) };
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
      return { count: rows[0]?.total ?? 0, link: '/evaluation/top-list', items: rows.map((r) => ({ title: r.name, facts: {}, link: '/evaluation/top-list', at: r.at })) };
    },
  },
  {
    kind: 'myCarrierMissing',
    roles: ['carrierUser'],
    async collect(db, actor, { limit: _limit }) {
      const own = ownCarrierOf(actor.scope);
      if (!own) return null;
      const carrier = await getCarrier(db, own);
      if (!carrier) return null;
      const year = reviewYear();
      const [left] = await unreported(db, carrier.regionPath, year).then((all) => all.filter((c) => c.id === carrier.id));
      if (!left) return null;
      return { count: 1, link: '/my-carrier', items: [{ title: carrier.name, facts: { year, missing: left.missing, required: required(carrier.kind) }, link: '/my-carrier', at: null }] };
    },
  },
];
