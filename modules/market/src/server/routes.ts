/**
 * The technology market's listings (科技大市场, issue 11 item 1), one set of routes per kind under /api/market/<kind>:
 * - every signed-in user searches and lists (published listings; its own of any status; the bureau everything in
 *   its jurisdiction; a town officer or a leader its region's listings but drafts), with filters and a search text
 *   ranked by the matching engine from the database's term index;
 * - owners create and edit their own listings (an enterprise's account its enterprise's demands, an institute's
 *   account its institute's achievements and experts, a broker's account its own listing; the bureau any, and alone
 *   the brokers and providers) and submit them for review;
 * - the bureau approves, returns with a reason or takes down with a reason;
 * - a listing's matches: a demand's achievements, experts and providers, anything else's demands.
 * Every write is one transaction with its audit row and its listing_history row, and bumps the `market` data version.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZBoundAccountCreate, ZUser } from '@kechuang/platform-core';
import {
  ADMIN_ROLES,
  BUREAU_ROLES,
  actorOf,
  assertRegionInScope,
  audit,
  boundKindNamed,
  bumpVersion,
  createUser,
  isInScope,
  type Actor,
  type AppContext,
  type Db,
} from '@kechuang/platform-server';
import { z } from 'zod';
import {
  KIND_PATHS,
  LISTING_KINDS,
  QUERY_MAX,
  QUERY_MIN,
  ZId,
  ZInstitute,
  ZInstituteCreate,
  ZListingDetail,
  ZListingPage,
  ZListingPatch,
  ZListingSearch,
  ZListingWrite,
  ZMarketMe,
  ZMatches,
  ZQueue,
  ZReason,
  type Listing,
  type ListingPatch,
  type ListingStatus,
  type ListingWrite,
  type MarketMe,
} from '../contract/market.ts';
import { getInstitute, insertInstitute, instituteNamed, listInstitutes } from '../db/institutes.ts';
import {
  KINDS,
  addHistory,
  duplicateOf,
  historyOf,
  insertListing,
  listPage,
  listingsByIds,
  pendingListings,
  searchWhere,
  setStatus,
  updateListing,
  visibleListing,
  type KindSpec,
  type ListingValues,
  type Viewer,
} from '../db/listings.ts';
import { BROKER_KIND, INSTITUTE_KIND } from './bound-kind.ts';
import { marketError } from './errors.ts';
import { queryText, readingOf } from './reading.ts';
import { counterpartsOf, ranked, storedValues } from './matching.ts';
import { pushMatches } from './push.ts';
import { followUpRoutes } from './follow-up-routes.ts';
import { eventRoutes } from './event-routes.ts';
import { overviewRoutes } from './overview-routes.ts';
import { listingExportRoutes } from './export-listings.ts';
import { BUREAU, MARKET_ROOM, tags } from './room.ts';

const SIGNED_IN = 'signedIn' as const;
/** who writes listings: the accounts that own some (an enterprise's, an institute's, a broker's) and the bureau; the handlers check whose */
const LISTERS = { roles: [...BUREAU_ROLES, 'enterpriseUser', 'institutionUser', 'brokerUser'] as const };
/** a listing's matches: this many of each kind */
const MATCH_TOP = 10;
/** a ranked search pages through at most this many results */
const RANKED_MAX = 1000;

const isBureau = (actor: Actor): boolean => actor.scope.kind === 'region' && BUREAU_ROLES.includes(actor.role);

export function viewerOf(actor: Actor): Viewer {
  const s = actor.scope;
  if (s.kind === 'bound') return { bureau: false, path: null, bound: { kind: s.boundKind, id: s.boundId } };
  return { bureau: isBureau(actor), path: s.path, bound: null };
}

const kindParams = (spec: KindSpec) => ({ kindZh: spec.label.zh, kindEn: spec.label.en });
const notFound = (spec: KindSpec, id: number) => marketError('MKT_NOT_FOUND', { params: kindParams(spec), details: { field: 'id', value: id } });

