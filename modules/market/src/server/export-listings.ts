/**
 * Excel export of listings (issue 11 item 8): GET /api/market/<kind>/export takes the search's filters (and its
 * text, ranked as the search ranks it, best first) and writes the listings the user may see as .xlsx, one sheet,
 * headers in the request's language; prices and budgets in 万元.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bureauToday, type MessageLang } from '@kechuang/platform-core';
import { actorOf, requestLang, sendXlsx, writeXlsx, type AppContext, type ExportColumn } from '@kechuang/platform-server';
import { KIND_PATHS, MARKET_FIELDS, QUERY_MAX, QUERY_MIN, TRANSFER_MODES, type ListingKind } from '../contract/kinds.ts';
import { ZListingStatus, type Listing } from '../contract/market.ts';
import { KINDS, listPage, listingsByIds, searchWhere, type KindSpec } from '../db/listings.ts';
import { marketError } from './errors.ts';
import { ranked } from './matching.ts';
import { queryText } from './reading.ts';
import { viewerOf } from './routes.ts';
import { tags } from './room.ts';

/** the most listings one export writes */
export const EXPORT_MAX = 5_000;

const num = z.coerce.number();
export const ZListingExportQuery = z.object({
  q: z.string().max(100_000).optional(),
  field: z.enum(MARKET_FIELDS).optional(),
  chain: z.string().max(50).optional(),
  trlMin: num.int().min(1).max(9).optional(),
  trlMax: num.int().min(1).max(9).optional(),
  mode: z.enum(TRANSFER_MODES).optional(),
  priceMax: num.nonnegative().optional(),
  budgetMin: num.nonnegative().optional(),
  status: ZListingStatus.optional(),
  town: z.string().max(20).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

const STATUS: Record<string, [string, string]> = {
  draft: ['草稿', 'Draft'],
  pending: ['待审核', 'Pending review'],
  published: ['已发布', 'Published'],
  returned: ['已退回', 'Returned'],
  takenDown: ['已下架', 'Taken down'],
};
const MODES: Record<string, [string, string]> = {
  transfer: ['转让', 'Transfer'],
  license: ['许可', 'Licence'],
  equity: ['作价入股', 'Equity'],
  jointDevelopment: ['合作开发', 'Joint development'],
};
const CERTIFICATES: Record<string, [string, string]> = { licence: ['技术经纪人证书', 'Broker licence'], training: ['培训合格证书', 'Training certificate'] };
const PROVIDERS: Record<string, [string, string]> = {
  testing: ['检验检测', 'Testing'],
  intellectualProperty: ['知识产权', 'Intellectual property'],
  evaluation: ['技术评估', 'Technology evaluation'],
  consulting: ['咨询', 'Consulting'],
  pilot: ['中试', 'Pilot'],
  finance: ['科技金融', 'Technology finance'],
  other: ['其他', 'Other'],
};

type Col = [key: string, zh: string, en: string, value: (l: Listing, en: boolean) => string | number | null, width?: number];
const pick = (labels: Record<string, [string, string]>, v: string | undefined, en: boolean) => (v ? (labels[v]?.[en ? 1 : 0] ?? v) : '');

const COMMON_HEAD: Col[] = [['id', '编号', 'ID', (l) => l.id, 8]];
const COMMON_TAIL: Col[] = [
  ['field', '领域', 'Field', (l) => l.field ?? '', 10],
  ['chainTags', '产业链', 'Industry chain', (l) => l.chainTags.join('、'), 16],
  ['owner', '所属单位', 'Owner', (l) => l.owner.name, 24],
  ['region', '所在地区', 'Region', (l) => l.regionName, 14],
  ['contact', '联系方式', 'Contact', (l) => l.contact, 18],
  ['status', '状态', 'Status', (l, en) => pick(STATUS, l.status, en), 10],
  ['publishedAt', '发布时间', 'Published', (l) => (l.publishedAt ?? '').slice(0, 10), 12],
];
const negotiable = (en: boolean) => (en ? 'Negotiable' : '面议');

const KIND_COLUMNS: Record<ListingKind, Col[]> = {
  achievement: [
    ['title', '成果名称', 'Title', (l) => l.title, 36],
    ['text', '成果简介', 'Abstract', (l) => l.text, 60],
    ['keywords', '关键词', 'Keywords', (l) => l.keywords.join('、'), 24],
    ['trl', '技术成熟度', 'Readiness level (TRL)', (l) => l.trl ?? null, 10],
    ['modes', '转化方式', 'Transfer modes', (l, en) => (l.modes ?? []).map((m) => pick(MODES, m, en)).join('、'), 18],
    ['price', '意向价格（万元）', 'Asking price (10k CNY)', (l, en) => (l.priceNegotiable ? negotiable(en) : (l.price ?? null)), 14],
    ['ip', '知识产权', 'IP', (l) => l.ip ?? '', 24],
  ],
  demand: [
    ['title', '需求名称', 'Title', (l) => l.title, 36],
    ['text', '需求描述', 'Description', (l) => l.text, 60],
    ['budgetMin', '预算下限（万元）', 'Budget from (10k CNY)', (l) => l.budgetMin ?? null, 14],
    ['budgetMax', '预算上限（万元）', 'Budget to (10k CNY)', (l) => l.budgetMax ?? null, 14],
    ['deadline', '截止日期', 'Deadline', (l) => l.deadline ?? '', 12],
  ],
  expert: [
    ['title', '姓名', 'Name', (l) => l.title, 12],
    ['proTitle', '职称', 'Title', (l) => l.proTitle ?? '', 12],
    ['affiliation', '工作单位', 'Affiliation', (l) => l.affiliation ?? '', 24],
    ['keywords', '研究方向', 'Keywords', (l) => l.keywords.join('、'), 24],
    ['text', '主要项目', 'Past projects', (l) => l.text, 60],
  ],
  broker: [
    ['title', '姓名', 'Name', (l) => l.title, 12],
    ['organisation', '所在机构', 'Organisation', (l) => l.organisation ?? '', 24],
    ['certificateKind', '证书类型', 'Certificate', (l, en) => pick(CERTIFICATES, l.certificateKind, en), 16],
    ['certificateNo', '证书编号', 'Certificate no.', (l) => l.certificateNo ?? '', 16],
    ['keywords', '擅长领域', 'Specialities', (l) => l.keywords.join('、'), 24],
    ['text', '业绩', 'Deals record', (l) => l.text, 60],
  ],
  provider: [
    ['title', '机构名称', 'Name', (l) => l.title, 30],
    ['providerKind', '服务类型', 'Service', (l, en) => pick(PROVIDERS, l.providerKind, en), 12],
    ['uscc', '统一社会信用代码', 'USCC', (l) => l.uscc ?? '', 22],
    ['keywords', '服务内容', 'Services', (l) => l.keywords.join('、'), 24],
    ['text', '机构介绍', 'About', (l) => l.text, 60],
  ],
};

export async function listingsXlsx(spec: KindSpec, items: Listing[], lang: MessageLang): Promise<{ fileName: string; data: Buffer }> {
  const en = lang === 'en';
  const cols = [...COMMON_HEAD, ...KIND_COLUMNS[spec.kind], ...COMMON_TAIL];
  const columns: ExportColumn[] = cols.map(([key, zh, eng, , width]) => ({ key, header: en ? eng : zh, width: width ?? 12 }));
  const rows = items.map((l) => Object.fromEntries(cols.map(([key, , , value]) => [key, value(l, en)])));
  const name = en ? `${spec.label.en}s` : spec.label.zh;
  const data = await writeXlsx([{ name, columns, rows }]);
  return { fileName: `${en ? `market-${KIND_PATHS[spec.kind]}` : spec.label.zh}_${bureauToday()}.xlsx`, data };
}

export function listingExportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const spec of Object.values(KINDS)) {
    r.get(`/api/market/${KIND_PATHS[spec.kind]}/export`, {
      config: { access: 'signedIn' as const },
      schema: {
        tags,
        summary: `导出${spec.label.zh} Export ${spec.label.en}s: the search's filters (and text), as .xlsx, headers in the request’s language`,
        querystring: ZListingExportQuery,
      },
      handler: async (req, reply) => {
        const actor = actorOf(req);
        const { q, mine, ...filters } = req.query;
        const where = searchWhere(spec, viewerOf(actor), {
          ...filters,
          mine:
            mine === 'true'
              ? { userId: actor.id, bound: actor.scope.kind === 'bound' ? { kind: actor.scope.boundKind, id: actor.scope.boundId } : null }
              : undefined,
        });
        let items: Listing[];
        if (q === undefined) items = (await listPage(ctx.db, spec, where, 1, EXPORT_MAX)).items;
        else {
          const t = q.trim();
          const length = [...t].length;
          if (length < QUERY_MIN) throw marketError('MKT_QUERY_TOO_SHORT', { params: { min: QUERY_MIN }, details: { field: 'q', value: q } });
          if (length > QUERY_MAX) throw marketError('MKT_QUERY_TOO_LONG', { params: { max: QUERY_MAX, length }, details: { field: 'q', length } });
          const { matches } = await ranked(ctx.db, spec, where, queryText(t), EXPORT_MAX);
          const byId = new Map(
            (
              await listingsByIds(
                ctx.db,
                spec,
                matches.map((m) => Number(m.id)),
              )
            ).map((l) => [l.id, l]),
          );
          items = matches.map((m) => byId.get(Number(m.id))).filter((l): l is Listing => l !== undefined);
        }
        const x = await listingsXlsx(spec, items, requestLang(req));
        return sendXlsx(reply, x.fileName, x.data);
      },
    });
  }
}
