/**
 * The carriers' kinds of waiting work for the to-do inbox (待办), about last year's figures of the performance review:
 * - bureau: carriers that have not reported all of them (载体未报齐), linking to 绩效评价;
 * - a carrier's account: its own figures still missing (本载体待填报).
 */
import { BUREAU_ROLES, bureauYear } from '@kechuang/platform-core';
import type { Db, TodoSource } from '@kechuang/platform-server';
import { getCarrier, listCarriers } from '../db/carrier-figures.ts';
import { REVIEW_INDICATORS, reviewOf, type CarrierKind } from '../domain/index.ts';
import { ownCarrierOf } from './bound-kind.ts';

/** the performance review reports on the last complete year */
const reviewYear = () => bureauYear() - 1;
const required = (kind: CarrierKind) => REVIEW_INDICATORS[reviewOf(kind)].length;

async function unreported(db: Db, pathPrefix: string, year: number) {
  const carriers = await listCarriers(db, pathPrefix, undefined, year);
  return carriers.filter((c) => c.reported < required(c.kind)).map((c) => ({ ...c, missing: required(c.kind) - c.reported }));
}

export const carriersUnreported: TodoSource = {
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
};

export const myCarrierMissing: TodoSource = {
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
    return {
      count: 1,
      link: '/my-carrier',
      items: [{ title: carrier.name, facts: { year, missing: left.missing, required: required(carrier.kind) }, link: '/my-carrier', at: null }],
    };
  },
};

export const carrierTodos: TodoSource[] = [carriersUnreported, myCarrierMissing];
