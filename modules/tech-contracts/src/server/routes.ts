/**
 * 技术合同认定登记 routes under /api/tech-contracts:
 * - the list (filters, the deadline clock), a contract, the statistics and the .xlsx export: region accounts see
 *   contracts whose seller or buyer is in their region; an enterprise account the contracts its enterprise is a
 *   party to (another organisation's contract is 403, read or write);
 * - submit: an enterprise account for its own enterprise as the seller, the register clerk for any seller;
 *   edit and resubmit a returned contract, record income: its seller or the clerk;
 * - the register clerk (bureau staff and administrators): register, refuse with one ground, return for papers,
 *   deregister, correct the amounts with a reason; import from Excel.
 * Registering, correcting or deregistering a registered contract, and an import of registered ones, rewrite the
 * TECH_TRANSACTION_VOLUME actuals of the year (indicator-actuals.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, bureauToday } from '@kechuang/platform-core';
import { actorOf, readUpload, requestLang, sendXlsx, type AppContext } from '@kechuang/platform-server';
import { warmLeague } from '@kechuang/indicators/server';
import {
  ZContractInput,
  ZContractList,
  ZContractQuery,
  ZCorrection,
  ZExportQuery,
  ZId,
  ZImportResult,
  ZInstalmentInput,
  ZReason,
  ZRefuse,
  ZRegister,
  ZReturn,
  ZStats,
  ZStatsQuery,
  ZTechContractDetail,
} from '../contract/tech-contracts.ts';
import { allContracts, listContracts } from '../db/contracts.ts';
import { contractStats } from '../db/stats.ts';
import { contractDetail, correctAmounts, decide, editContract, recordInstalment, submitContract, visibilityOf } from './contracts.ts';
import { contractsXlsx } from './export-contracts.ts';
import { importContracts } from './import-contracts.ts';
import { CLERKS, READERS, REGION_READERS, SUBMITTERS, tags } from './room.ts';

const ROOT = '/api/tech-contracts';
/** the most rows one export writes */
const EXPORT_MAX = 50_000;

