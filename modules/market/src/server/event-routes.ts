/**
 * The market's events (issue 11 item 5): matchmaking fairs (对接会), roadshows (路演) and achievement auctions (竞价拍卖).
 * - the bureau creates and edits events in its jurisdiction, attaches published listings (an auction's lots with
 *   their start price in 万元) and moves them on: planned → open for sign-up → held → closed, or cancelled with a reason;
 * - every signed-in user lists the events past planned (a region's users also their subtree's planned ones) and
 *   signs its own account up once while sign-up is open (a second time 409), and may cancel it; the bureau also
 *   signs up a name and contact it typed;
 * - once held, the bureau records the outcomes: contacts made, intentions signed, an auction's final prices
 *   (the premium of a lot is final / start − 1, of the auction its sold lots' sums').
 * Every write is one transaction with its audit row and bumps the `market` data version.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BUREAU_ROLES,
  actorOf,
  assertRegionInScope,
  audit,
  boundKindNamed,
  bumpVersion,
  type Actor,
  type AppContext,
  type Db,
} from '@kechuang/platform-server';
import { ZId } from '../contract/market.ts';
import {
  EDITABLE_STATUSES,
  EVENT_MOVES,
  OUTCOME_STATUSES,
  ZEventDetail,
  ZEventList,
  ZEventListingAdd,
  ZEventMove,
  ZEventPatch,
  ZEventQuery,
  ZEventWrite,
  ZOutcomes,
  ZSignupCreate,
  type EventStatus,
} from '../contract/events.ts';
import {
  attachListing,
  auctionTotalsOf,
  deleteSignup,
  detachListing,
  eventListings,
  eventSignups,
  getEvent,
  insertEvent,
  insertSignup,
  listEvents,
  mySignups,
  nextLotNo,
  publishedListing,
  setEventStatus,
  setLotResult,
  setOutcomes,
  updateEvent,
  type EventRow,
  type EventViewer,
} from '../db/events.ts';
import { KINDS } from '../db/listings.ts';
import { marketError } from './errors.ts';
import { MARKET_ROOM, tags } from './room.ts';

const SIGNED_IN = 'signedIn' as const;
const BUREAU = { roles: BUREAU_ROLES };
/** who signs up (its own account) or cancels: every role that works in the market or a town, not the read-only leader */
const SIGNERS = { roles: [...BUREAU_ROLES, 'townOfficer', 'enterpriseUser', 'institutionUser', 'brokerUser', 'carrierUser'] as const };