/** whether the actor's account is the listing's owner (an enterprise's, an institute's, a broker's) */
function owns(actor: Actor, l: Listing): boolean {
  const s = actor.scope;
  if (s.kind !== 'bound' || s.boundId === null || l.owner.id !== s.boundId) return false;
  return (
    (l.owner.kind === 'enterprise' && s.boundKind === 'enterprise') ||
    (l.owner.kind === 'institute' && s.boundKind === INSTITUTE_KIND) ||
    (l.owner.kind === 'broker' && s.boundKind === BROKER_KIND)
  );
}

/** the bureau within its jurisdiction (the listing is visible to it), or the owner */
const mayEdit = (actor: Actor, l: Listing): boolean => isBureau(actor) || owns(actor, l);

async function visible(db: Db, actor: Actor, spec: KindSpec, id: number): Promise<Listing> {
  const l = await visibleListing(db, spec, viewerOf(actor), id);
  if (!l) throw notFound(spec, id);
  return l;
}

/** an amount in 万元, 元 or 面议 → 万元 and whether negotiable; an unknown unit is refused naming the field */
function parseAmount(amount: number | null | undefined, unit: string, field: string): { amount: number | null; negotiable: boolean } {
  const u = unit.trim();
  if (u === '面议') return { amount: null, negotiable: true };
  if (u !== '万元' && u !== '元') throw marketError('MKT_PRICE_UNIT', { params: { unit: u }, details: { field: `${field}.unit`, value: u } });
  if (amount === null || amount === undefined) return { amount: null, negotiable: false };
  return { amount: u === '元' ? amount / 10_000 : amount, negotiable: false };
}

/** the kind's own values from a write (undefined: left as `base` has them, or empty for a new listing) */
function ownValues(spec: KindSpec, b: ListingPatch, base: ListingValues | null): Record<string, unknown> {
  const pick = <T>(v: T | undefined, key: string, empty: unknown): unknown => (v !== undefined ? v : base ? base[key] : empty);
  switch (spec.kind) {
    case 'achievement': {
      const out: Record<string, unknown> = { trl: pick(b.trl, 'trl', null), ip: pick(b.ip, 'ip', ''), modes: pick(b.modes, 'modes', []) };
      if (b.price !== undefined) {
        const p = b.price === null ? { amount: null, negotiable: false } : parseAmount(b.price.amount, b.price.unit, 'price');
        if (b.price !== null && !p.negotiable && p.amount === null) throw marketError('MKT_AMOUNT_MISSING', { details: { field: 'price.amount' } });
        out.price = p.amount;
        out.priceNegotiable = p.negotiable;
      } else {
        out.price = base?.price ?? null;
        out.priceNegotiable = base?.priceNegotiable ?? false;
      }
      return out;
    }
    case 'demand': {
      const out: Record<string, unknown> = { deadline: pick(b.deadline, 'deadline', null) };
      if (b.budget !== undefined) {
        const lo = b.budget === null ? { amount: null } : parseAmount(b.budget.min, b.budget.unit, 'budget');
        const hi = b.budget === null ? { amount: null, negotiable: true } : parseAmount(b.budget.max, b.budget.unit, 'budget');
        if (b.budget !== null && !hi.negotiable && lo.amount === null && hi.amount === null)
          throw marketError('MKT_AMOUNT_MISSING', { details: { field: 'budget.min' } });
        if (lo.amount !== null && hi.amount !== null && hi.amount < lo.amount)
          throw marketError('MKT_BUDGET_REVERSED', { details: { field: 'budget.max', value: b.budget?.max } });
        out.budgetMin = lo.amount;
        out.budgetMax = hi.amount;
      } else {
        out.budgetMin = base?.budgetMin ?? null;
        out.budgetMax = base?.budgetMax ?? null;
      }
      return out;
    }
    case 'expert':
      return { proTitle: pick(b.proTitle, 'proTitle', ''), affiliation: pick(b.affiliation, 'affiliation', '') };
    case 'broker': {
      const out = {
        organisation: pick(b.organisation, 'organisation', ''),
        certificateKind: pick(b.certificateKind, 'certificateKind', undefined),
        certificateNo: pick(b.certificateNo, 'certificateNo', undefined),
      };
      if (!out.certificateKind)
        throw marketError('MKT_FIELD_REQUIRED', { params: { labelZh: '证书类型', labelEn: 'certificate kind' }, details: { field: 'certificateKind' } });
      if (!out.certificateNo)
        throw marketError('MKT_FIELD_REQUIRED', { params: { labelZh: '证书编号', labelEn: 'certificate number' }, details: { field: 'certificateNo' } });
      return out;
    }
    case 'provider': {
      const out = { providerKind: pick(b.providerKind, 'providerKind', undefined), uscc: pick(b.uscc, 'uscc', null) };
      if (!out.providerKind)
        throw marketError('MKT_FIELD_REQUIRED', { params: { labelZh: '服务类型', labelEn: 'kind of service' }, details: { field: 'providerKind' } });
      return out;
    }
  }
}

