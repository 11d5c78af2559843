/** The registry's HTTP routes: list and profile, hand edits, work lists, tier counts, and the registry's indicator actuals. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZBoundAccountCreate, ZUser } from '@kechuang/platform-core';
import {
  actorOf,
  audit,
  createUser,
  BUREAU_ROLES,
  ADMIN_ROLES,
  READ_ROLES,
  assertRegionInScope,
  dataVersionOf,
  requestLang,
  sendCachedJson,
  sendXlsx,
  ZPage,
  type AppContext,
} from '@kechuang/platform-server';
import { latestBaselineAndTarget, warmLeague } from '@kechuang/indicators/server';
import {
  ZEnterpriseInput,
  ZEnterpriseListItem,
  ZEnterpriseQuery,
  ZEnterpriseSelfInput,
  ZProfile,
  ZQualificationInput,
  ZRdInstitutionInput,
  ZWorkListQuery,
  ZYearFiguresInput,
  ZDoubling,
  ZRegistryActualsResult,
} from '../contract/schemas.ts';
import {
  ZAsOfQuery,
  ZChainCode,
  ZChainInput,
  ZChainList,
  ZCreatedId,
  ZId,
  ZIdYear,
  ZInstitutionParams,
  ZIpHoldings,
  ZListName,
  ZOk,
  ZQualificationParams,
  ZQualificationStatus,
  ZRegionQuery,
  ZUnitCountsList,
  ZWorkListPage,
  ZYears,
  ZYearSource,
} from '../contract/route-schemas.ts';
import { doublingProgress } from '../domain/index.ts';
import { CHECKS_VERSION, recheckIfStale, today } from '../db/recheck.ts';
import { visibleEnterprise } from '../db/scope.ts';
import { findEnterprises } from './find-enterprises.ts';
import { getProfile } from './get-profile.ts';
import {
  addQualification,
  addRdInstitution,
  confirmYear,
  createEnterprise,
  deleteRdInstitution,
  saveYear,
  setIp,
  setQualificationStatus,
  updateEnterprise,
  updateOwnContacts,
} from './save-enterprise.ts';
import { findWorkList, WORK_LIST_TITLES, WORK_LIST_TITLES_EN, workListXlsx } from './work-lists.ts';
import { countDate, tierCounts, tierCountsXlsx } from './tier-counts.ts';
import { writeRegistryActuals } from './registry-actuals.ts';
import { registryImportRoutes } from './import-routes.ts';
import { enterpriseError } from './errors.ts';
import { registryXlsx } from './export-registry.ts';

const tags = ['enterprises'];
const ANYONE = { roles: [...READ_ROLES, 'enterpriseUser'] as const };
const READ = { roles: READ_ROLES };
const BUREAU = { roles: BUREAU_ROLES };
const ZEnterprisePage = ZPage(ZEnterpriseListItem);

function yearRange(q: { from: number; to: number }): number[] {
  if (q.to < q.from) throw enterpriseError('ENT_YEARS_REVERSED', { details: { field: 'to' } });
  if (q.to - q.from > 20) throw enterpriseError('ENT_YEARS_TOO_MANY', { params: { max: 20 }, details: { field: 'to' } });
  return Array.from({ length: q.to - q.from + 1 }, (_, i) => q.from + i);
}

export function enterpriseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registryImportRoutes(app, ctx);

  // an upgraded database keeps checks made under other rules or inputs: recompute them once, before serving
  app.addHook('onReady', async () => {
    const rechecked = await recheckIfStale(ctx.db);
    if (rechecked !== null) app.log.info(`enterprise checks recomputed for ${rechecked} enterprises (${CHECKS_VERSION})`);
  });

  r.get('/api/enterprises', {
    config: { access: ANYONE },
    schema: { tags, summary: '企业库 The registry', querystring: ZEnterpriseQuery, response: { 200: ZEnterprisePage } },
    // a page is cached per data version (read with the session) and serialised once
    handler: async (req, reply) => {
      const versions = { enterprises: dataVersionOf(req, 'enterprises'), regions: dataVersionOf(req, 'regions') };
      return sendCachedJson(reply, await findEnterprises(ctx.db, actorOf(req).scope, req.query, today(), versions), ZEnterprisePage);
    },
  });

  r.get('/api/enterprises/export', {
    config: { access: READ },
    schema: { tags, summary: '导出企业库 Export the registry (.xlsx)', querystring: ZEnterpriseQuery },
    handler: async (req, reply) => {
      const { items } = await findEnterprises(ctx.db, actorOf(req).scope, { ...req.query, page: 1, pageSize: 100_000 }, today());
      const file = await registryXlsx(ctx.db, items, today(), requestLang(req));
      return sendXlsx(reply, file.fileName, file.data);
    },
  });

  r.post('/api/enterprises', {
    config: { access: BUREAU },
    schema: { tags, summary: '登记企业 Register an enterprise', body: ZEnterpriseInput, response: { 200: ZCreatedId } },
    handler: async (req) => createEnterprise(ctx.db, actorOf(req), req.body),
  });

  r.get('/api/enterprises/:id', {
    config: { access: ANYONE },
    schema: {
      tags,
      summary: '企业画像 An enterprise profile with its rule checks',
      params: ZId,
      querystring: ZAsOfQuery,
      response: { 200: ZProfile },
    },
    handler: async (req) => getProfile(ctx.db, actorOf(req), req.params.id, req.query.asOf),
  });

  r.put('/api/enterprises/:id', {
    config: { access: BUREAU },
    schema: { tags, summary: '修改企业信息 Edit master data', params: ZId, body: ZEnterpriseInput, response: { 200: ZOk } },
    handler: async (req) => {
      await updateEnterprise(ctx.db, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  });

  r.put('/api/enterprises/:id/contacts', {
    config: { access: { roles: [...BUREAU_ROLES, 'enterpriseUser'] } },
    schema: { tags, summary: '修改地址与联系人 Edit address and contacts', params: ZId, body: ZEnterpriseSelfInput, response: { 200: ZOk } },
    handler: async (req) => {
      await updateOwnContacts(ctx.db, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  });

  r.put('/api/enterprises/:id/years/:year', {
    config: { access: { roles: [...BUREAU_ROLES, 'enterpriseUser'] } },
    schema: {
      tags,
      summary: '填报年度数据 Figures of a year (an enterprise user: a self-report)',
      params: ZIdYear,
      body: ZYearFiguresInput,
      response: { 200: ZYearSource },
    },
    handler: async (req) => saveYear(ctx.db, actorOf(req), req.params.id, req.params.year, req.body),
  });

  r.post('/api/enterprises/:id/years/:year/confirm', {
    config: { access: BUREAU },
    schema: { tags, summary: '确认企业自报数据 Confirm a self-report', params: ZIdYear, response: { 200: ZOk } },
    handler: async (req) => {
      await confirmYear(ctx.db, actorOf(req), req.params.id, req.params.year);
      return { ok: true as const };
    },
  });

  r.put('/api/enterprises/:id/ip', {
    config: { access: BUREAU },
    schema: { tags, summary: '知识产权 IP held', params: ZId, body: ZIpHoldings, response: { 200: ZOk } },
    handler: async (req) => {
      await setIp(ctx.db, actorOf(req), req.params.id, req.body.items);
      return { ok: true as const };
    },
  });

  r.post('/api/enterprises/:id/qualifications', {
    config: { access: BUREAU },
    schema: { tags, summary: '登记资质 Add a qualification', params: ZId, body: ZQualificationInput, response: { 200: ZCreatedId } },
    handler: async (req) => addQualification(ctx.db, actorOf(req), req.params.id, req.body),
  });

  r.put('/api/enterprises/:id/qualifications/:qualificationId/status', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '撤销或恢复资质 Revoke or restore',
      params: ZQualificationParams,
      body: ZQualificationStatus,
      response: { 200: ZOk },
    },
    handler: async (req) => {
      await setQualificationStatus(ctx.db, actorOf(req), req.params.id, req.params.qualificationId, req.body.status);
      return { ok: true as const };
    },
  });

  r.post('/api/enterprises/:id/rd-institutions', {
    config: { access: BUREAU },
    schema: { tags, summary: '登记研发机构 Add an R&D institution', params: ZId, body: ZRdInstitutionInput, response: { 200: ZCreatedId } },
    handler: async (req) => addRdInstitution(ctx.db, actorOf(req), req.params.id, req.body),
  });

  r.delete('/api/enterprises/:id/rd-institutions/:institutionId', {
    config: { access: BUREAU },
    schema: {
      tags,
      summary: '删除研发机构 Remove an R&D institution',
      params: ZInstitutionParams,
      response: { 200: ZOk },
    },
    handler: async (req) => {
      await deleteRdInstitution(ctx.db, actorOf(req), req.params.id, req.params.institutionId);
      return { ok: true as const };
    },
  });

  r.get('/api/enterprises/lists/:list', {
    config: { access: READ },
    schema: {
      tags,
      summary: '工作清单 A work list',
      params: ZListName,
      querystring: ZWorkListQuery,
      response: { 200: ZWorkListPage },
    },
    handler: async (req) => findWorkList(ctx.db, actorOf(req).scope, req.params.list, req.query, req.query.asOf ?? today()),
  });

  r.get('/api/enterprises/lists/:list/export', {
    config: { access: READ },
    schema: { tags, summary: '导出工作清单 Export a work list (.xlsx)', params: ZListName, querystring: ZWorkListQuery },
    handler: async (req, reply) => {
      const asOf = req.query.asOf ?? today();
      const lang = requestLang(req);
      const data = await workListXlsx(ctx.db, actorOf(req).scope, req.params.list, req.query, asOf, lang);
      return sendXlsx(reply, `${(lang === 'en' ? WORK_LIST_TITLES_EN : WORK_LIST_TITLES)[req.params.list]}_${asOf}.xlsx`, data);
    },
  });

  r.get('/api/enterprises/tiers', {
    config: { access: READ },
    schema: { tags, summary: '梯队统计 Counts per town and year', querystring: ZYears, response: { 200: ZUnitCountsList } },
    handler: async (req) => {
      const items = [];
      for (const y of yearRange(req.query)) items.push(...(await tierCounts(ctx.db, actorOf(req).scope, ctx.homeRegion, y)));
      return { items };
    },
  });

  r.get('/api/enterprises/tiers/export', {
    config: { access: READ },
    schema: { tags, summary: '导出梯队统计 Export the counts (.xlsx)', querystring: ZYears },
    handler: async (req, reply) => {
      const rows = [];
      for (const y of yearRange(req.query))
        rows.push(...(await tierCounts(ctx.db, actorOf(req).scope, ctx.homeRegion, y)).map((c) => ({ ...c, countDate: countDate(y) })));
      const lang = requestLang(req);
      return sendXlsx(reply, `${lang === 'en' ? 'tier-counts' : '梯队统计'}_${req.query.from}-${req.query.to}.xlsx`, await tierCountsXlsx(rows, lang));
    },
  });

  r.get('/api/enterprises/tiers/doubling', {
    config: { access: READ },
    schema: {
      tags,
      summary: '双倍增进度 Doubling progress of HNTE and tech-SME counts',
      querystring: ZRegionQuery,
      response: { 200: ZDoubling },
    },
    handler: async (req) => {
      const scope = actorOf(req).scope;
      const region = await assertRegionInScope(ctx.db, scope, req.query.region ?? (scope.kind === 'region' ? scope.regionCode : ctx.homeRegion));
      // HNTE: certificates valid today; tech-SMEs: registrations of the last full year (this year's are still coming in)
      const thisYear = Number(today().slice(0, 4));
      const items = [];
      for (const [code, key, year] of [
        ['HNTE_COUNT', 'hnte', thisYear],
        ['TECH_SME_COUNT', 'techSme', thisYear - 1],
      ] as const) {
        const counts = (await tierCounts(ctx.db, scope, ctx.homeRegion, year)).find((c) => c.regionCode === region.code);
        const plan = await latestBaselineAndTarget(ctx.db, region.code, code);
        const base = plan.find((p) => p.kind === 'baseline');
        const target = plan.find((p) => p.kind === 'target');
        items.push({
          indicatorCode: code,
          countDate: countDate(year),
          progress:
            base && target && counts
              ? doublingProgress({
                  baseYear: base.year,
                  base: Number(base.value),
                  year,
                  current: counts[key],
                  targetYear: target.year,
                  target: Number(target.value),
                })
              : null,
        });
      }
      return { regionCode: region.code, regionName: region.name, items };
    },
  });

  r.post('/api/enterprises/tiers/indicator-actuals', {
    config: { access: BUREAU },
    onResponse: async (_req, reply) => {
      if (reply.statusCode < 300) warmLeague(ctx.db, ctx.homeRegion);
    },
    schema: {
      tags,
      summary: '由企业库生成指标实际值 Write the registry counts as computed indicator actuals',
      body: ZYears,
      response: { 200: ZRegistryActualsResult },
    },
    handler: async (req) => writeRegistryActuals(ctx.db, actorOf(req), ctx.homeRegion, yearRange(req.body)),
  });

  r.post('/api/enterprises/:id/accounts', {
    config: { access: { roles: ADMIN_ROLES } },
    schema: {
      tags,
      summary: '为企业开通账号 Create an account for the enterprise (role enterpriseUser)',
      params: ZId,
      body: ZBoundAccountCreate,
      response: { 200: ZUser },
    },
    handler: async (req) => {
      const e = await visibleEnterprise(ctx.db, actorOf(req).scope, req.params.id);
      return createUser(ctx.db, actorOf(req), {
        ...req.body,
        displayName: req.body.displayName ?? e.name,
        role: 'enterpriseUser',
        regionCode: e.regionCode,
        boundId: e.id,
      });
    },
  });

  r.get('/api/enterprises/chains', {
    config: { access: ANYONE },
    schema: {
      tags,
      summary: '产业链目录 Industry chains',
      response: { 200: ZChainList },
    },
    handler: async () => ({
      items: await ctx.db.query<{ code: string; name: string; sort: number }>('select code, name, sort from industry_chains order by sort, code'),
    }),
  });

  r.put('/api/enterprises/chains/:code', {
    config: { access: { roles: ADMIN_ROLES } },
    schema: {
      tags,
      summary: '新增或改名产业链 Add or rename an industry chain',
      params: ZChainCode,
      body: ZChainInput,
      response: { 200: ZOk },
    },
    handler: async (req) => {
      await ctx.db.transaction(async (tx) => {
        const [before] = await tx.query('select name, sort from industry_chains where code = $1', [req.params.code]);
        const [clash] = await tx.query<{ code: string }>('select code from industry_chains where name = $1 and code <> $2', [req.body.name, req.params.code]);
        if (clash) throw enterpriseError('ENT_CHAIN_NAME_TAKEN', { params: { name: req.body.name, code: clash.code }, details: { field: 'name' } });
        await tx.query(
          'insert into industry_chains (code, name, sort) values ($1, $2, $3) on conflict (code) do update set name = excluded.name, sort = excluded.sort',
          [req.params.code, req.body.name, req.body.sort],
        );
        await audit(tx, actorOf(req), {
          action: 'industryChain.save',
          entity: 'industryChain',
          entityId: req.params.code,
          before: before ?? null,
          after: req.body,
        });
      });
      return { ok: true as const };
    },
  });
}
