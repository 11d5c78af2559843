/** The evaluation centre's scheme routes: presets, saved schemes (评价体系), validation and the weights preview. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZId, ZOk, ZPresetInfos, ZPresetSchemes, ZSaved } from '../contract/route-schemas.ts';
import { actorOf, BUREAU_ROLES, requestLang, ZPage, type AppContext } from '@kechuang/platform-server';
import {
  ZSchemeDetail,
  ZSchemeInput,
  ZSchemeListItem,
  ZSchemeQuery,
  ZValidateRequest,
  ZValidateResponse,
  ZWeightsRequest,
  ZWeightsResponse,
} from '../contract/schemas.ts';
import { warningText, type SchemeWarning } from '../domain/index.ts';
import { findSchemeRows } from '../db/scheme-queries.ts';
import { presetInfos } from '../presets/index.ts';
import { checkScheme } from './check-scheme.ts';
import { getPresetSchemes } from './get-preset-schemes.ts';
import { previewWeights } from './preview-weights.ts';
import { changeScheme, createScheme, getScheme, leafCount, removeScheme } from './save-scheme.ts';

export const tags = ['evaluation'];
export const BUREAU = { roles: BUREAU_ROLES };

/** an answer's warnings worded in the request's language */
function worded<T extends { warnings: SchemeWarning[] }>(answer: T, req: FastifyRequest): Omit<T, 'warnings'> & { warnings: string[] } {
  const lang = requestLang(req);
  return { ...answer, warnings: answer.warnings.map((w) => warningText(w, lang)) };
}

export function schemeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/evaluation/presets', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: "预设评价 Presets: the leadership index, the towns' scoreboard (default schemes, columns)",
      response: { 200: ZPresetInfos },
    },
    handler: async () => ({ items: await presetInfos(ctx.db, ctx.homeRegion) }),
  });

  r.get('/api/evaluation/preset-schemes', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary:
        "预设评价体系 The presets' documented schemes, read-only: tree, weights in the group and overall, methods, eligibility, tiers or grades (copy one with POST schemes)",
      response: { 200: ZPresetSchemes },
    },
    handler: async () => ({ items: await getPresetSchemes(ctx.db) }),
  });

  r.get('/api/evaluation/schemes', {
    config: { access: BUREAU },
    schema: { tags, summary: '评价体系 Saved schemes', querystring: ZSchemeQuery, response: { 200: ZPage(ZSchemeListItem) } },
    handler: async (req) => {
      const { items, total } = await findSchemeRows(ctx.db, req.query);
      return { items: items.map(({ scheme, ...s }) => ({ ...s, leafCount: leafCount(scheme) })), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.post('/api/evaluation/schemes', {
    config: { access: BUREAU },
    schema: { tags, summary: '保存评价体系 Save a new scheme (checked first; errors name the node)', body: ZSchemeInput, response: { 200: ZSaved } },
    handler: async (req) => worded(await createScheme(ctx.db, actorOf(req), req.body), req),
  });

  r.post('/api/evaluation/schemes/validate', {
    config: { access: BUREAU },
    schema: { tags, summary: '校验评价体系 Check a scheme without saving it', body: ZValidateRequest, response: { 200: ZValidateResponse } },
    handler: async (req) => {
      const { warnings, nodes, columns } = await checkScheme(ctx.db, req.body.scheme, req.body.preset);
      return worded({ warnings, nodes, columns }, req);
    },
  });

  r.get('/api/evaluation/schemes/:id', {
    config: { access: BUREAU },
    schema: { tags, summary: '评价体系 One scheme', params: ZId, response: { 200: ZSchemeDetail } },
    handler: async (req) => getScheme(ctx.db, req.params.id),
  });

  r.put('/api/evaluation/schemes/:id', {
    config: { access: BUREAU },
    schema: { tags, summary: '修改评价体系 Change a scheme (runs keep their frozen copy)', params: ZId, body: ZSchemeInput, response: { 200: ZSaved } },
    handler: async (req) => worded(await changeScheme(ctx.db, actorOf(req), req.params.id, req.body), req),
  });

  r.delete('/api/evaluation/schemes/:id', {
    config: { access: BUREAU },
    schema: { tags, summary: '删除评价体系 Delete a scheme', params: ZId, response: { 200: ZOk } },
    handler: async (req) => {
      await removeScheme(ctx.db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  });

  r.post('/api/evaluation/weights', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: "权重预览 Each group's weights on a preset's data or an earlier run's input (index weights)",
      body: ZWeightsRequest,
      response: { 200: ZWeightsResponse },
    },
    handler: async (req) => worded(await previewWeights(ctx.db, ctx.homeRegion, actorOf(req), req.body.scheme, req.body.source), req),
  });
}
