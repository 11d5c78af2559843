/**
 * The market's push and follow-up (issue 11 items 3 and 4):
 * - matches the push kept, for whoever may see them: the bureau, a town officer and a leader in their region, an
 *   enterprise's account its demands', an institute's account its listings', a broker's account all (to pick up);
 * - feedback: each side of a match (the demand's enterprise, the counterpart's institute) marks it useful or not;
 * - leads: a broker (or the bureau naming one) follows a match up: contacted → negotiating → signed (naming the
 *   registered technology contract when there is one) or dropped with a reason; every move audited;
 * - the bureau's figures: time from a demand's publication to its first useful match, the share of demands with
 *   a contact within 10 days, leads by stage, feedback by side.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BUREAU_ROLES, actorOf, audit, bumpVersion, type Actor, type AppContext } from '@kechuang/platform-server';
import { bureauToday } from '@kechuang/platform-core';
import { getContract } from '@kechuang/tech-contracts/server';
import { ZId } from '../contract/market.ts';
import {
  LEAD_MOVES,
  ZFeedbackBody,
  ZFollowUpFigures,
  ZFollowUpQuery,
  ZLeadCreate,
  ZLeadDetail,
  ZLeadMove,
  ZLeadQuery,
  ZMarketLead,
  ZMatchPage,
  ZMatchQuery,
  ZMarketMatch,
  type LeadStatus,
} from '../contract/follow-up.ts';
import { KINDS } from '../db/listings.ts';
import {
  followUpFigures,
  getLead,
  getMatch,
  insertLead,
  leadHistory,
  listLeads,
  listMatches,
  moveLead,
  setFeedback,
  type LeadRow,
  type MatchRow,
  type MatchScope,
} from '../db/matches.ts';
import { BROKER_KIND, INSTITUTE_KIND } from './bound-kind.ts';
import { marketError } from './errors.ts';
import { MARKET_ROOM, tags } from './room.ts';

const SIGNED_IN = 'signedIn' as const;
const REGION_READERS = { roles: [...BUREAU_ROLES, 'leader', 'townOfficer'] as const };
/** who rates a match: its two sides' accounts (the handler checks which side) */
const SIDES = { roles: ['enterpriseUser', 'institutionUser'] as const };
/** who takes up and moves leads: a broker's account, or the bureau naming the broker */
const FOLLOWERS = { roles: [...BUREAU_ROLES, 'brokerUser'] as const };

const LEAD_LABELS: Record<LeadStatus, { zh: string; en: string }> = {
  contacted: { zh: '已联系', en: 'contacted' },
  negotiating: { zh: '洽谈中', en: 'negotiating' },
  signed: { zh: '已签约', en: 'signed' },
  dropped: { zh: '已终止', en: 'dropped' },
};

const leadMoveParams = (from: LeadStatus, to: LeadStatus) => ({
  fromZh: LEAD_LABELS[from].zh,
  toZh: LEAD_LABELS[to].zh,
  fromEn: LEAD_LABELS[from].en,
  toEn: LEAD_LABELS[to].en,
});

const isBureau = (a: Actor): boolean => a.scope.kind === 'region' && BUREAU_ROLES.includes(a.role);
const boundTo = (a: Actor, kind: string): number | null => (a.scope.kind === 'bound' && a.scope.boundKind === kind ? a.scope.boundId : null);

/** whose matches the actor sees; null: none */
function matchScopeOf(a: Actor): MatchScope | null {
  if (a.scope.kind === 'region') return { path: a.scope.path };
  const enterpriseId = boundTo(a, 'enterprise');
  if (enterpriseId !== null) return { enterpriseId };
  const instituteId = boundTo(a, INSTITUTE_KIND);
  if (instituteId !== null) return { instituteId };
  if (boundTo(a, BROKER_KIND) !== null) return { all: true };
  return null;
}

function maySeeMatch(a: Actor, m: MatchRow): boolean {
  const scope = matchScopeOf(a);
  if (!scope) return false;
  if ('path' in scope) return m.regionPath.startsWith(scope.path);
  if ('enterpriseId' in scope) return m.enterpriseId === scope.enterpriseId;
  if ('instituteId' in scope) return m.instituteId === scope.instituteId;
  return true;
}

