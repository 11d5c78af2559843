/**
 * Carriers under the performance review (绩效评价): industrial research institutes, incubators and maker spaces,
 * and their yearly figures by indicator code (the codes of presets/performance-review.ts). Bureau roles only,
 * within their jurisdiction (a carrier outside it is 404). Every write is one transaction with its audit row.
 * The review itself is a run: POST /api/evaluation/runs with {"source":{"kind":"performanceReview","carrierKind":…,"year":…}}.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@kechuang/platform-core';
import { actorOf, assertRegionInScope, audit, bumpVersion, isInScope, type Actor, type AppContext, type Db } from '@kechuang/platform-server';
import { figuresOf, getCarrier, listCarriers } from '../db/carrier-figures.ts';
import { CARRIER_KINDS, REVIEW_INDICATORS, reviewIndicator, reviewOf, type CarrierKind } from '../presets/performance-review.ts';
import { BUREAU, tags } from './scheme-routes.ts';

const ZKind = z.enum(CARRIER_KINDS);
const ZCarrier = z.object({
  id: z.number(),
  name: z.string(),
  kind: ZKind,
  level: z.enum(['national', 'provincial', 'municipal', 'district']).nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  createdAt: z.string(),
});
const ZCarrierCreate = z.object({
  name: z.string().trim().min(1).max(200),
  kind: ZKind,
  level: z.enum(['national', 'provincial', 'municipal', 'district']).nullable().default(null),
  regionCode: z.string().trim().min(1).max(20),
});
const ZYearParams = z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) });
const ZFigure = z.object({
  indicator: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  source: z.enum(['manual', 'import']).nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
const ZFigures = z.object({ carrier: ZCarrier, year: z.number(), figures: z.array(ZFigure), missing: z.array(z.string()) });
/** indicator code → value (≥ 0); null removes the figure; codes left out are kept as they are */
const ZFiguresPut = z.object({
  figures: z.record(z.string(), z.number().nullable()),
  source: z.enum(['manual', 'import']).default('manual'),
});

async function carrierInScope(db: Db, actor: Actor, id: number) {
  const c = await getCarrier(db, id);
  if (!c || !isInScope(actor.scope, { path: c.regionPath })) throw new AppError('NOT_FOUND', { message: `载体 ${id} 不存在`, details: { field: 'id', value: id } });
  const { regionPath: _path, ...carrier } = c;
  return carrier;
}

async function yearFigures(db: Db, actor: Actor, id: number, year: number) {
  const carrier = await carrierInScope(db, actor, id);
  const stored = new Map((await figuresOf(db, id, year)).map((f) => [f.indicator, f]));
  const indicators = REVIEW_INDICATORS[reviewOf(carrier.kind)];
  return {
    carrier, year,
    figures: indicators.map((i) => {
      const f = stored.get(i.code);
      return { indicator: i.code, label: i.label, unit: i.unit, value: f?.value ?? null, source: f?.source ?? null, updatedBy: f?.updatedBy ?? null, updatedAt: f?.updatedAt ?? null };
    }),
    missing: indicators.filter((i) => !stored.has(i.code)).map((i) => i.code),
  };
}

/** Checks every code against the carrier's review and every value (≥ 0; a percentage ≤ 100), naming the field. */
function checkFigures(kind: CarrierKind, figures: Record<string, number | null>): void {
  for (const [code, value] of Object.entries(figures)) {
    const field = `figures.${code}`;
    const ind = reviewIndicator(kind, code);
    if (!ind) {
      const known = REVIEW_INDICATORS[reviewOf(kind)].map((i) => i.code).join('、');
      throw new AppError('VALIDATION', { message: `指标代码 ${code} 不属于该类载体的绩效评价（可用：${known}）`, details: { field, value: code, reason: 'UNKNOWN_INDICATOR' } });
    }
    if (value === null) continue;
    if (!Number.isFinite(value) || value < 0) throw new AppError('VALIDATION', { message: `${ind.label}（${code}）不能为负数：${value}`, details: { field, value, reason: 'NEGATIVE' } });
    if (ind.unit === '%' && value > 100) throw new AppError('VALIDATION', { message: `${ind.label}（${code}）是百分比，应在 0–100 之间：${value}`, details: { field, value, reason: 'OUT_OF_RANGE' } });
  }
}

export function carrierRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/evaluation/carriers', {
    config: { access: BUREAU },
    schema: { tags, summary: '载体 Carriers under the performance review in the jurisdiction (institutes, incubators, maker spaces)', querystring: z.object({ kind: ZKind.optional() }), response: { 200: z.object({ items: z.array(ZCarrier) }) } },
    handler: async (req) => {
      const actor = actorOf(req);
      if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN');
      return { items: await listCarriers(ctx.db, actor.scope.path, req.query.kind ? [req.query.kind] : undefined) };
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
        const dup = await tx.query<{ id: number }>('select id::int as id from carriers where kind = $1 and name = $2', [kind, name]);
        if (dup.length > 0) throw new AppError('CONFLICT', { message: `同类载体“${name}”已存在`, details: { field: 'name', value: name } });
        const [row] = await tx.query<{ id: number }>('insert into carriers (name, kind, level, region_code) values ($1, $2, $3, $4) returning id::int as id', [name, kind, level, regionCode]);
        await audit(tx, actor, { action: 'carrier.create', entity: 'carrier', entityId: row.id, regionCode, after: { name, kind, level, regionCode } });
        await bumpVersion(tx, 'evaluation');
        return row.id;
      });
      return carrierInScope(ctx.db, actor, id);
    },
  });

  r.get('/api/evaluation/carriers/:id/figures/:year', {
    config: { access: BUREAU },
    schema: { tags, summary: '载体年度数据 A carrier\'s figures of a year, one row per indicator of its review (null = not reported)', params: ZYearParams, response: { 200: ZFigures } },
    handler: async (req) => yearFigures(ctx.db, actorOf(req), req.params.id, req.params.year),
  });

  r.put('/api/evaluation/carriers/:id/figures/:year', {
    config: { access: BUREAU },
    schema: { tags, summary: '填报载体年度数据 Save a carrier\'s figures of a year (codes of its review, values ≥ 0; null removes one)', params: ZYearParams, body: ZFiguresPut, response: { 200: ZFigures } },
    handler: async (req) => {
      const actor = actorOf(req);
      const { id, year } = req.params;
      const carrier = await carrierInScope(ctx.db, actor, id);
      checkFigures(carrier.kind, req.body.figures);
      await ctx.db.transaction(async (tx) => {
        const before = Object.fromEntries((await figuresOf(tx, id, year)).map((f) => [f.indicator, f.value]));
        for (const [code, value] of Object.entries(req.body.figures)) {
          if (value === null) await tx.query('delete from carrier_figures where carrier_id = $1 and year = $2 and indicator = $3', [id, year, code]);
          else {
            await tx.query(
              `insert into carrier_figures (carrier_id, year, indicator, value, source, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, now())
               on conflict (carrier_id, year, indicator) do update set value = excluded.value, source = excluded.source, updated_by = excluded.updated_by, updated_at = now()`,
              [id, year, code, value, req.body.source, actor.id],
            );
          }
        }
        await audit(tx, actor, { action: 'carrierFigures.save', entity: 'carrier', entityId: id, regionCode: carrier.regionCode, before: { year, figures: before }, after: { year, source: req.body.source, figures: req.body.figures } });
        await bumpVersion(tx, 'evaluation');
      });
      return yearFigures(ctx.db, actor, id, year);
    },
  });
}
