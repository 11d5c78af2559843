/**
 * Carriers under the performance review (绩效评价): industrial research institutes, incubators and maker spaces,
 * and their yearly figures by indicator code (the codes of domain/review-catalogue.ts).
 * - Bureau roles list, add, edit and delete carriers within their jurisdiction and enter any carrier's figures
 *   (source 'manual'); an administrator opens a carrier's own account (role carrierUser).
 * - A carrier's account reads its carrier (/api/evaluation/my-carrier) and reads and writes that carrier's figures
 *   only (source 'selfReport'); any other carrier is 404 to it, as a carrier outside the jurisdiction is to the bureau.
 * Every write is one transaction with its audit row and bumps the `carriers` data version. The paths stay under
 * /api/evaluation, where the review began. The review itself is the evaluation room's run:
 * POST /api/evaluation/runs with {"source":{"kind":"performanceReview","carrierKind":…,"year":…}}.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, bureauYear, ZBoundAccountCreate, ZUser } from '@kechuang/platform-core';
import {
  ADMIN_ROLES,
  BUREAU_ROLES,
  activeBoundAccounts,
  actorOf,
  assertRegionInScope,
  audit,
  bumpVersion,
  createUser,
  moveBoundAccounts,
  isInScope,
  type Actor,
  type AppContext,
  type Db,
  type Role,
} from '@kechuang/platform-server';
import {
  ZCarrier,
  ZCarrierCreate,
  ZCarrierDeleted,
  ZCarrierFigures,
  ZCarrierList,
  ZCarrierPatch,
  ZCarrierQuery,
  ZFiguresPut,
  ZId,
  ZYearParams,
  type Carrier,
} from '../contract/carriers.ts';
import { figuresOf, getCarrier, listCarriers, writeFigures } from '../db/carrier-figures.ts';
import { COUNT_UNITS, kindsOfReview, REVIEW_GROUPS, REVIEW_INDICATORS, reviewIndicator, reviewOf, type CarrierKind } from '../domain/index.ts';
import { CARRIER_KIND, ownCarrierOf } from './bound-kind.ts';
import { carrierError } from './errors.ts';
import { carrierImportRoutes } from './import-routes.ts';
import { BUREAU, CARRIERS_ROOM, tags } from './room.ts';

const FIGURES_ACCESS = { roles: [...BUREAU_ROLES, 'carrierUser'] as Role[] };

const notFound = (id: number) => carrierError('CAR_NOT_FOUND', { params: { id }, details: { field: 'id', value: id } });

/** The carrier if this user may see it: a bureau user within the jurisdiction, a carrier's account its own carrier. */
async function visibleCarrier(db: Db, actor: Actor, id: number): Promise<Carrier> {
  const c = await getCarrier(db, id);
  const { scope } = actor;
  const visible = c && (scope.kind === 'bound' ? ownCarrierOf(scope) === c.id : isInScope(scope, { path: c.regionPath }));
  if (!c || !visible) throw notFound(id);
  const { regionPath: _path, ...carrier } = c;
  return carrier;
}

async function yearFigures(db: Db, actor: Actor, id: number, year: number) {
  const carrier = await visibleCarrier(db, actor, id);
  const stored = new Map((await figuresOf(db, id, year)).map((f) => [f.indicator, f]));
  const indicators = REVIEW_INDICATORS[reviewOf(carrier.kind)];
  const groupName = new Map(REVIEW_GROUPS[reviewOf(carrier.kind)].map((g) => [g.id, g.name]));
  return {
    carrier,
    year,
    figures: indicators.map((i) => {
      const f = stored.get(i.code);
      return {
        indicator: i.code,
        label: i.label,
        unit: i.unit,
        group: groupName.get(i.group) ?? i.group,
        value: f?.value ?? null,
        source: f?.source ?? null,
        updatedBy: f?.updatedBy ?? null,
        updatedByName: f?.updatedByName ?? null,
        updatedAt: f?.updatedAt ?? null,
      };
    }),
    missing: indicators.filter((i) => !stored.has(i.code)).map((i) => i.code),
  };
}

