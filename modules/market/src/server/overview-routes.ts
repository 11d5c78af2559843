/**
 * The market's page for leaders (科技大市场 · 成效, issue 11 item 7): GET /api/market/overview gives the user's region's
 * listings, matches, leads and deals per month and town with the registered technology contracts (read through the
 * tech-contracts room's exports), for the bureau, leaders and town officers; a town officer sees its town alone.
 * GET /api/market/overview/export writes the town table and the months as .xlsx in the request's language.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BUREAU_ROLES,
  actorOf,
  reportingUnits,
  requestLang,
  sendXlsx,
  writeXlsx,
  type AppContext,
  type Db,
  type ExportColumn,
} from '@kechuang/platform-server';
import { bureauToday, type MessageLang } from '@kechuang/platform-core';
import { registeredByMonth } from '@kechuang/tech-contracts/server';
import { LISTING_KINDS } from '../contract/kinds.ts';
import { LEAD_STATUSES } from '../contract/lead-stages.ts';
import { ZMarketOverview, ZOverviewQuery, monthsBetween, type MarketOverview, type OverviewFigures } from '../contract/overview.ts';
import { leadsByMonth, listingsByMonth, matchesByMonth, signedByMonth } from '../db/overview.ts';
import { marketError } from './errors.ts';
import { tags } from './room.ts';

const REGION_READERS = { roles: [...BUREAU_ROLES, 'leader', 'townOfficer'] as const };

const zeroFigures = (): OverviewFigures => ({
  listings: { achievement: 0, demand: 0, expert: 0, broker: 0, provider: 0 },
  matches: 0,
  leads: { contacted: 0, negotiating: 0, signed: 0, dropped: 0 },
  signed: 0,
  contracts: 0,
  contractAmount: 0,
  techAmount: 0,
});

const round2 = (x: number) => Math.round(x * 100) / 100;

function addFigures(a: OverviewFigures, b: OverviewFigures): void {
  for (const k of LISTING_KINDS) a.listings[k] += b.listings[k];
  for (const s of LEAD_STATUSES) a.leads[s] += b.leads[s];
  a.matches += b.matches;
  a.signed += b.signed;
  a.contracts += b.contracts;
  a.contractAmount = round2(a.contractAmount + b.contractAmount);
  a.techAmount = round2(a.techAmount + b.techAmount);
}

/** the default period: January of last year to this month */
function period(q: { from?: string; to?: string }): { from: string; to: string } {
  const today = bureauToday();
  // from alone: to this month, at most the end of from's fifth year, at least the end of from's year
  const latest = q.from ? `${Number(q.from.slice(0, 4)) + 4}-12` : today.slice(0, 7);
  const to = q.to ?? [today.slice(0, 7), latest].sort()[0];
  if (q.from && to < q.from) return { from: q.from, to: `${q.from.slice(0, 4)}-12` };
  const from = q.from ?? (q.to ? `${q.to.slice(0, 4)}-01` : `${Number(today.slice(0, 4)) - 1}-01`);
  return { from, to };
}