function valuesOf(spec: KindSpec, b: ListingPatch, base: ListingValues | null): ListingValues {
  const common = <T>(v: T | undefined, key: keyof ListingValues & string, empty: T): T => (v !== undefined ? v : base ? (base[key] as T) : empty);
  return {
    title: common(b.title, 'title', ''),
    text: common(b.text, 'text', ''),
    keywords: spec.kind === 'demand' ? [] : common(b.keywords, 'keywords', [] as string[]),
    field: common(b.field, 'field', null as string | null),
    chainTags: common(b.chainTags, 'chainTags', [] as string[]),
    industryCode: common(b.industryCode, 'industryCode', null as string | null),
    contact: common(b.contact, 'contact', ''),
    ...ownValues(spec, b, base),
  };
}

/** the fields an edit changed: { key: [before, after] } */
function changesOf(before: ListingValues, after: ListingValues): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(after))
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out[k] = [before[k] ?? null, after[k] ?? null];
  return out;
}

/** whom a new listing belongs to, and its region: the actor's own record, or (the bureau) the one the body names */
async function ownerOf(ctx: AppContext, actor: Actor, spec: KindSpec, b: ListingWrite): Promise<{ ownerId: number | null; regionCode: string }> {
  const s = actor.scope;
  const bound = s.kind === 'bound' ? { kind: s.boundKind, id: s.boundId } : null;
  const notOwner = (field: string, value: unknown) => marketError('MKT_NOT_OWNER', { params: kindParams(spec), details: { field, value } });
  const institute = async (id: number | null | undefined, required: boolean): Promise<{ ownerId: number | null; regionCode: string }> => {
    if (bound) {
      if (bound.kind !== INSTITUTE_KIND || bound.id === null) throw notOwner('instituteId', id ?? null);
      if (id !== undefined && id !== null && id !== bound.id) throw notOwner('instituteId', id);
      id = bound.id;
    } else if (!isBureau(actor)) throw notOwner('instituteId', id ?? null);
    if (id === undefined || id === null) {
      if (required) throw marketError('MKT_OWNER_REQUIRED', { params: { ownerZh: '机构', ownerEn: 'institute' }, details: { field: 'instituteId' } });
      return { ownerId: null, regionCode: ctx.homeRegion };
    }
    const i = await getInstitute(ctx.db, id);
    if (!i) throw marketError('MKT_OWNER_UNKNOWN', { params: { ownerZh: '机构', ownerEn: 'institute' }, details: { field: 'instituteId', value: id } });
    if (!bound && !isInScope(actor.scope, { path: i.regionPath })) throw notOwner('instituteId', id);
    return { ownerId: i.id, regionCode: i.regionCode };
  };
  switch (spec.kind) {
    case 'achievement':
      return institute(b.instituteId, true);
    case 'expert':
      return institute(b.instituteId, false);
    case 'demand': {
      let id = b.enterpriseId;
      if (bound) {
        if (bound.kind !== 'enterprise' || bound.id === null) throw notOwner('enterpriseId', id ?? null);
        if (id !== undefined && id !== bound.id) throw notOwner('enterpriseId', id);
        id = bound.id;
      } else if (!isBureau(actor)) throw notOwner('enterpriseId', id ?? null);
      if (id === undefined) throw marketError('MKT_OWNER_REQUIRED', { params: { ownerZh: '企业', ownerEn: 'enterprise' }, details: { field: 'enterpriseId' } });
      const e = (await boundKindNamed('enterprise')?.findRecords(ctx.db, [id]))?.get(id);
      if (!e || !e.regionCode)
        throw marketError('MKT_OWNER_UNKNOWN', { params: { ownerZh: '企业', ownerEn: 'enterprise' }, details: { field: 'enterpriseId', value: id } });
      if (!bound) await assertRegionInScope(ctx.db, actor.scope, e.regionCode);
      return { ownerId: id, regionCode: e.regionCode };
    }
    case 'broker':
    case 'provider':
      if (!isBureau(actor)) throw marketError('MKT_BUREAU_ONLY');
      return { ownerId: null, regionCode: ctx.homeRegion };
  }
}

