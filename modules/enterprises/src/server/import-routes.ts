/** The registry imports' routes: upload, template, the run list, a run's error report and its changes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, BUREAU_ROLES, readUpload, requestLang, sendXlsx, ZPage, ZPageQuery, type AppContext } from '@kechuang/platform-server';
import { ZRegistryImportChange, ZRegistryImportResult, ZRegistryImportRun, ZRegistryImportRunsQuery } from '../contract/import-schemas.ts';
import { ZImportKindQuery, ZRunId } from '../contract/route-schemas.ts';
import { importRegistry } from './import-registry.ts';
import { findRegistryImportChanges, findRegistryImportRuns, registryImportChangesXlsx, registryImportErrorsXlsx } from './import-runs.ts';
import { registryTemplateXlsx } from './import-template.ts';

const tags = ['enterprises'];
/** the bureau imports anything in the district; a town officer enterprises and years of their own town */
const IMPORTERS = { roles: [...BUREAU_ROLES, 'townOfficer'] as const };

export function registryImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/enterprises/import', {
    config: { access: IMPORTERS },
    schema: {
      tags,
      summary: '导入企业名录、年度数据或资质名单 Import enterprises, yearly figures or a qualification list (.xlsx / .csv, multipart field "file")',
      querystring: ZImportKindQuery,
      consumes: ['multipart/form-data'],
      response: { 200: ZRegistryImportResult },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const file = await readUpload(req, ctx.readLimits);
      return importRegistry(ctx.db, { id: actor.id, username: actor.username, role: actor.role }, actor.scope, req.query.kind, file, {
        homeRegion: ctx.homeRegion,
        maxBytes: ctx.maxUploadBytes,
      });
    },
  });

  r.get('/api/enterprises/template', {
    config: { access: IMPORTERS },
    schema: { tags, summary: '导入模板 Import template (.xlsx)', querystring: ZImportKindQuery },
    handler: async (req, reply) => {
      const t = await registryTemplateXlsx(ctx.db, actorOf(req).scope, ctx.homeRegion, req.query.kind, requestLang(req));
      return sendXlsx(reply, t.fileName, t.data);
    },
  });

  r.get('/api/enterprises/import-runs', {
    config: { access: IMPORTERS },
    schema: { tags, summary: '企业库导入记录 Registry import runs', querystring: ZRegistryImportRunsQuery, response: { 200: ZPage(ZRegistryImportRun) } },
    handler: async (req) => findRegistryImportRuns(ctx.db, actorOf(req), req.query),
  });

  r.get('/api/enterprises/import-runs/:id/errors', {
    config: { access: IMPORTERS },
    schema: { tags, summary: "下载导入错误报告 A refused run's row-by-row errors (.xlsx)", params: ZRunId },
    handler: async (req, reply) => {
      const report = await registryImportErrorsXlsx(ctx.db, actorOf(req), req.params.id, requestLang(req));
      return sendXlsx(reply, report.fileName, report.data);
    },
  });

  r.get('/api/enterprises/import-runs/:id/changes', {
    config: { access: IMPORTERS },
    schema: {
      tags,
      summary: '导入变更明细 What an accepted run inserted and updated (before/after)',
      params: ZRunId,
      querystring: ZPageQuery,
      response: { 200: ZPage(ZRegistryImportChange) },
    },
    handler: async (req) => findRegistryImportChanges(ctx.db, actorOf(req), req.params.id, req.query),
  });

  r.get('/api/enterprises/import-runs/:id/changes/export', {
    config: { access: IMPORTERS },
    schema: { tags, summary: "导出导入变更明细 Export a run's changes (.xlsx)", params: ZRunId, querystring: ZPageQuery },
    handler: async (req, reply) => {
      const { items } = await findRegistryImportChanges(ctx.db, actorOf(req), req.params.id, { ...req.query, page: 1, pageSize: 200_000 });
      const lang = requestLang(req);
      return sendXlsx(reply, `${lang === 'en' ? 'import-changes' : '导入变更明细'}_${req.params.id}.xlsx`, await registryImportChangesXlsx(items, lang));
    },
  });
}