const mayMoveLead = (a: Actor, lead: LeadRow): boolean =>
  (isBureau(a) && a.scope.kind === 'region' && lead.regionPath.startsWith(a.scope.path)) || boundTo(a, BROKER_KIND) === lead.brokerId;

const mayReadLead = (a: Actor, lead: LeadRow): boolean => mayMoveLead(a, lead) || (a.scope.kind === 'region' && lead.regionPath.startsWith(a.scope.path));

const publicMatch = ({ enterpriseId: _e, instituteId: _i, regionPath: _p, ...m }: MatchRow) => m;
const publicLead = ({ regionPath: _p, ...l }: LeadRow) => l;

export function followUpRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const visibleMatch = async (a: Actor, id: number): Promise<MatchRow> => {
    const m = await getMatch(ctx.db, id);
    if (!m || !maySeeMatch(a, m)) throw marketError('MKT_MATCH_NOT_FOUND', { details: { field: 'id', value: id } });
    return m;
  };
  const visibleLead = async (a: Actor, id: number): Promise<LeadRow> => {
    const l = await getLead(ctx.db, id);
    if (!l || !mayReadLead(a, l)) throw marketError('MKT_LEAD_NOT_FOUND', { details: { field: 'id', value: id } });
    return l;
  };
  const leadDetail = async (id: number) => {
    const l = (await getLead(ctx.db, id))!;
    return { ...publicLead(l), history: await leadHistory(ctx.db, id) };
  };

  r.get('/api/market/matches', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: '推送的匹配 Pushed matches the user may see, newest first, with feedback and lead',
      querystring: ZMatchQuery,
      response: { 200: ZMatchPage },
    },
    handler: async (req) => {
      const scope = matchScopeOf(actorOf(req));
      if (!scope) return { items: [], total: 0 };
      const { items, total } = await listMatches(ctx.db, scope, req.query);
      return { items: items.map(publicMatch), total };
    },
  });

  r.post('/api/market/matches/:id/feedback', {
    config: { access: SIDES },
    schema: {
      tags,
      summary: '评价匹配 Mark a match useful or not (the demand’s side or the counterpart’s)',
      params: ZId,
      body: ZFeedbackBody,
      response: { 200: ZMarketMatch },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const m = await visibleMatch(actor, req.params.id);
      const side =
        boundTo(actor, 'enterprise') === m.enterpriseId
          ? 'demand'
          : m.instituteId !== null && boundTo(actor, INSTITUTE_KIND) === m.instituteId
            ? 'counterpart'
            : null;
      if (!side) throw marketError('MKT_NOT_A_SIDE', { details: { field: 'id', value: m.id } });
      await ctx.db.transaction(async (tx) => {
        await setFeedback(tx, m.id, side, req.body.feedback, actor.id);
        await audit(tx, actor, {
          action: 'market.match.feedback',
          entity: 'marketMatch',
          entityId: m.id,
          regionCode: m.regionCode,
          before: { [`${side}Feedback`]: side === 'demand' ? m.demandFeedback : m.counterpartFeedback },
          after: { [`${side}Feedback`]: req.body.feedback },
        });
        await bumpVersion(tx, MARKET_ROOM);
      });
      return publicMatch((await getMatch(ctx.db, m.id))!);
    },
  });

  r.post('/api/market/matches/:id/lead', {
    config: { access: FOLLOWERS },
    schema: {
      tags,
      summary: '跟进匹配 A broker takes a match up (contacted); the bureau names the broker',
      params: ZId,
      body: ZLeadCreate,
      response: { 201: ZLeadDetail },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const m = await visibleMatch(actor, req.params.id);
      const own = boundTo(actor, BROKER_KIND);
      if (own === null && !isBureau(actor)) throw marketError('MKT_NOT_LEAD_BROKER');
      const brokerId = own ?? req.body.brokerId;
      if (!brokerId) throw marketError('MKT_BROKER_REQUIRED', { details: { field: 'brokerId' } });
      const [broker] = await ctx.db.query<{ id: number }>(`select id::int as id from ${KINDS.broker.table} where id = $1 and status = 'published'`, [brokerId]);
      if (!broker) throw marketError('MKT_BROKER_UNKNOWN', { details: { field: 'brokerId', value: brokerId } });
      if (m.leadId !== null) throw marketError('MKT_LEAD_EXISTS', { params: { broker: m.brokerName ?? '' }, details: { field: 'id', value: m.id } });
      const id = await ctx.db.transaction(async (tx) => {
        const leadId = await insertLead(tx, m.id, brokerId, actor.id);
        if (!leadId) throw marketError('MKT_LEAD_EXISTS', { params: { broker: '' }, details: { field: 'id', value: m.id } });
        await audit(tx, actor, {
          action: 'market.lead.create',
          entity: 'marketLead',
          entityId: leadId,
          regionCode: m.regionCode,
          before: null,
          after: { matchId: m.id, brokerId, status: 'contacted' },
        });
        await bumpVersion(tx, MARKET_ROOM);
        return leadId;
      });
      return reply.code(201).send(await leadDetail(id));
    },
  });

  r.get('/api/market/leads', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: '跟进 Leads: a broker’s own, or those of the region',
      querystring: ZLeadQuery,
      response: { 200: z.object({ items: z.array(ZMarketLead) }) },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const brokerId = boundTo(actor, BROKER_KIND);
      const scope = brokerId !== null ? { brokerId } : actor.scope.kind === 'region' ? { path: actor.scope.path } : null;
      return { items: scope ? (await listLeads(ctx.db, scope, req.query.status)).map(publicLead) : [] };
    },
  });

  r.get('/api/market/leads/:id', {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '跟进详情 A lead with its moves', params: ZId, response: { 200: ZLeadDetail } },
    handler: async (req) => leadDetail((await visibleLead(actorOf(req), req.params.id)).id),
  });

  r.post('/api/market/leads/:id/move', {
    config: { access: FOLLOWERS },
    schema: {
      tags,
      summary: '推进跟进 Move a lead on (its broker or the bureau): negotiating, signed (with its contract), dropped (with a reason)',
      params: ZId,
      body: ZLeadMove,
      response: { 200: ZLeadDetail },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const lead = await visibleLead(actor, req.params.id);
      if (!mayMoveLead(actor, lead)) throw marketError('MKT_NOT_LEAD_BROKER');
      const { status, contractId } = req.body;
      const reason = req.body.reason?.trim() || null;
      if (!LEAD_MOVES[lead.status].includes(status)) {
        throw marketError('MKT_LEAD_MOVE', { params: leadMoveParams(lead.status, status), details: { field: 'status', value: status } });
      }
      if (status === 'dropped' && !reason) throw marketError('MKT_REASON_REQUIRED', { details: { field: 'reason' } });
      if (contractId !== undefined) {
        if (status !== 'signed')
          throw marketError('MKT_LEAD_MOVE', { params: leadMoveParams(lead.status, status), details: { field: 'contractId', value: contractId } });
        if (!(await getContract(ctx.db, contractId)))
          throw marketError('MKT_CONTRACT_UNKNOWN', { params: { id: contractId }, details: { field: 'contractId', value: contractId } });
      }
      await ctx.db.transaction(async (tx) => {
        await moveLead(tx, lead, status, reason, contractId ?? null, actor.id);
        await audit(tx, actor, {
          action: `market.lead.${status}`,
          entity: 'marketLead',
          entityId: lead.id,
          regionCode: lead.regionCode,
          before: { status: lead.status },
          after: { status, reason, contractId: contractId ?? null },
        });
        await bumpVersion(tx, MARKET_ROOM);
      });
      return leadDetail(lead.id);
    },
  });

  r.get('/api/market/follow-up', {
    config: { access: REGION_READERS },
    schema: {
      tags,
      summary: '对接成效 Follow-up figures of the region: time to a useful match, contacts within 10 days, leads, feedback',
      querystring: ZFollowUpQuery,
      response: { 200: ZFollowUpFigures },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      if (actor.scope.kind !== 'region') throw marketError('MKT_BUREAU_ONLY');
      const since = req.query.since ?? `${Number(bureauToday().slice(0, 4)) - 1}-01-01`;
      const f = await followUpFigures(ctx.db, actor.scope.path, since);
      return { since, ...f, shareContactedWithin10Days: f.demandsPublished ? f.demandsContactedWithin10Days / f.demandsPublished : null };
    },
  });
}