/** Checks every code against the carrier's review and every value (≥ 0; a percentage ≤ 100), naming the field. */
export function checkFigures(kind: CarrierKind, figures: Record<string, number | null>): void {
  for (const [code, value] of Object.entries(figures)) {
    const field = `figures.${code}`;
    const ind = reviewIndicator(kind, code);
    if (!ind) {
      const known = REVIEW_INDICATORS[reviewOf(kind)].map((i) => i.code);
      throw carrierError('CAR_INDICATOR_UNKNOWN', {
        params: { code, known: known.join('、'), knownList: known.join(', ') },
        details: { field, value: code, reason: 'UNKNOWN_INDICATOR' },
      });
    }
    if (value === null) continue;
    const params = { label: ind.label, labelEn: ind.labelEn, code, unit: ind.unit, value };
    if (!Number.isFinite(value) || value < 0) throw carrierError('CAR_FIGURE_NEGATIVE', { params, details: { field, value, reason: 'NEGATIVE' } });
    if (COUNT_UNITS.has(ind.unit) && !Number.isInteger(value))
      throw carrierError('CAR_FIGURE_NOT_WHOLE', { params, details: { field, value, reason: 'NOT_WHOLE' } });
    if (ind.unit === '%' && value > 100) throw carrierError('CAR_FIGURE_OVER_100', { params, details: { field, value, reason: 'OUT_OF_RANGE' } });
  }
}

async function assertNameFree(db: Db, kind: CarrierKind, name: string, exceptId = 0): Promise<void> {
  const dup = await db.query<{ id: number }>('select id::int as id from carriers where kind = $1 and name = $2 and id <> $3', [kind, name, exceptId]);
  if (dup.length > 0) throw carrierError('CAR_NAME_TAKEN', { params: { name }, details: { field: 'name', value: name } });
}