function checkQuery(q: string): string {
  const t = q.trim();
  if ([...t].length < QUERY_MIN) throw marketError('MKT_QUERY_TOO_SHORT', { params: { min: QUERY_MIN }, details: { field: 'q', value: q } });
  if ([...t].length > QUERY_MAX)
    throw marketError('MKT_QUERY_TOO_LONG', { params: { max: QUERY_MAX, length: [...t].length }, details: { field: 'q', length: [...t].length } });
  return t;
}

async function detail(db: Db, actor: Actor, spec: KindSpec, id: number) {
  const l = await visible(db, actor, spec, id);
  const edit = mayEdit(actor, l);
  return {
    ...l,
    history: await historyOf(db, spec.kind, id),
    canEdit: edit,
    canSubmit: edit && (l.status === 'draft' || l.status === 'returned' || l.status === 'takenDown'),
    canModerate: isBureau(actor),
  };
}

/** a status change: who may, from which statuses, to which, with a reason or not */
interface Move {
  action: 'submit' | 'approve' | 'return' | 'takeDown';
  path: string;
  from: ListingStatus[];
  to: ListingStatus;
  bureauOnly: boolean;
  reason: boolean;
  summary: string;
}

const MOVES: Move[] = [
  {
    action: 'submit',
    path: 'submit',
    from: ['draft', 'returned', 'takenDown'],
    to: 'pending',
    bureauOnly: false,
    reason: false,
    summary: '提交审核 Submit for review (the owner or the bureau)',
  },
  {
    action: 'approve',
    path: 'approve',
    from: ['pending'],
    to: 'published',
    bureauOnly: true,
    reason: false,
    summary: '审核通过 Approve and publish (the bureau)',
  },
  {
    action: 'return',
    path: 'return',
    from: ['pending'],
    to: 'returned',
    bureauOnly: true,
    reason: true,
    summary: '退回 Return to the owner with a reason (the bureau)',
  },
  {
    action: 'takeDown',
    path: 'take-down',
    from: ['published'],
    to: 'takenDown',
    bureauOnly: true,
    reason: true,
    summary: '下架 Take down with a reason (the bureau)',
  },
];

