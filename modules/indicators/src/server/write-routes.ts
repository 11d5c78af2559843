/** Write routes: import, single values, the catalogue and plans; import runs and their error reports. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@kechuang/platform-core';
import {
  actorOf, audit, bumpVersion, BUREAU_ROLES, READ_ROLES, readUpload, reportingUnits, VALUE_WRITE_ROLES, sendXlsx, writeXlsx, ZPage, ZPageQuery,
  type AppContext,
} from '@kechuang/platform-server';
import { allIndicators, getIndicator, upsertIndicator, upsertPlan } from '../db/catalogue-queries.ts';
import { importValues } from './import-values.ts';
import { findImportRuns, importRunsXlsx } from './find-import-runs.ts';
import { warmLeague } from './compute-league.ts';
import { setValue } from './set-value.ts';
import { templateXlsx } from './exports.ts';
import { ZImportResult, ZImportRun, ZIndicator, ZIndicatorInput, ZPlan, ZValueKind } from '../contract/schemas.ts';

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
      return sendXlsx(reply, '指标数据导入模板.xlsx', await templateXlsx(await allIndicators(ctx.db), regions));
    },
  });

  r.post('/api/indicators/import', {
    onResponse,
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: '导入基数、目标、实际值 Import values (.xlsx / .csv, multipart field "file")', consumes: ['multipart/form-data'], response: { 200: ZImportResult } },
    handler: async (req) => {
      const actor = actorOf(req);
      const file = await readUpload(req);
      return importValues(ctx.db, { id: actor.id, username: actor.username, actualsOnly: actor.role === 'townOfficer' }, actor.scope, file);
    },
  });

  const ZImportRunsQuery = ZPageQuery.extend({ status: z.enum(['accepted', 'refused']).optional() });
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
      return sendXlsx(reply, '导入记录.xlsx', await importRunsXlsx(items));
    },
  });

  r.get('/api/indicators/imports/:id/errors', {
    config: { access: { roles: WRITERS } },
    schema: { tags, summary: '下载导入错误报告 Download an import run\'s row-by-row errors (.xlsx)', params: z.object({ id: z.coerce.number().int() }) },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const [run] = await ctx.db.query<{ user_id: number | null; file_name: string; errors: { row: number; column: string; value: string; reason: string }[] }>(
        'select user_id, file_name, errors from import_runs where id = $1',
        [req.params.id],
      );
      if (!run || (actor.role === 'townOfficer' && run.user_id !== actor.id)) throw new AppError('NOT_FOUND', { details: { entity: 'importRun', id: req.params.id } });
      const data = await writeXlsx([{
        name: '错误报告',
        notes: [`导入文件：${run.file_name}；共 ${run.errors.length} 处错误，未导入任何数据`],
        columns: [
          { header: '行号', key: 'row', width: 8 },
          { header: '列', key: 'column', width: 14 },
          { header: '值', key: 'value', width: 24 },
          { header: '错误原因', key: 'reason', width: 60 },
        ],
        rows: run.errors,
      }]);
      return sendXlsx(reply, `导入错误_${run.file_name.replace(/\.[^.]+$/, '')}.xlsx`, data);
    },
  });

  r.put('/api/indicators/values', {
    onResponse,
    config: { access: { roles: WRITERS } },
    schema: {
      tags,
      summary: '填报或修改一个数值 Set (or with value null, delete) one value',
      body: z.object({ region: z.string().max(20), indicator: z.string().max(48), period: z.string().max(16), kind: ZValueKind, value: z.union([z.string().max(40), z.number(), z.null()]) }),
      response: { 200: z.object({ region: z.string(), indicator: z.string(), kind: z.string(), period: z.string(), value: z.string().nullable() }) },
    },
    handler: async (req) => setValue(ctx.db, actorOf(req), req.body),
  });

  r.put('/api/indicators/catalogue/:code', {
    onResponse,
    config: { access: { roles: BUREAU_ROLES } },
    schema: { tags, summary: '新建或修改指标 Create or update an indicator', params: z.object({ code: z.string().max(48) }), body: ZIndicatorInput.omit({ code: true }), response: { 200: ZIndicator } },
    handler: async (req) => {
      const actor = actorOf(req);
      const input = ZIndicatorInput.parse({ ...req.body, code: req.params.code });
      if (input.rollup === 'ratio' && (!input.numeratorCode || !input.denominatorCode)) {
        throw new AppError('VALIDATION', { message: '比值汇总的指标须指定分子和分母指标', details: { field: 'numeratorCode' } });
      }
      return ctx.db.transaction(async (tx) => {
        const before = await getIndicator(tx, input.code).catch(() => null);
        await upsertIndicator(tx, input);
        const after = await getIndicator(tx, input.code);
        await bumpVersion(tx, 'indicators');
        await audit(tx, actor, { action: before ? 'indicator.update' : 'indicator.create', entity: 'indicator', entityId: input.code, before, after });
        return after;
      });
    },
  });

  r.put('/api/indicators/plans/:code', {
    onResponse,
    config: { access: { roles: BUREAU_ROLES } },
    schema: {
      tags,
      summary: '新建或修改规划（含黄灯阈值） Create or update a plan',
      params: z.object({ code: z.string().max(32) }),
      body: z.object({ name: z.string().min(2).max(64), startYear: z.number().int().min(1990).max(2100), endYear: z.number().int().min(1990).max(2100), yellowThreshold: z.number().min(0).max(1), isCurrent: z.boolean() }),
      response: { 200: ZPlan },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      if (req.body.endYear < req.body.startYear) throw new AppError('VALIDATION', { message: '结束年份不能早于起始年份', details: { field: 'endYear' } });
      const plan = { code: req.params.code, ...req.body };
      await ctx.db.transaction(async (tx) => {
        const [before] = await tx.query('select * from plans where code = $1', [plan.code]);
        await upsertPlan(tx, plan);
        await bumpVersion(tx, 'indicators');
        await audit(tx, actor, { action: before ? 'plan.update' : 'plan.create', entity: 'plan', entityId: plan.code, before: before ?? null, after: plan });
      });
      return plan;
    },
  });
}