/** The carriers' routes: the register, accounts and figures here, the Excel import in import-carriers.ts. */
export function carrierRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/evaluation/carriers', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '载体 Carriers under the performance review in the jurisdiction, with how many figures of the year each has reported',
      querystring: ZCarrierQuery,
      response: { 200: ZCarrierList },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN');
      const { kind, review } = req.query;
      const year = req.query.year ?? bureauYear() - 1;
      const kinds = kind ? [kind] : review ? kindsOfReview(review) : undefined;
      const rows = await listCarriers(ctx.db, actor.scope.path, kinds, year);
      return { year, items: rows.map((c) => ({ ...c, required: REVIEW_INDICATORS[reviewOf(c.kind)].length })) };
    },
  });

  r.post('/api/evaluation/carriers', {
    config: { access: BUREAU },
    schema: { tags, summary: '新增载体 Add a carrier (its region within the jurisdiction)', body: ZCarrierCreate, response: { 200: ZCarrier } },
    handler: async (req) => {
      const actor = actorOf(req);
      await assertRegionInScope(ctx.db, actor.scope, req.body.regionCode);
      const { name, kind, level, regionCode } = req.body;
      const id = await ctx.db.transaction(async (tx) => {
        await assertNameFree(tx, kind, name);
        const [row] = await tx.query<{ id: number }>('insert into carriers (name, kind, level, region_code) values ($1, $2, $3, $4) returning id::int as id', [
          name,
          kind,
          level,
          regionCode,
        ]);
        await audit(tx, actor, { action: 'carrier.create', entity: 'carrier', entityId: row.id, regionCode, after: { name, kind, level, regionCode } });
        await bumpVersion(tx, CARRIERS_ROOM);
        return row.id;
      });
      return visibleCarrier(ctx.db, actor, id);
    },
  });

  r.patch('/api/evaluation/carriers/:id', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '修改载体 Rename a carrier, change its level or its town (within the jurisdiction)',
      params: ZId,
      body: ZCarrierPatch,
      response: { 200: ZCarrier },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const before = await visibleCarrier(ctx.db, actor, req.params.id);
      if (req.body.regionCode !== undefined) await assertRegionInScope(ctx.db, actor.scope, req.body.regionCode);
      const name = req.body.name ?? before.name;
      const level = req.body.level === undefined ? before.level : req.body.level;
      const regionCode = req.body.regionCode ?? before.regionCode;
      await ctx.db.transaction(async (tx) => {
        await assertNameFree(tx, before.kind, name, before.id);
        await tx.query('update carriers set name = $2, level = $3, region_code = $4 where id = $1', [before.id, name, level, regionCode]);
        // the carrier's accounts are shown under its town on the users page
        await moveBoundAccounts(tx, CARRIER_KIND, before.id, regionCode);
        await audit(tx, actor, {
          action: 'carrier.update',
          entity: 'carrier',
          entityId: before.id,
          regionCode,
          before: { name: before.name, level: before.level, regionCode: before.regionCode },
          after: { name, level, regionCode },
        });
        await bumpVersion(tx, CARRIERS_ROOM);
      });
      return visibleCarrier(ctx.db, actor, before.id);
    },
  });

  r.delete('/api/evaluation/carriers/:id', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '删除载体 Delete a carrier with its figures (past runs keep their frozen copy); its accounts are deactivated',
      params: ZId,
      response: { 200: ZCarrierDeleted },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const carrier = await visibleCarrier(ctx.db, actor, req.params.id);
      return ctx.db.transaction(async (tx) => {
        const figures = await tx.query<{ year: number; indicator: string; value: number; source: string }>(
          'select year, indicator, value::float8 as value, source from carrier_figures where carrier_id = $1 order by year, indicator',
          [carrier.id],
        );
        // the delete's trigger (migration 0015) deactivates the carrier's accounts and ends their sessions; counted first for the audit row
        const accounts = await activeBoundAccounts(tx, CARRIER_KIND, carrier.id);
        await tx.query('delete from carriers where id = $1', [carrier.id]);
        await audit(tx, actor, {
          action: 'carrier.delete',
          entity: 'carrier',
          entityId: carrier.id,
          regionCode: carrier.regionCode,
          before: { ...carrier, figures },
          after: { accountsDeactivated: accounts },
        });
        await bumpVersion(tx, CARRIERS_ROOM);
        return { ok: true as const, figuresDeleted: figures.length, accountsDeactivated: accounts.length };
      });
    },
  });

  r.post('/api/evaluation/carriers/:id/accounts', {
    config: { access: { roles: ADMIN_ROLES } },
    schema: {
      tags,
      summary: '为载体开通账号 Create a login for the carrier to report its own figures (role carrierUser)',
      params: ZId,
      body: ZBoundAccountCreate,
      response: { 200: ZUser },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const c = await visibleCarrier(ctx.db, actor, req.params.id);
      return createUser(ctx.db, actor, {
        ...req.body,
        displayName: req.body.displayName || c.name,
        role: 'carrierUser',
        regionCode: c.regionCode,
        boundId: c.id,
      });
    },
  });

  r.get('/api/evaluation/my-carrier', {
    config: { access: { roles: ['carrierUser'] } },
    schema: { tags, summary: '我的载体 The carrier this account reports for', response: { 200: ZCarrier } },
    handler: async (req) => {
      const actor = actorOf(req);
      const own = ownCarrierOf(actor.scope);
      if (!own) throw carrierError('CAR_NOT_BOUND', { details: { field: 'carrierId' } });
      return visibleCarrier(ctx.db, actor, own);
    },
  });

  r.get('/api/evaluation/carriers/:id/figures/:year', {
    config: { access: FIGURES_ACCESS },
    schema: {
      tags,
      summary: "载体年度数据 A carrier's figures of a year, one row per indicator of its review (null = not reported)",
      params: ZYearParams,
      response: { 200: ZCarrierFigures },
    },
    handler: async (req) => yearFigures(ctx.db, actorOf(req), req.params.id, req.params.year),
  });

  r.put('/api/evaluation/carriers/:id/figures/:year', {
    config: { access: FIGURES_ACCESS },
    schema: {
      tags,
      summary:
        "填报载体年度数据 Save a carrier's figures of a year (codes of its review, values ≥ 0; null removes one); the carrier's own account writes as selfReport",
      params: ZYearParams,
      body: ZFiguresPut,
      response: { 200: ZCarrierFigures },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const { id, year } = req.params;
      const carrier = await visibleCarrier(ctx.db, actor, id);
      checkFigures(carrier.kind, req.body.figures);
      const source = actor.role === 'carrierUser' ? 'selfReport' : 'manual';
      await ctx.db.transaction(async (tx) => {
        const before = Object.fromEntries((await figuresOf(tx, id, year)).map((f) => [f.indicator, f.value]));
        await writeFigures(
          tx,
          year,
          Object.entries(req.body.figures).map(([code, value]) => ({ carrierId: id, code, value })),
          source,
          actor.id,
        );
        await audit(tx, actor, {
          action: 'carrierFigures.save',
          entity: 'carrier',
          entityId: id,
          regionCode: carrier.regionCode,
          before: { year, figures: before },
          after: { year, source, figures: req.body.figures },
        });
        await bumpVersion(tx, CARRIERS_ROOM);
      });
      return yearFigures(ctx.db, actor, id, year);
    },
  });

  carrierImportRoutes(app, ctx);
}
