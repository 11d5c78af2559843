/** Write routes: import, single values, the catalogue and plans; import runs and their error reports. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  actorOf,
  BUREAU_ROLES,
  READ_ROLES,
  readUpload,
  reportingUnits,
  requestLang,
  VALUE_WRITE_ROLES,
  sendXlsx,
  ZPage,
  ZPageQuery,
  type AppContext,
} from '@kechuang/platform-server';
import { allIndicators } from '../db/catalogue-queries.ts';
import { importValues } from './import-values.ts';
import { findImportChanges, findImportRuns, importChangesXlsx, importErrorsXlsx, importRunsXlsx } from './find-import-runs.ts';
import { warmLeague } from './compute-league.ts';
import { setValue } from './set-value.ts';
import { saveIndicator, savePlan } from './save-catalogue.ts';
import { templateXlsx } from './exports.ts';
import { ZImportChange, ZImportResult, ZImportRun, ZIndicator, ZIndicatorInput, ZPlan } from '../contract/schemas.ts';
import { ZImportRunIdParams, ZImportRunsQuery, ZIndicatorCode, ZPlanCode, ZPlanInput, ZValuePut, ZValueSaved } from '../contract/route-schemas.ts';

const WRITERS = VALUE_WRITE_ROLES;
const tags = ['indicators'];

export function indicatorWriteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // after a successful write, the default league is recomputed before anyone asks for it
  const onResponse = async (_req: unknown, reply: { statusCode: number }) => {
    if (reply.statusCode < 300) warmLeague(ctx.db, ctx.homeRegion);
  };

  r.get('/api/indicators/template', {
    config: { access: { roles: READ_ROLES } },
    schema: { tags, summary: '导入模板 Import template (.xlsx)' },
    handler: async (req, reply) => {
      const scope = actorOf(req).scope;
      const units = (await reportingUnits(ctx.db, ctx.homeRegion)).filter((u) => scope.kind === 'region' && u.path.startsWith(scope.path));
      const regions = scope.kind === 'region' && scope.regionCode === ctx.homeRegion ? [{ code: scope.regionCode, name: scope.regionName }, ...units] : units;
      const lang = requestLang(req);
      return sendXlsx(
        reply,
        lang === 'en' ? 'indicator-import-template.xlsx' : '指标数据导入模板.xlsx',
        await templateXlsx(await allIndicators(ctx.db), regions, lang),
      );
    },
  });

  r.post('/api/indicators/import', {
    onResponse,
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: '导入基数、目标、实际值 Import values (.xlsx / .csv, multipart field "file")',
      consumes: ['multipart/form-data'],
      response: { 200: ZImportResult },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const file = await readUpload(req, ctx.readLimits);
      return importValues(ctx.db, { id: actor.id, username: actor.username, actualsOnly: actor.role === 'townOfficer' }, actor.scope, file);
    },
  });

  r.get('/api/indicators/imports', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: '导入记录 Import runs', querystring: ZImportRunsQuery, response: { 200: ZPage(ZImportRun) } },
    handler: async (req) => findImportRuns(ctx.db, actorOf(req), req.query),
  });

  r.get('/api/indicators/imports/export', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: '导出导入记录 Export import runs (.xlsx)', querystring: ZImportRunsQuery },
    handler: async (req, reply) => {
      const { items } = await findImportRuns(ctx.db, actorOf(req), { ...req.query, page: 1, pageSize: 100_000 });
      const lang = requestLang(req);
      return sendXlsx(reply, lang === 'en' ? 'imports.xlsx' : '导入记录.xlsx', await importRunsXlsx(items, lang));
    },
  });

  r.get('/api/indicators/imports/:id/changes', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: '导入变更明细 What an accepted import inserted and updated (before/after)',
      params: ZImportRunIdParams,
      querystring: ZPageQuery,
      response: { 200: ZPage(ZImportChange) },
    },
    handler: async (req) => findImportChanges(ctx.db, actorOf(req), req.params.id, req.query),
  });

  r.get('/api/indicators/imports/:id/changes/export', {
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: "导出导入变更明细 Export an import run's changes (.xlsx)",
      params: ZImportRunIdParams,
      querystring: ZPageQuery,
    },
    handler: async (req, reply) => {
      const { items } = await findImportChanges(ctx.db, actorOf(req), req.params.id, { ...req.query, page: 1, pageSize: 200_000 });
      const lang = requestLang(req);
      return sendXlsx(reply, `${lang === 'en' ? 'import-changes' : '导入变更明细'}_${req.params.id}.xlsx`, await importChangesXlsx(items, lang));
    },
  });

  r.get('/api/indicators/imports/:id/errors', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: "下载导入错误报告 Download an import run's row-by-row errors (.xlsx)", params: ZImportRunIdParams },
    handler: async (req, reply) => {
      const report = await importErrorsXlsx(ctx.db, actorOf(req), req.params.id, requestLang(req));
      return sendXlsx(reply, report.fileName, report.data);
    },
  });

  r.put('/api/indicators/values', {
    onResponse,
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: '填报或修改一个数值 Set (or with value null, delete) one value',
      body: ZValuePut,
      response: { 200: ZValueSaved },
    },
    handler: async (req) => setValue(ctx.db, actorOf(req), req.body),
  });

  r.put('/api/indicators/catalogue/:code', {
    onResponse,
    config: { access: { roles: BUREAU_ROLES } },
    schema: {
      tags,
      summary: '新建或修改指标 Create or update an indicator',
      params: ZIndicatorCode,
      body: ZIndicatorInput.omit({ code: true }),
      response: { 200: ZIndicator },
    },
    handler: async (req) => saveIndicator(ctx.db, actorOf(req), ZIndicatorInput.parse({ ...req.body, code: req.params.code })),
  });

  r.put('/api/indicators/plans/:code', {
    onResponse,
    config: { access: { roles: BUREAU_ROLES } },
    schema: {
      tags,
      summary: '新建或修改规划（含黄灯阈值） Create or update a plan',
      params: ZPlanCode,
      body: ZPlanInput,
      response: { 200: ZPlan },
    },
    handler: async (req) => savePlan(ctx.db, actorOf(req), { code: req.params.code, ...req.body }),
  });
}