export function techContractRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** after a write that may move the indicator: warm the indicators' league again, as their own writes do */
  const warm = { onResponse: async (_req: unknown, reply: { statusCode: number }) => void (reply.statusCode < 300 && warmLeague(ctx.db, ctx.homeRegion)) };
  const detail = (req: Parameters<typeof actorOf>[0], id: number) => contractDetail(ctx.db, actorOf(req), id);

  r.get(ROOT, {
    config: { access: READERS },
    schema: {
      tags,
      summary: '技术合同 Technology contracts visible to the user, waiting ones first with their deadline clock',
      querystring: ZContractQuery,
      response: { 200: ZContractList },
    },
    handler: async (req) => {
      const { items, total } = await listContracts(ctx.db, await visibilityOf(ctx.db, actorOf(req)), req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.post(ROOT, {
    config: { access: SUBMITTERS },
    schema: {
      tags,
      summary: '申请认定登记 Submit a contract for registration (an enterprise: as its seller)',
      body: ZContractInput,
      response: { 200: ZTechContractDetail },
    },
    handler: async (req) => detail(req, await submitContract(ctx.db, actorOf(req), ctx.homeRegion, req.body)),
  });

  r.get(`${ROOT}/stats`, {
    config: { access: REGION_READERS },
    schema: {
      tags,
      summary: '技术合同统计 Registered contracts per registration year and town, field or type: exported (输出) and absorbed (吸纳)',
      querystring: ZStatsQuery,
      response: { 200: ZStats },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN_SCOPE');
      return contractStats(ctx.db, actor.scope.path, ctx.homeRegion, req.query.by, req.query.yearFrom, req.query.yearTo);
    },
  });

  r.get(`${ROOT}/export`, {
    config: { access: READERS },
    schema: { tags, summary: '导出技术合同 The filtered list as .xlsx, headers in the request’s language', querystring: ZExportQuery },
    handler: async (req, reply) => {
      const items = await allContracts(ctx.db, await visibilityOf(ctx.db, actorOf(req)), req.query, EXPORT_MAX);
      const x = await contractsXlsx(items, bureauToday(), requestLang(req));
      return sendXlsx(reply, x.fileName, x.data);
    },
  });

  r.get(`${ROOT}/import-template`, {
    config: { access: CLERKS },
    schema: { tags, summary: '技术合同导入模板 The import template (.xlsx): the export’s columns' },
    handler: async (req, reply) => {
      const x = await contractsXlsx([], bureauToday(), requestLang(req));
      return sendXlsx(reply, requestLang(req) === 'en' ? 'tech-contracts-template.xlsx' : '技术合同导入模板.xlsx', x.data);
    },
  });

  r.post(`${ROOT}/import`, {
    config: { access: CLERKS },
    ...warm,
    schema: {
      tags,
      summary: '导入技术合同 Import contracts (.xlsx / .csv, multipart field "file"; all-or-nothing, errors by row and column)',
      consumes: ['multipart/form-data'],
      response: { 200: ZImportResult },
    },
    handler: async (req) => importContracts(ctx.db, actorOf(req), ctx.homeRegion, await readUpload(req, ctx.readLimits)),
  });

  r.get(`${ROOT}/:id`, {
    config: { access: READERS },
    schema: { tags, summary: '技术合同详情 A contract with its income received and its history', params: ZId, response: { 200: ZTechContractDetail } },
    handler: async (req) => detail(req, req.params.id),
  });

  r.put(`${ROOT}/:id`, {
    config: { access: SUBMITTERS },
    schema: {
      tags,
      summary: '修改待认定或退回的合同 Edit a waiting or returned contract',
      params: ZId,
      body: ZContractInput,
      response: { 200: ZTechContractDetail },
    },
    handler: async (req) => {
      await editContract(ctx.db, actorOf(req), ctx.homeRegion, req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  r.post(`${ROOT}/:id/register`, {
    config: { access: CLERKS },
    ...warm,
    schema: {
      tags,
      summary: '登记 Register (the register clerk): a registration number given or the next',
      params: ZId,
      body: ZRegister,
      response: { 200: ZTechContractDetail },
    },
    handler: async (req) => {
      await decide(ctx.db, actorOf(req), ctx.homeRegion, req.params.id, { action: 'register', ...req.body });
      return detail(req, req.params.id);
    },
  });

  r.post(`${ROOT}/:id/refuse`, {
    config: { access: CLERKS },
    schema: { tags, summary: '不予登记 Refuse with one ground of the rules in force', params: ZId, body: ZRefuse, response: { 200: ZTechContractDetail } },
    handler: async (req) => {
      await decide(ctx.db, actorOf(req), ctx.homeRegion, req.params.id, { action: 'refuse', ...req.body });
      return detail(req, req.params.id);
    },
  });

  r.post(`${ROOT}/:id/return`, {
    config: { access: CLERKS },
    schema: {
      tags,
      summary: '退回补正 Return for missing papers (the clock restarts on resubmission)',
      params: ZId,
      body: ZReturn,
      response: { 200: ZTechContractDetail },
    },
    handler: async (req) => {
      await decide(ctx.db, actorOf(req), ctx.homeRegion, req.params.id, { action: 'return', note: req.body.note });
      return detail(req, req.params.id);
    },
  });

  r.post(`${ROOT}/:id/resubmit`, {
    config: { access: SUBMITTERS },
    schema: { tags, summary: '重新提交 Resubmit a returned contract (its seller or the clerk)', params: ZId, response: { 200: ZTechContractDetail } },
    handler: async (req) => {
      await decide(ctx.db, actorOf(req), ctx.homeRegion, req.params.id, { action: 'resubmit' });
      return detail(req, req.params.id);
    },
  });

  r.post(`${ROOT}/:id/deregister`, {
    config: { access: CLERKS },
    ...warm,
    schema: {
      tags,
      summary: '注销 Deregister a registered contract (terminated or cancelled), with a reason',
      params: ZId,
      body: ZReason,
      response: { 200: ZTechContractDetail },
    },
    handler: async (req) => {
      await decide(ctx.db, actorOf(req), ctx.homeRegion, req.params.id, { action: 'deregister', reason: req.body.reason });
      return detail(req, req.params.id);
    },
  });

  r.post(`${ROOT}/:id/correct`, {
    config: { access: CLERKS },
    ...warm,
    schema: { tags, summary: '更正金额 Correct the amounts with a reason (audited)', params: ZId, body: ZCorrection, response: { 200: ZTechContractDetail } },
    handler: async (req) => {
      await correctAmounts(ctx.db, actorOf(req), ctx.homeRegion, req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  r.post(`${ROOT}/:id/instalments`, {
    config: { access: SUBMITTERS },
    schema: {
      tags,
      summary: '登记到账 Record income received (its seller or the clerk)',
      params: ZId,
      body: ZInstalmentInput,
      response: { 200: ZTechContractDetail },
    },
    handler: async (req) => {
      await recordInstalment(ctx.db, actorOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });
}