export async function marketOverview(db: Db, district: string, path: string, from: string, to: string): Promise<MarketOverview> {
  const [listings, matches, leads, signed, contracts, units] = await Promise.all([
    listingsByMonth(db, path, from, to),
    matchesByMonth(db, path, from, to),
    leadsByMonth(db, path, from, to),
    signedByMonth(db, path, from, to),
    registeredByMonth(db, path, from, to),
    reportingUnits(db, district),
  ]);
  // the units of the user's region: all the district's for the district, its own for a town officer
  const inScope = units.filter((u) => u.path.startsWith(path) || path.startsWith(u.path));
  const towns = inScope.map((u) => ({ code: u.code, name: u.name }));
  const townOf = (regionPath: string): string => {
    const unit = inScope.find((u) => regionPath.startsWith(u.path));
    if (unit) return unit.code;
    if (!towns.some((t) => t.code === district)) towns.push({ code: district, name: '区本级' });
    return district;
  };
  const cells = new Map<string, MarketOverview['cells'][number]>();
  const cell = (m: string, regionPath: string) => {
    const town = townOf(regionPath);
    const id = `${m}|${town}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { month: m, town, ...zeroFigures() }));
    return c;
  };
  for (const r of listings) cell(r.month, r.regionPath).listings[r.kind] += r.n;
  for (const r of matches) cell(r.month, r.regionPath).matches += r.n;
  for (const r of leads) cell(r.month, r.regionPath).leads[r.status] += r.n;
  for (const r of signed) cell(r.month, r.regionPath).signed += r.n;
  for (const r of contracts) {
    const c = cell(r.month, r.regionPath);
    c.contracts += r.count;
    c.contractAmount = round2(c.contractAmount + r.contractAmount);
    c.techAmount = round2(c.techAmount + r.techAmount);
  }
  const sorted = [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || a.town.localeCompare(b.town));
  const totals = zeroFigures();
  for (const c of sorted) addFigures(totals, c);
  return { from, to, months: monthsBetween(from, to), towns, cells: sorted, totals };
}

/** the headers of the export's columns (amounts in yuan) */
const COLUMNS: [key: string, zh: string, en: string][] = [
  ['achievement', '发布成果', 'Achievements published'],
  ['demand', '发布需求', 'Demands published'],
  ['expert', '入库专家', 'Experts listed'],
  ['broker', '技术经纪人', 'Brokers listed'],
  ['provider', '服务机构', 'Providers listed'],
  ['matches', '推送匹配', 'Matches pushed'],
  ['leadsOpened', '新增跟进', 'Leads opened'],
  ['negotiating', '其中洽谈中', 'of which negotiating'],
  ['dropped', '其中已终止', 'of which dropped'],
  ['signed', '签约', 'Deals signed'],
  ['contracts', '登记技术合同', 'Contracts registered'],
  ['contractAmount', '合同成交额（元）', 'Contract amount (CNY)'],
  ['techAmount', '技术交易额（元）', 'Technology-transaction amount (CNY)'],
];

const flat = (f: OverviewFigures) => ({
  ...f.listings,
  matches: f.matches,
  leadsOpened: LEAD_STATUSES.reduce((s, k) => s + f.leads[k], 0),
  negotiating: f.leads.negotiating,
  dropped: f.leads.dropped,
  signed: f.signed,
  contracts: f.contracts,
  contractAmount: f.contractAmount,
  techAmount: f.techAmount,
});

export async function overviewXlsx(o: MarketOverview, lang: MessageLang): Promise<{ fileName: string; data: Buffer }> {
  const en = lang === 'en';
  const figureColumns: ExportColumn[] = COLUMNS.map(([key, zh, eng]) => ({
    key,
    header: en ? eng : zh,
    width: key.endsWith('Amount') ? 20 : 12,
    ...(key.endsWith('Amount') && { numFmt: '#,##0.00' }),
  }));
  const byTown = o.towns.map((t) => {
    const f = zeroFigures();
    for (const c of o.cells) if (c.town === t.code) addFigures(f, c);
    return { town: en && t.name === '区本级' ? 'District level' : t.name, ...flat(f) };
  });
  byTown.push({ town: en ? 'Total' : '合计', ...flat(o.totals) });
  const byMonth = o.months.map((m) => {
    const f = zeroFigures();
    for (const c of o.cells) if (c.month === m) addFigures(f, c);
    return { month: m, ...flat(f) };
  });
  const data = await writeXlsx([
    { name: en ? 'By town' : '分镇街', columns: [{ key: 'town', header: en ? 'Town' : '镇街', width: 16 }, ...figureColumns], rows: byTown },
    { name: en ? 'By month' : '分月', columns: [{ key: 'month', header: en ? 'Month' : '月份', width: 10 }, ...figureColumns], rows: byMonth },
  ]);
  return { fileName: `${en ? 'market-overview' : '科技大市场成效'}_${o.from}_${o.to}.xlsx`, data };
}

export function overviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scoped = (req: Parameters<typeof actorOf>[0], q: { from?: string; to?: string }) => {
    const actor = actorOf(req);
    if (actor.scope.kind !== 'region') throw marketError('MKT_BUREAU_ONLY');
    const { from, to } = period(q);
    return marketOverview(ctx.db, ctx.homeRegion, actor.scope.path, from, to);
  };

  r.get('/api/market/overview', {
    config: { access: REGION_READERS },
    schema: {
      tags,
      summary: '科技大市场成效 The region’s listings, matches, leads, deals and registered contracts per month and town',
      querystring: ZOverviewQuery,
      response: { 200: ZMarketOverview },
    },
    handler: async (req) => scoped(req, req.query),
  });

  r.get('/api/market/overview/export', {
    config: { access: REGION_READERS },
    schema: { tags, summary: '导出科技大市场成效 The town table and the months as .xlsx, headers in the request’s language', querystring: ZOverviewQuery },
    handler: async (req, reply) => {
      const x = await overviewXlsx(await scoped(req, req.query), requestLang(req));
      return sendXlsx(reply, x.fileName, x.data);
    },
  });
}
