/** Read routes: catalogue, plans, report, league, trend, cockpit, values — and their Excel exports. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { actorOf, dataVersionOf, READ_ROLES, requestLang, sendCachedJson, sendXlsx, ZPage, type AppContext } from '@kechuang/platform-server';
import { allPlans, findIndicators } from '../db/catalogue-queries.ts';
import { computeReport } from './compute-report.ts';
import { computeLeague, defaultPeriod, periodsWithActuals, type League } from './compute-league.ts';
import { computeTrend } from './compute-trend.ts';
import { getCockpit } from './get-cockpit.ts';
import { indicatorError } from './errors.ts';
import { findValues } from './find-values.ts';
import { catalogueXlsx, leagueXlsx, reportXlsx, valuesXlsx } from './exports.ts';
import { ZCatalogueItem, ZCockpit, ZLeague, ZLeagueQuery, ZReport, ZReportQuery, ZTrend, ZValueRow, ZValuesQuery } from '../contract/schemas.ts';
import { ZCockpitQuery, ZIndicatorQuery, ZPeriodList, ZPlanList, ZTrendQuery } from '../contract/route-schemas.ts';

const READ = { roles: READ_ROLES };

function sortLeague(l: League, q: z.infer<typeof ZLeagueQuery>): League['items'] {
  const items = [...l.items];
  if (q.indicator) {
    if (!l.indicators.some((i) => i.code === q.indicator)) throw indicatorError('INDICATOR_UNKNOWN', { details: { field: 'indicator', value: q.indicator } });
    const rank = (x: (typeof items)[number]) => x.cells[q.indicator!]?.rank ?? Number.MAX_SAFE_INTEGER;
    items.sort((a, b) => rank(a) - rank(b) || a.regionCode.localeCompare(b.regionCode));
  }
  const keys: Record<string, (x: (typeof items)[number]) => number | string | null> = {
    rank: (x) => x.rank,
    regionCode: (x) => x.regionCode,
    greenShare: (x) => x.greenShare,
    completion: (x) => x.completion,
    red: (x) => x.red,
    green: (x) => x.green,
  };
  const key = q.sort ? keys[q.sort] : undefined;
  if (key) {
    const dir = q.order === 'descend' ? -1 : 1;
    items.sort((a, b) => {
      const x = key(a),
        y = key(b);
      if (x === y) return a.rank - b.rank;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }
  if (q.q) return items.filter((i) => i.regionName.includes(q.q!) || i.regionCode.includes(q.q!));
  return items;
}

export function indicatorReadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];

  r.get('/api/indicators', {
    config: { access: READ },
    schema: { tags, summary: '指标目录 Indicator catalogue', querystring: ZIndicatorQuery, response: { 200: ZPage(ZCatalogueItem) } },
    handler: async (req) => findIndicators(ctx.db, req.query),
  });

  r.get('/api/indicators/export', {
    config: { access: READ },
    schema: { tags, summary: '导出指标目录 Export the catalogue (.xlsx)', querystring: ZIndicatorQuery },
    handler: async (req, reply) => {
      const { items } = await findIndicators(ctx.db, { ...req.query, page: 1, pageSize: 10_000 });
      const lang = requestLang(req);
      return sendXlsx(reply, lang === 'en' ? 'indicator-catalogue.xlsx' : '指标目录.xlsx', await catalogueXlsx(items, lang));
    },
  });

  r.get('/api/indicators/plans', {
    config: { access: READ },
    schema: { tags, summary: '规划 Plans', response: { 200: ZPlanList } },
    handler: async () => ({ items: await allPlans(ctx.db) }),
  });

  r.get('/api/indicators/periods', {
    config: { access: READ },
    schema: { tags, summary: '有实际值的期间 Periods with actuals, newest first, and the one the pages open on', response: { 200: ZPeriodList } },
    handler: async () => ({ items: await periodsWithActuals(ctx.db), default: await defaultPeriod(ctx.db) }),
  });

  r.get('/api/indicators/report', {
    config: { access: READ },
    schema: { tags, summary: '指标进度报告 Progress report of a region for a period', querystring: ZReportQuery, response: { 200: ZReport } },
    handler: async (req) => computeReport(ctx.db, actorOf(req).scope, req.query),
  });

  r.get('/api/indicators/report/export', {
    config: { access: READ },
    schema: { tags, summary: '导出进度报告 Export the report (.xlsx)', querystring: ZReportQuery },
    handler: async (req, reply) => {
      const report = await computeReport(ctx.db, actorOf(req).scope, req.query);
      const lang = requestLang(req);
      return sendXlsx(reply, `${lang === 'en' ? 'progress' : '指标进度'}_${report.region.name}_${report.period}.xlsx`, await reportXlsx(report, lang));
    },
  });

  r.get('/api/indicators/league', {
    config: { access: READ },
    schema: { tags, summary: '亮灯赛绩 League table of towns and parks', querystring: ZLeagueQuery, response: { 200: ZLeague } },
    handler: async (req) => {
      const q = req.query;
      const league = await computeLeague(ctx.db, actorOf(req).scope, ctx.homeRegion, { ...q, version: dataVersionOf(req, 'indicators') });
      const items = sortLeague(league, q);
      return { ...league, items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize };
    },
  });

  r.get('/api/indicators/league/export', {
    config: { access: READ },
    schema: { tags, summary: '导出亮灯赛绩 Export the league (.xlsx)', querystring: ZLeagueQuery },
    handler: async (req, reply) => {
      const league = await computeLeague(ctx.db, actorOf(req).scope, ctx.homeRegion, { ...req.query, version: dataVersionOf(req, 'indicators') });
      const lang = requestLang(req);
      return sendXlsx(
        reply,
        `${lang === 'en' ? 'league' : '亮灯赛绩'}_${league.period}.xlsx`,
        await leagueXlsx({ ...league, items: sortLeague(league, req.query) }, lang),
      );
    },
  });

  r.get('/api/indicators/trend', {
    config: { access: READ },
    schema: {
      tags,
      summary: '指标趋势 Trend of one indicator in one region',
      querystring: ZTrendQuery,
      response: { 200: ZTrend },
    },
    handler: async (req) => computeTrend(ctx.db, actorOf(req).scope, req.query),
  });

  r.get('/api/indicators/cockpit', {
    config: { access: READ },
    schema: {
      tags,
      summary: '驾驶舱 Cockpit: headline indicators, lights, league, trends',
      querystring: ZCockpitQuery,
      response: { 200: ZCockpit },
    },
    handler: async (req, reply) =>
      sendCachedJson(
        reply,
        await getCockpit(ctx.db, actorOf(req).scope, ctx.homeRegion, { ...req.query, version: dataVersionOf(req, 'indicators') }),
        ZCockpit,
      ),
  });

  r.get('/api/indicators/values', {
    config: { access: READ },
    schema: { tags, summary: '指标数据 Values in the jurisdiction', querystring: ZValuesQuery, response: { 200: ZPage(ZValueRow) } },
    handler: async (req) => findValues(ctx.db, actorOf(req).scope, req.query),
  });

  r.get('/api/indicators/values/export', {
    config: { access: READ },
    schema: { tags, summary: '导出指标数据 Export values (.xlsx)', querystring: ZValuesQuery },
    handler: async (req, reply) => {
      const { items } = await findValues(ctx.db, actorOf(req).scope, { ...req.query, page: 1, pageSize: 200_000 });
      const lang = requestLang(req);
      return sendXlsx(reply, lang === 'en' ? 'indicator-values.xlsx' : '指标数据.xlsx', await valuesXlsx(items, lang));
    },
  });
}