function kindRoutes(app: FastifyInstance, ctx: AppContext, spec: KindSpec): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/market/${KIND_PATHS[spec.kind]}`;
  const name = `${spec.label.zh} ${spec.label.en}`;

  r.post(`${base}/search`, {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: `${name}: list and search (filters; a text of 2–${QUERY_MAX} characters ranks by the matching engine, each with its score and reasons)`,
      body: ZListingSearch,
      response: { 200: ZListingPage },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const { q, page, pageSize, mine, ...filters } = req.body;
      const where = searchWhere(spec, viewerOf(actor), {
        ...filters,
        mine: mine ? { userId: actor.id, bound: actor.scope.kind === 'bound' ? { kind: actor.scope.boundKind, id: actor.scope.boundId } : null } : undefined,
      });
      if (q === undefined) {
        const { items, total } = await listPage(ctx.db, spec, where, page, pageSize);
        return { items, total, page, pageSize, ranked: false };
      }
      const text = queryText(checkQuery(q));
      const { matches, total } = await ranked(ctx.db, spec, where, text, Math.min(page * pageSize, RANKED_MAX));
      const slice = matches.slice((page - 1) * pageSize, page * pageSize);
      const byId = new Map(slice.map((m) => [Number(m.id), m]));
      const items = (await listingsByIds(ctx.db, spec, [...byId.keys()])).map((l) => ({
        ...l,
        score: byId.get(l.id)!.score,
        reasons: byId.get(l.id)!.reasons,
      }));
      return { items, total: Math.min(total, RANKED_MAX), page, pageSize, ranked: true };
    },
  });

  r.get(`${base}/:id`, {
    config: { access: SIGNED_IN },
    schema: { tags, summary: `${name}: one listing with its history and what the user may do with it`, params: ZId, response: { 200: ZListingDetail } },
    handler: async (req) => detail(ctx.db, actorOf(req), spec, req.params.id),
  });

  r.post(base, {
    config: { access: LISTERS },
    schema: {
      tags,
      summary: `${name}: create a draft (the owner's own, or the bureau's for any owner)`,
      body: ZListingWrite,
      response: { 200: ZListingDetail },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const { ownerId, regionCode } = await ownerOf(ctx, actor, spec, req.body);
      const values = valuesOf(spec, req.body, null);
      const id = await ctx.db.transaction(async (tx) => {
        if (await duplicateOf(tx, spec, ownerId, values.title))
          throw marketError('MKT_DUPLICATE', { params: { ...kindParams(spec), title: values.title }, details: { field: 'title', value: values.title } });
        const id = await insertListing(tx, spec, values, { ownerId, regionCode, createdBy: actor.id }, readingOf(spec.kind, values));
        await addHistory(tx, { kind: spec.kind, id, action: 'create', from: null, to: 'draft', actorId: actor.id });
        await audit(tx, actor, { action: `market.${spec.kind}.create`, entity: spec.kind, entityId: id, regionCode, after: values });
        await bumpVersion(tx, MARKET_ROOM);
        return id;
      });
      return detail(ctx.db, actor, spec, id);
    },
  });

  r.patch(`${base}/:id`, {
    config: { access: LISTERS },
    schema: {
      tags,
      summary: `${name}: edit (the owner or the bureau); the owner's edit of a pending or published listing makes it a draft again`,
      params: ZId,
      body: ZListingPatch,
      response: { 200: ZListingDetail },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const l = await visible(ctx.db, actor, spec, req.params.id);
      if (!mayEdit(actor, l)) throw marketError('MKT_NOT_OWNER', { params: kindParams(spec), details: { field: 'id', value: l.id } });
      const before = storedValues(spec, l);
      const after = valuesOf(spec, req.body, before);
      const changes = changesOf(before, after);
      const status: ListingStatus = !isBureau(actor) && (l.status === 'pending' || l.status === 'published') ? 'draft' : l.status;
      await ctx.db.transaction(async (tx) => {
        if (after.title !== before.title && (await duplicateOf(tx, spec, l.owner.kind === 'bureau' ? null : l.owner.id, after.title, l.id)))
          throw marketError('MKT_DUPLICATE', { params: { ...kindParams(spec), title: after.title }, details: { field: 'title', value: after.title } });
        await updateListing(tx, spec, l.id, after, readingOf(spec.kind, after), status);
        await addHistory(tx, { kind: spec.kind, id: l.id, action: 'update', from: l.status, to: status, changes, actorId: actor.id });
        await audit(tx, actor, {
          action: `market.${spec.kind}.update`,
          entity: spec.kind,
          entityId: l.id,
          regionCode: l.regionCode,
          before: { ...Object.fromEntries(Object.entries(changes).map(([k, [b]]) => [k, b])), status: l.status },
          after: { ...Object.fromEntries(Object.entries(changes).map(([k, [, a]]) => [k, a])), status },
        });
        await bumpVersion(tx, MARKET_ROOM);
        // a published listing changed by the bureau: its counterparts are pushed again (the same pairs update their notifications)
        if (status === 'published' && Object.keys(changes).length > 0) await pushMatches(tx, spec, (await listingsByIds(tx, spec, [l.id]))[0]);
      });
      return detail(ctx.db, actor, spec, l.id);
    },
  });

  for (const move of MOVES) {
    r.post(`${base}/:id/${move.path}`, {
      config: { access: move.bureauOnly ? BUREAU : LISTERS },
      schema: { tags, summary: `${name}: ${move.summary}`, params: ZId, body: ZReason.optional(), response: { 200: ZListingDetail } },
      handler: async (req) => {
        const actor = actorOf(req);
        const l = await visible(ctx.db, actor, spec, req.params.id);
        if (!move.bureauOnly && !mayEdit(actor, l)) throw marketError('MKT_NOT_OWNER', { params: kindParams(spec), details: { field: 'id', value: l.id } });
        if (move.bureauOnly && !isBureau(actor)) throw marketError('MKT_BUREAU_ONLY');
        const reason = req.body?.reason?.trim() || null;
        if (move.reason && !reason) throw marketError('MKT_REASON_REQUIRED', { details: { field: 'reason' } });
        if (!move.from.includes(l.status)) throw marketError('MKT_STATUS', { params: kindParams(spec), details: { field: 'status', value: l.status } });
        await ctx.db.transaction(async (tx) => {
          await setStatus(tx, spec, l.id, move.to, move.reason ? reason : null);
          await addHistory(tx, { kind: spec.kind, id: l.id, action: move.action, from: l.status, to: move.to, reason, actorId: actor.id });
          await audit(tx, actor, {
            action: `market.${spec.kind}.${move.action}`,
            entity: spec.kind,
            entityId: l.id,
            regionCode: l.regionCode,
            before: { status: l.status },
            after: { status: move.to, reason },
          });
          await bumpVersion(tx, MARKET_ROOM);
          // published: its counterparts above the threshold are kept and told (push.ts)
          if (move.to === 'published') await pushMatches(tx, spec, l);
        });
        return detail(ctx.db, actor, spec, l.id);
      },
    });
  }

  r.get(`${base}/:id/matches`, {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: `${name}: its best published counterparts with score and reasons (a demand's achievements, experts and providers; anything else's demands)`,
      params: ZId,
      response: { 200: ZMatches },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const l = await visible(ctx.db, actor, spec, req.params.id);
      const groups = await counterpartsOf(ctx.db, spec, l, MATCH_TOP);
      return { groups: groups.map((g) => ({ kind: g.kind, items: g.items.map(({ listing: _l, ...item }) => item) })) };
    },
  });

  if (spec.kind === 'broker') {
    r.post(`${base}/:id/accounts`, {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        tags,
        summary: '为经纪人开通账号 Create a login for a broker to keep its own listing (role brokerUser)',
        params: ZId,
        body: ZBoundAccountCreate,
        response: { 200: ZUser },
      },
      handler: async (req) => {
        const actor = actorOf(req);
        const l = await visible(ctx.db, actor, spec, req.params.id);
        return createUser(ctx.db, actor, {
          ...req.body,
          displayName: req.body.displayName || l.title,
          role: 'brokerUser',
          regionCode: l.regionCode,
          boundId: l.id,
        });
      },
    });
  }
}

