/**
 * The evaluation centre's run routes: compute (a preset's data or an uploaded table), list, read the
 * results, one entity's breakdown, rank intervals, re-run, publish (bureau roles only); and the published
 * lists, readable by leaders and town officers (who see their own town's entries).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCreated, ZEntityParams, ZId, ZPublished, ZPublishedQuery, ZPublishedSummaries, ZRunId, ZWithdrawn } from '../contract/route-schemas.ts';
import { actorOf, BUREAU_ROLES, READ_ROLES, readUpload, requestLang, sendXlsx, ZPage, ZPageQuery, type AppContext } from '@kechuang/platform-server';
import {
  ZEntityBreakdown,
  ZExcludedItem,
  ZPublishedList,
  ZRerunResponse,
  ZResultItem,
  ZResultQuery,
  ZRun,
  ZRunCreate,
  ZRunListItem,
  ZRunQuery,
  ZPublishRequest,
  ZSensitivity,
  ZUploadRunQuery,
  ZWithdrawRequest,
} from '../contract/schemas.ts';
import { createRun } from './create-run.ts';
import { findExcluded, findResults, resultsXlsx } from './find-results.ts';
import { findRuns, getRun, requireRun } from './find-runs.ts';
import { findPublished, getPublished, publishedXlsx } from './find-published.ts';
import { getBreakdown } from './get-breakdown.ts';
import { getSensitivity } from './get-sensitivity.ts';
import { publishRun, withdrawRun } from './publish-run.ts';
import { rerunRun } from './rerun-run.ts';
import { BUREAU, tags } from './scheme-routes.ts';
import { createUploadRun } from './upload-run.ts';

const READ = { roles: READ_ROLES };
const PUBLISHERS = { roles: BUREAU_ROLES };

export function runRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/evaluation/runs', {
    config: { access: BUREAU },
    schema: { tags, summary: '评价运行 Runs', querystring: ZRunQuery, response: { 200: ZPage(ZRunListItem) } },
    handler: async (req) => findRuns(ctx.db, req.query),
  });

  r.post('/api/evaluation/runs', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: "发起评价 Compute a run over a preset's data (the registry's year, the towns' period) in the user's jurisdiction",
      body: ZRunCreate,
      response: { 200: ZCreated },
    },
    handler: async (req) => createRun(ctx.db, ctx.homeRegion, actorOf(req), req.body),
  });

  r.post('/api/evaluation/runs/upload', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '上传数据发起评价 Compute a saved scheme on an uploaded DATA.csv / .xlsx (multipart field "file")',
      querystring: ZUploadRunQuery,
      consumes: ['multipart/form-data'],
      response: { 200: ZCreated },
    },
    handler: async (req) => createUploadRun(ctx.db, actorOf(req), await readUpload(req, ctx.readLimits), req.query),
  });

  r.get('/api/evaluation/runs/:id', {
    config: { access: BUREAU },
    schema: { tags, summary: '评价运行 One run: frozen scheme, source, options, weights, exclusions, tiers', params: ZId, response: { 200: ZRun } },
    handler: async (req) => getRun(ctx.db, actorOf(req), req.params.id, requestLang(req)),
  });

  r.post('/api/evaluation/runs/:id/rerun', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '复算 Re-run from the frozen scheme, options and input; says whether every result is reproduced',
      params: ZId,
      response: { 200: ZRerunResponse },
    },
    handler: async (req) => rerunRun(ctx.db, actorOf(req), req.params.id),
  });

  r.post('/api/evaluation/runs/:id/publish', {
    config: { access: PUBLISHERS },
    schema: {
      tags,
      summary: '发布 Publish a computed run (bureau roles only); one published list per preset and period unless `supersede` replaces it',
      params: ZId,
      body: ZPublishRequest,
      response: { 200: ZPublished },
    },
    handler: async (req) => publishRun(ctx.db, actorOf(req), req.params.id, { supersede: req.body?.supersede ?? false }),
  });

  r.post('/api/evaluation/runs/:id/withdraw', {
    config: { access: PUBLISHERS },
    schema: {
      tags,
      summary: '撤回 Withdraw a published list, with a reason (it stays on record, out of the published lists)',
      params: ZId,
      body: ZWithdrawRequest,
      response: { 200: ZWithdrawn },
    },
    handler: async (req) => withdrawRun(ctx.db, actorOf(req), req.params.id, req.body.reason),
  });

  r.get('/api/evaluation/runs/:id/results', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '评价结果 Results, paged (score, rank, group scores, tier, rank interval)',
      params: ZId,
      querystring: ZResultQuery,
      response: { 200: ZPage(ZResultItem) },
    },
    handler: async (req) => findResults(ctx.db, await requireRun(ctx.db, req.params.id), req.query),
  });

  r.get('/api/evaluation/runs/:id/results/export', {
    config: { access: BUREAU },
    schema: { tags, summary: '导出评价结果 Export the results, the entities not scored and the weights (.xlsx)', params: ZId, querystring: ZResultQuery },
    handler: async (req, reply) => {
      const run = await requireRun(ctx.db, req.params.id);
      const lang = requestLang(req);
      return sendXlsx(reply, `${lang === 'en' ? 'results' : '评价结果'}_${run.id}_${run.name}.xlsx`, await resultsXlsx(ctx.db, run, req.query, lang));
    },
  });

  r.get('/api/evaluation/runs/:id/excluded', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '未参评 Entities read but not scored, with the reason',
      params: ZId,
      querystring: ZPageQuery,
      response: { 200: ZPage(ZExcludedItem) },
    },
    handler: async (req) => findExcluded(ctx.db, await requireRun(ctx.db, req.params.id), req.query),
  });

  r.get('/api/evaluation/runs/:id/entities/:entityId', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: "得分分解 One entity's score down to the raw figure",
      params: ZEntityParams,
      response: { 200: ZEntityBreakdown },
    },
    handler: async (req) => getBreakdown(ctx.db, await requireRun(ctx.db, req.params.id), req.params.entityId),
  });

  r.get('/api/evaluation/runs/:id/sensitivity', {
    config: { access: BUREAU },
    schema: { tags, summary: "排名稳定性 Finalists' median rank and 5–95% rank interval, and which are stable", params: ZId, response: { 200: ZSensitivity } },
    handler: async (req) => getSensitivity(ctx.db, await requireRun(ctx.db, req.params.id)),
  });

  r.get('/api/evaluation/published', {
    config: { access: READ },
    schema: {
      tags,
      summary: '已发布名单 Published runs',
      querystring: ZPublishedQuery,
      response: { 200: ZPublishedSummaries },
    },
    handler: async (req) => ({ items: await findPublished(ctx.db, req.query.preset) }),
  });

  r.get('/api/evaluation/published/:runId', {
    config: { access: READ },
    schema: { tags, summary: "已发布名单 One published list (a town officer: their town's entries)", params: ZRunId, response: { 200: ZPublishedList } },
    handler: async (req) => getPublished(ctx.db, actorOf(req), req.params.runId),
  });

  r.get('/api/evaluation/published/:runId/export', {
    config: { access: READ },
    schema: { tags, summary: '导出已发布名单 Export a published list (.xlsx)', params: ZRunId },
    handler: async (req, reply) => {
      const file = await publishedXlsx(ctx.db, actorOf(req), req.params.runId, requestLang(req));
      return sendXlsx(reply, file.fileName, file.data);
    },
  });
}