const STATUS_LABELS: Record<EventStatus, { zh: string; en: string }> = {
  planned: { zh: '筹备中', en: 'planned' },
  open: { zh: '报名中', en: 'open for sign-up' },
  held: { zh: '已举办', en: 'held' },
  closed: { zh: '已结束', en: 'closed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};
const ACTIONS = {
  edit: { zh: '修改或增减活动项目', en: 'be edited' },
  signUp: { zh: '报名或取消报名', en: 'take sign-ups' },
  outcomes: { zh: '登记成效（须先举办）', en: 'record outcomes before it is held' },
} as const;

const isBureau = (a: Actor): boolean => a.scope.kind === 'region' && BUREAU_ROLES.includes(a.role);
const viewerOf = (a: Actor): EventViewer => (a.scope.kind === 'region' ? { path: a.scope.path } : { all: true });
/** the region's users of the event's region see its sign-ups and contacts */
const seesSignups = (a: Actor, e: EventRow): boolean => a.scope.kind === 'region' && e.regionPath.startsWith(a.scope.path);
const mayManage = (a: Actor, e: EventRow): boolean => isBureau(a) && seesSignups(a, e);

function statusError(e: EventRow, action: keyof typeof ACTIONS, field = 'status') {
  const s = STATUS_LABELS[e.status];
  const act = ACTIONS[action];
  return marketError('MKT_EVENT_STATUS', {
    params: { statusZh: s.zh, statusEn: s.en, actionZh: act.zh, actionEn: act.en },
    details: { field, value: e.status },
  });
}

export function eventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const visibleEvent = async (a: Actor, id: number): Promise<EventRow> => {
    const e = await getEvent(ctx.db, id, viewerOf(a));
    if (!e) throw marketError('MKT_EVENT_NOT_FOUND', { details: { field: 'id', value: id } });
    return e;
  };
  /** an event the actor manages (the bureau, the event in its jurisdiction) */
  const managedEvent = async (a: Actor, id: number): Promise<EventRow> => {
    const e = await visibleEvent(a, id);
    if (!mayManage(a, e)) throw marketError('MKT_BUREAU_ONLY');
    return e;
  };

  const shaped = async (db: Db, a: Actor, rows: EventRow[]) => {
    const ids = rows.map((e) => e.id);
    const mine = await mySignups(db, a.id, ids);
    const auctions = await auctionTotalsOf(
      db,
      rows.filter((e) => e.kind === 'auction').map((e) => e.id),
    );
    return rows.map(({ regionPath: _p, ...e }) => ({ ...e, mySignupId: mine.get(e.id) ?? null, auction: auctions.get(e.id) ?? null }));
  };

  const detail = async (a: Actor, id: number) => {
    const e = (await getEvent(ctx.db, id))!;
    const [event] = await shaped(ctx.db, a, [e]);
    const listings = (await eventListings(ctx.db, [id])).get(id) ?? [];
    const signups = (await eventSignups(ctx.db, id)).filter((s) => seesSignups(a, e) || s.userId === a.id).map(({ userId: _u, ...s }) => s);
    return { ...event, listings, signups, mayManage: mayManage(a, e) };
  };

  const audited = async (a: Actor, e: { id: number; regionCode: string }, action: string, before: unknown, after: unknown, write: (tx: Db) => Promise<void>) =>
    ctx.db.transaction(async (tx) => {
      await write(tx);
      await audit(tx, a, { action: `market.event.${action}`, entity: 'marketEvent', entityId: e.id, regionCode: e.regionCode, before, after });
      await bumpVersion(tx, MARKET_ROOM);
    });

  r.get('/api/market/events', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: '对接活动 Events (fairs, roadshows, auctions) the user may see, newest first; filters by kind, status, year',
      querystring: ZEventQuery,
      response: { 200: ZEventList },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      return { items: await shaped(ctx.db, actor, await listEvents(ctx.db, viewerOf(actor), req.query)) };
    },
  });

  r.get('/api/market/events/:id', {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '活动详情 An event with its listings (lots), sign-ups and outcomes', params: ZId, response: { 200: ZEventDetail } },
    handler: async (req) => {
      const actor = actorOf(req);
      return detail(actor, (await visibleEvent(actor, req.params.id)).id);
    },
  });

  r.post('/api/market/events', {
    config: { access: BUREAU },
    schema: { tags, summary: '新建活动 Create an event (planned) in the jurisdiction', body: ZEventWrite, response: { 201: ZEventDetail } },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      const regionCode = b.regionCode ?? ctx.homeRegion;
      await assertRegionInScope(ctx.db, actor.scope, regionCode);
      const values = { ...b, time: b.time ?? null, onlineLink: b.onlineLink ?? null, regionCode };
      const id = await ctx.db.transaction(async (tx) => {
        const [dup] = await tx.query('select 1 from market_events where title = $1 and event_date = $2', [b.title, b.date]);
        if (dup) throw marketError('MKT_EVENT_DUPLICATE', { params: { title: b.title, date: b.date }, details: { field: 'title', value: b.title } });
        const id = await insertEvent(tx, values, actor.id);
        await audit(tx, actor, { action: 'market.event.create', entity: 'marketEvent', entityId: id, regionCode, after: values });
        await bumpVersion(tx, MARKET_ROOM);
        return id;
      });
      return reply.code(201).send(await detail(actor, id));
    },
  });

  r.patch('/api/market/events/:id', {
    config: { access: BUREAU },
    schema: { tags, summary: '修改活动 Edit an event (before it is held)', params: ZId, body: ZEventPatch, response: { 200: ZEventDetail } },
    handler: async (req) => {
      const actor = actorOf(req);
      const e = await managedEvent(actor, req.params.id);
      if (!EDITABLE_STATUSES.includes(e.status)) throw statusError(e, 'edit');
      if (req.body.regionCode) await assertRegionInScope(ctx.db, actor.scope, req.body.regionCode);
      const title = req.body.title ?? e.title;
      const date = req.body.date ?? e.date;
      const [dup] = await ctx.db.query('select 1 from market_events where title = $1 and event_date = $2 and id <> $3', [title, date, e.id]);
      if (dup) throw marketError('MKT_EVENT_DUPLICATE', { params: { title, date }, details: { field: 'title', value: title } });
      const before = Object.fromEntries(Object.keys(req.body).map((k) => [k, (e as Record<string, unknown>)[k]]));
      await audited(actor, e, 'update', before, req.body, (tx) => updateEvent(tx, e.id, req.body));
      return detail(actor, e.id);
    },
  });

  r.post('/api/market/events/:id/move', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '推进活动 Move an event on: open for sign-up, held, closed, or cancelled (with a reason)',
      params: ZId,
      body: ZEventMove,
      response: { 200: ZEventDetail },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const e = await managedEvent(actor, req.params.id);
      const { status } = req.body;
      const reason = req.body.reason?.trim() || null;
      if (!EVENT_MOVES[e.status].includes(status)) {
        const [from, to] = [STATUS_LABELS[e.status], STATUS_LABELS[status]];
        throw marketError('MKT_EVENT_MOVE', {
          params: { fromZh: from.zh, toZh: to.zh, fromEn: from.en, toEn: to.en },
          details: { field: 'status', value: status },
        });
      }
      if (status === 'cancelled' && !reason) throw marketError('MKT_REASON_REQUIRED', { details: { field: 'reason' } });
      await audited(actor, e, status, { status: e.status }, { status, reason }, (tx) =>
        setEventStatus(tx, e.id, status, status === 'cancelled' ? reason : null),
      );
      return detail(actor, e.id);
    },
  });

  r.post('/api/market/events/:id/listings', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '加入项目 Attach a published listing (at an auction a lot with its start price in 万元)',
      params: ZId,
      body: ZEventListingAdd,
      response: { 201: ZEventDetail },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const e = await managedEvent(actor, req.params.id);
      if (!EDITABLE_STATUSES.includes(e.status)) throw statusError(e, 'edit');
      const { listingKind, listingId } = req.body;
      const spec = KINDS[listingKind];
      const kindParams = { kindZh: spec.label.zh, kindEn: spec.label.en };
      if (!(await publishedListing(ctx.db, listingKind, listingId)))
        throw marketError('MKT_LISTING_UNPUBLISHED', { params: { ...kindParams, id: listingId }, details: { field: 'listingId', value: listingId } });
      const auction = e.kind === 'auction';
      const startPrice = auction ? (req.body.startPrice ?? null) : null;
      if (auction && startPrice === null) throw marketError('MKT_LOT_PRICE_REQUIRED', { details: { field: 'startPrice' } });
      await ctx.db.transaction(async (tx) => {
        const lotNo = auction ? (req.body.lotNo ?? (await nextLotNo(tx, e.id))) : null;
        const entryId = await attachListing(tx, e.id, { listingKind, listingId, lotNo, startPrice });
        if (entryId === null) throw marketError('MKT_LISTING_ATTACHED', { params: kindParams, details: { field: 'listingId', value: listingId } });
        await audit(tx, actor, {
          action: 'market.event.attach',
          entity: 'marketEvent',
          entityId: e.id,
          regionCode: e.regionCode,
          after: { entryId, listingKind, listingId, lotNo, startPrice },
        });
        await bumpVersion(tx, MARKET_ROOM);
      });
      return reply.code(201).send(await detail(actor, e.id));
    },
  });

  r.delete('/api/market/events/:id/listings/:entryId', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '移出项目 Detach a listing (before the event is held)',
      params: ZId.extend({ entryId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
      response: { 200: ZEventDetail },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const e = await managedEvent(actor, req.params.id);
      if (!EDITABLE_STATUSES.includes(e.status)) throw statusError(e, 'edit');
      const { entryId } = req.params;
      await audited(actor, e, 'detach', { entryId }, null, async (tx) => {
        if (!(await detachListing(tx, e.id, entryId)))
          throw marketError('MKT_LOT_NOT_FOUND', { params: { id: entryId }, details: { field: 'entryId', value: entryId } });
      });
      return detail(actor, e.id);
    },
  });

  r.post('/api/market/events/:id/signups', {
    config: { access: SIGNERS },
    schema: {
      tags,
      summary: '报名 Sign the own account up (once), or as the bureau a name and contact typed in',
      params: ZId,
      body: ZSignupCreate,
      response: { 201: ZEventDetail },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const e = await visibleEvent(actor, req.params.id);
      if (e.status !== 'open') throw statusError(e, 'signUp');
      const typed = !!req.body.name && mayManage(actor, e);
      let name = req.body.name ?? '';
      let boundKind: string | null = null;
      let boundId: number | null = null;
      if (!typed) {
        if (actor.scope.kind === 'bound' && actor.scope.boundId !== null) {
          boundKind = actor.scope.boundKind;
          boundId = actor.scope.boundId;
          const record = (await boundKindNamed(boundKind)?.findRecords(ctx.db, [boundId]))?.get(boundId);
          name = record?.name ?? actor.displayName;
        } else name = actor.displayName;
      }
      const contact = req.body.contact ?? '';
      await ctx.db.transaction(async (tx) => {
        const id = await insertSignup(tx, {
          eventId: e.id,
          userId: typed ? null : actor.id,
          boundKind,
          boundId,
          name,
          contact,
          createdBy: actor.id,
        });
        if (id === null) throw marketError('MKT_SIGNED_UP', { details: { field: 'id', value: e.id } });
        await audit(tx, actor, {
          action: 'market.event.signUp',
          entity: 'marketEvent',
          entityId: e.id,
          regionCode: e.regionCode,
          after: { signupId: id, name, contact, boundKind, boundId, typed },
        });
        await bumpVersion(tx, MARKET_ROOM);
      });
      return reply.code(201).send(await detail(actor, e.id));
    },
  });

  r.delete('/api/market/events/:id/signups/:signupId', {
    config: { access: SIGNERS },
    schema: {
      tags,
      summary: '取消报名 Cancel a sign-up: the account its own, the bureau any (while sign-up is open)',
      params: ZId.extend({ signupId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
      response: { 200: ZEventDetail },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const e = await visibleEvent(actor, req.params.id);
      const s = (await eventSignups(ctx.db, e.id)).find((x) => x.id === req.params.signupId);
      if (!s || !(s.userId === actor.id || mayManage(actor, e)))
        throw marketError('MKT_SIGNUP_NOT_FOUND', { details: { field: 'signupId', value: req.params.signupId } });
      if (e.status !== 'open') throw statusError(e, 'signUp');
      await audited(actor, e, 'cancelSignUp', { signupId: s.id, name: s.name }, null, (tx) => deleteSignup(tx, e.id, s.id));
      return detail(actor, e.id);
    },
  });

  r.post('/api/market/events/:id/outcomes', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '登记成效 Record outcomes of a held event: contacts, intentions signed, an auction’s final prices',
      params: ZId,
      body: ZOutcomes,
      response: { 200: ZEventDetail },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const e = await managedEvent(actor, req.params.id);
      if (!OUTCOME_STATUSES.includes(e.status)) throw statusError(e, 'outcomes');
      const b = req.body;
      const lots = (await eventListings(ctx.db, [e.id])).get(e.id) ?? [];
      (b.lots ?? []).forEach((l, i) => {
        const lot = lots.find((x) => x.id === l.entryId);
        if (!lot || lot.startPrice === null)
          throw marketError('MKT_LOT_NOT_FOUND', { params: { id: l.entryId }, details: { field: `lots.${i}.entryId`, value: l.entryId } });
        if (l.sold && l.finalPrice === null) throw marketError('MKT_FINAL_PRICE_REQUIRED', { details: { field: `lots.${i}.finalPrice` } });
      });
      const outcomes = {
        contactsMade: b.contactsMade === undefined ? e.contactsMade : b.contactsMade,
        intentionsSigned: b.intentionsSigned === undefined ? e.intentionsSigned : b.intentionsSigned,
        note: b.note ?? e.outcomeNote,
      };
      const before = {
        contactsMade: e.contactsMade,
        intentionsSigned: e.intentionsSigned,
        note: e.outcomeNote,
        lots: (b.lots ?? []).map((l) => {
          const lot = lots.find((x) => x.id === l.entryId)!;
          return { entryId: l.entryId, finalPrice: lot.finalPrice, sold: lot.sold };
        }),
      };
      await audited(actor, e, 'outcomes', before, { ...outcomes, lots: b.lots ?? [] }, async (tx) => {
        await setOutcomes(tx, e.id, outcomes);
        for (const l of b.lots ?? []) await setLotResult(tx, e.id, l.entryId, l.finalPrice, l.sold);
      });
      return detail(actor, e.id);
    },
  });
}