async function meOf(db: Db, actor: Actor): Promise<MarketMe> {
  if (isBureau(actor)) return { owner: null, moderator: true, creates: [...LISTING_KINDS] };
  const s = actor.scope;
  if (s.kind !== 'bound' || s.boundId === null) return { owner: null, moderator: false, creates: [] };
  const record = (await boundKindNamed(s.boundKind)?.findRecords(db, [s.boundId]))?.get(s.boundId);
  const name = record?.name ?? '';
  if (s.boundKind === INSTITUTE_KIND) return { owner: { kind: 'institute', id: s.boundId, name }, moderator: false, creates: ['achievement', 'expert'] };
  if (s.boundKind === 'enterprise') return { owner: { kind: 'enterprise', id: s.boundId, name }, moderator: false, creates: ['demand'] };
  if (s.boundKind === BROKER_KIND) return { owner: { kind: 'broker', id: s.boundId, name }, moderator: false, creates: [] };
  return { owner: null, moderator: false, creates: [] };
}

export function marketRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // pushed matches, feedback, brokers' leads and the follow-up figures
  followUpRoutes(app, ctx);
  eventRoutes(app, ctx);
  overviewRoutes(app, ctx);
  listingExportRoutes(app, ctx);

  r.get('/api/market/me', {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '技术市场 What the user is in the market: whose listings it writes, whether it moderates', response: { 200: ZMarketMe } },
    handler: async (req) => meOf(ctx.db, actorOf(req)),
  });

  r.get('/api/market/moderation', {
    config: { access: BUREAU },
    schema: { tags, summary: '审核队列 The listings waiting for review in the jurisdiction, oldest first', response: { 200: ZQueue } },
    handler: async (req) => {
      const actor = actorOf(req);
      if (actor.scope.kind !== 'region') throw marketError('MKT_BUREAU_ONLY');
      const pending = await pendingListings(ctx.db, actor.scope.path);
      const items = [];
      for (const kind of LISTING_KINDS) {
        const mine = pending.filter((p) => p.kind === kind);
        const listings = new Map(
          (
            await listingsByIds(
              ctx.db,
              KINDS[kind],
              mine.map((p) => p.id),
            )
          ).map((l) => [l.id, l]),
        );
        for (const p of mine) {
          const l = listings.get(p.id);
          if (l) items.push({ ...p, title: l.title, ownerName: l.owner.name });
        }
      }
      return { items: items.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)) };
    },
  });

  r.get('/api/market/institutes', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: '机构 Institutes (the owners of achievements): the jurisdiction’s for region users, all for others',
      response: { 200: z.object({ items: z.array(ZInstitute) }) },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      return { items: await listInstitutes(ctx.db, actor.scope.kind === 'region' ? actor.scope.path : null) };
    },
  });

  r.post('/api/market/institutes', {
    config: { access: BUREAU },
    schema: { tags, summary: '新增机构 Register an institute (its region within the jurisdiction)', body: ZInstituteCreate, response: { 200: ZInstitute } },
    handler: async (req) => {
      const actor = actorOf(req);
      await assertRegionInScope(ctx.db, actor.scope, req.body.regionCode);
      const id = await ctx.db.transaction(async (tx) => {
        if ((await instituteNamed(tx, req.body.name)) !== null)
          throw marketError('MKT_INSTITUTE_TAKEN', { params: { name: req.body.name }, details: { field: 'name', value: req.body.name } });
        const id = await insertInstitute(tx, req.body);
        await audit(tx, actor, { action: 'market.institute.create', entity: 'institute', entityId: id, regionCode: req.body.regionCode, after: req.body });
        await bumpVersion(tx, MARKET_ROOM);
        return id;
      });
      const { regionPath: _p, ...institute } = (await getInstitute(ctx.db, id))!;
      return institute;
    },
  });

  r.post('/api/market/institutes/:id/accounts', {
    config: { access: { roles: ADMIN_ROLES } },
    schema: {
      tags,
      summary: '为机构开通账号 Create a login for an institute to list its achievements and experts (role institutionUser)',
      params: ZId,
      body: ZBoundAccountCreate,
      response: { 200: ZUser },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const i = await getInstitute(ctx.db, req.params.id);
      if (!i || !isInScope(actor.scope, { path: i.regionPath }))
        throw marketError('MKT_INSTITUTE_NOT_FOUND', { details: { field: 'id', value: req.params.id } });
      return createUser(ctx.db, actor, {
        ...req.body,
        displayName: req.body.displayName || i.name,
        role: 'institutionUser',
        regionCode: i.regionCode,
        boundId: i.id,
      });
    },
  });

  for (const kind of LISTING_KINDS) kindRoutes(app, ctx, KINDS[kind]);
}
