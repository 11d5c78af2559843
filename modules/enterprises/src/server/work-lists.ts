/**
 * The bureau's work lists (工作清单), each a query over the registry scoped to the viewer's jurisdiction,
 * paged on the server and exportable with the same rows:
 * - hnteCandidates (高企苗子库): enterprises without a valid HNTE certificate, closest first;
 * - hnteExpiring: HNTE certificates that end within N months and have no successor yet;
 * - zeroRd (两清零 · 研发投入清零): above-scale enterprises reporting no R&D expense in a year;
 * - noRdInstitution (两清零 · 研发机构清零): above-scale enterprises with no R&D institution;
 * - lapsedTechSme: tech-SME registrations that ended in the last two years with no new one.
 */
import { enterpriseError } from './errors.ts';
import { likePattern, whereClause, writeXlsx, type Db, type ExportColumn, type Scope } from '@kechuang/platform-server';
import type { z } from 'zod';
import type { MessageLang } from '@kechuang/platform-core';
import type { ZWorkListItem, ZWorkListQuery } from '../contract/schemas.ts';
import type { WorkListName } from '../domain/work-list-names.ts';

export { WORK_LISTS } from '../domain/work-list-names.ts';
import { addScope, regionCodesInScope } from '../db/scope.ts';

export type WorkListItem = z.infer<typeof ZWorkListItem>;
export type WorkListQuery = z.infer<typeof ZWorkListQuery>;

interface ListDef {
  title: string;
  titleEn: string;
  /** the list's own conditions on e (enterprises), with $1 the as-of date and $2 what `second` gives */
  where: string;
  second?: (q: WorkListQuery, asOf: string) => number;
  joins: string;
  detail: string;
  order: string;
  columns: (ExportColumn & { en: string })[];
}

const DEFS: Record<WorkListName, ListDef> = {
  hnteCandidates: {
    title: '高企苗子库',
    titleEn: 'HNTE candidates',
    joins: 'join enterprise_checks c on c.enterprise_id = e.id',
    // the dates the enterprise's active HNTE certificates cover, kept with its check (0006)
    where: 'not c.hnte_cover @> $1::date',
    detail: `json_build_object('failed', c.hnte_failed, 'unknown', c.hnte_unknown, 'shortfall', c.hnte_shortfall::float8, 'score', c.hnte_score,
      'scoreHigh', c.hnte_score_high, 'failedCodes', c.failed_codes, 'gaps', c.gaps, 'asOf', to_char(c.as_of, 'YYYY-MM-DD'))`,
    order: 'c.hnte_failed, c.hnte_shortfall, e.id',
    columns: [
      { header: '未达条件数', en: 'Conditions unmet', key: 'failed', width: 10 },
      { header: '差距合计', en: 'Total shortfall', key: 'shortfall', width: 10, numFmt: '0.00' },
      { header: '创新能力评分（低）', en: 'Innovation score (low)', key: 'score', width: 14 },
      { header: '创新能力评分（高）', en: 'Innovation score (high)', key: 'scoreHigh', width: 14 },
      { header: '未达条件', en: 'Conditions unmet (which)', key: 'failedLabels', width: 40 },
      { header: '还差什么', en: 'What is missing', key: 'gapText', width: 60 },
    ],
  },
  hnteExpiring: {
    title: '高企证书到期',
    titleEn: 'HNTE certificates expiring',
    joins: `join qualifications q on q.enterprise_id = e.id and q.kind = 'hnte' and q.status = 'active'
      left join enterprise_checks c on c.enterprise_id = e.id`,
    where: `q.valid_until between $1::date and ($1::date + make_interval(months => $2::int))
      and not exists (select 1 from qualifications n where n.enterprise_id = e.id and n.kind = 'hnte' and n.status = 'active' and n.valid_until > q.valid_until)`,
    detail: `json_build_object('certificateNo', q.certificate_no, 'issuedOn', to_char(q.issued_on, 'YYYY-MM-DD'), 'validUntil', to_char(q.valid_until, 'YYYY-MM-DD'),
      'daysLeft', q.valid_until - $1::date, 'reapplyQualified', c.hnte_qualified, 'failedCodes', c.failed_codes)`,
    order: 'q.valid_until, e.id',
    second: (q) => q.months,
    columns: [
      { header: '证书编号', en: 'Certificate number', key: 'certificateNo', width: 20 },
      { header: '发证日期', en: 'Issued on', key: 'issuedOn', width: 12 },
      { header: '有效期至', en: 'Valid until', key: 'validUntil', width: 12 },
      { header: '剩余天数', en: 'Days left', key: 'daysLeft', width: 10 },
      { header: '重新认定研判', en: 'Re-recognition outlook', key: 'reapplyLabel', width: 14 },
      { header: '未达条件', en: 'Conditions unmet (which)', key: 'failedLabels', width: 40 },
    ],
  },
  zeroRd: {
    title: '规上企业研发投入为零',
    titleEn: 'Above-scale enterprises without R&D spending',
    joins: 'left join enterprise_years y on y.enterprise_id = e.id and y.year = $2::int',
    where: `e.is_above_scale and coalesce(y.rd_expense, 0) = 0`,
    second: (q, asOf) => q.year ?? Number(asOf.slice(0, 4)) - 1,
    detail: `json_build_object('year', $2::int, 'reported', y.enterprise_id is not null, 'revenue', y.revenue::float8, 'employees', y.employees)`,
    order: 'y.revenue desc nulls last, e.id',
    columns: [
      { header: '年度', en: 'Year', key: 'year', width: 8 },
      { header: '情况', en: 'Situation', key: 'reportedLabel', width: 16 },
      { header: '营业收入（元）', en: 'Revenue (CNY)', key: 'revenue', width: 16, numFmt: '#,##0' },
      { header: '职工总数', en: 'Employees', key: 'employees', width: 10 },
    ],
  },
  noRdInstitution: {
    title: '规上企业无研发机构',
    titleEn: 'Above-scale enterprises without an R&D institution',
    joins: 'left join lateral (select y.revenue, y.rd_expense from enterprise_years y where y.enterprise_id = e.id order by y.year desc limit 1) y on true',
    where: `e.is_above_scale and not exists (select 1 from rd_institutions i where i.enterprise_id = e.id)`,
    detail: `json_build_object('revenue', y.revenue::float8, 'rdExpense', y.rd_expense::float8)`,
    order: 'y.revenue desc nulls last, e.id',
    columns: [
      { header: '最近年度营业收入（元）', en: 'Latest revenue (CNY)', key: 'revenue', width: 18, numFmt: '#,##0' },
      { header: '最近年度研发费用（元）', en: 'Latest R&D expense (CNY)', key: 'rdExpense', width: 18, numFmt: '#,##0' },
    ],
  },
  lapsedTechSme: {
    title: '科技型中小企业入库失效',
    titleEn: 'Lapsed tech-based SME registrations',
    joins: `join lateral (select max(s.valid_until) as lapsed_on, (array_agg(s.certificate_no order by s.valid_until desc))[1] as certificate_no
        from qualifications s where s.enterprise_id = e.id and s.kind = 'techSme' and s.status = 'active') s on true`,
    where: `s.lapsed_on < $1::date and s.lapsed_on >= ($1::date - make_interval(months => $2::int))
      and not exists (select 1 from qualifications v where v.enterprise_id = e.id and v.kind = 'techSme' and v.status = 'active' and $1::date between v.issued_on and v.valid_until)`,
    detail: `json_build_object('certificateNo', s.certificate_no, 'lapsedOn', to_char(s.lapsed_on, 'YYYY-MM-DD'))`,
    order: 's.lapsed_on desc, e.id',
    second: () => 24,
    columns: [
      { header: '最近入库编号', en: 'Latest registration number', key: 'certificateNo', width: 24 },
      { header: '失效日期', en: 'Lapsed on', key: 'lapsedOn', width: 12 },
    ],
  },
};

export function workListTitle(name: WorkListName): string {
  return DEFS[name].title;
}

export async function findWorkList(db: Db, scope: Scope, name: WorkListName, q: WorkListQuery, asOf: string) {
  const def = DEFS[name];
  if (!def) throw enterpriseError('ENT_WORK_LIST_UNKNOWN', { details: { field: 'name', value: name } });
  const where = whereClause(def.second ? [asOf, def.second(q, asOf)] : [asOf]);
  const codes = scope.kind === 'region' ? await regionCodesInScope(db, scope) : null;
  if (codes) where.add('e.region_code = any(?::text[])', codes);
  else addScope(where, scope);
  if (q.q) where.add('(e.name ilike ? or e.uscc ilike ?)', likePattern(q.q));
  if (q.region) where.add('e.region_code = ?', q.region);
  const from = `from enterprises e join regions r on r.code = e.region_code ${def.joins} ${where.sql} and ${def.where}`;
  // $1 (the date) is named in the count too, so every list's parameters have a type
  const [{ total }] =
    name === 'hnteCandidates' && codes && !q.q
      ? await countCandidates(db, codes, q.region, asOf)
      : await db.query<{ total: number }>(`select count(*) as total, $1::date as "asOf" ${from}`, where.params);
  const items = await db.query<WorkListItem>(
    `select e.id, e.uscc, e.name, e.region_code as "regionCode", r.name as "regionName", e.is_above_scale as "isAboveScale",
       enterprise_tier(e.id, $1::date) as tier, ${def.detail} as detail
     ${from} order by ${def.order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    where.params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize, asOf, title: def.title };
}

/**
 * The candidate pool counted from enterprise_checks alone, which keeps each enterprise's town and HNTE
 * coverage (0006): joining 100,000 enterprises for a count cost ~1 s on PGlite, this ~0.1 s.
 */
function countCandidates(db: Db, scopeCodes: string[], region: string | undefined, asOf: string): Promise<{ total: number }[]> {
  return db.query<{ total: number }>(
    `select count(*) as total from enterprise_checks c
      where c.region_code = any($2::text[]) and ($3::text is null or c.region_code = $3) and not c.hnte_cover @> $1::date`,
    [asOf, scopeCodes, region ?? null],
  );
}

export const CONDITION_LABELS: Record<string, string> = {
  registeredOneYear: '注册满一年',
  coreIp: '核心知识产权',
  keyField: '重点支持领域',
  sciTechStaffShare: '科技人员占比≥10%',
  rdExpenseShare: '研发费用占比',
  rdDomesticShare: '境内研发费用占比≥60%',
  highTechRevenueShare: '高新收入占比≥60%',
  innovationScore: '创新能力评分>70',
  noIncidents: '无重大安全质量事故或违法行为',
};
const TIER_TEXT_EN: Record<string, string> = {
  none: 'No tier',
  techSme: 'Tech-based SME',
  hnte: 'HNTE',
  techLittleGiant: 'Provincial little giant',
  techLeader: 'Tech leader',
};
const TIER_TEXT: Record<string, string> = {
  none: '未入梯队',
  techSme: '科技型中小企业',
  hnte: '高新技术企业',
  techLittleGiant: '省科技小巨人企业',
  techLeader: '科技领军企业',
};

export function gapText(gaps: { code: string; change: number; unit: string }[]): string {
  const units: Record<string, (n: number) => string> = {
    CNY: (n) => `${(n / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`,
    people: (n) => `${n} 人`,
    points: (n) => `${n} 分`,
    days: (n) => `${n} 天`,
  };
  return gaps.map((g) => `${CONDITION_LABELS[g.code] ?? g.code}：还差 ${(units[g.unit] ?? String)(g.change)}`).join('；');
}

/** each list's name as the bureau says it, for titles and file names (高企证书到期_2026-12-01.xlsx) */
export const WORK_LIST_TITLES = Object.fromEntries(Object.entries(DEFS).map(([k, d]) => [k, d.title])) as Record<WorkListName, string>;
export const WORK_LIST_TITLES_EN = Object.fromEntries(Object.entries(DEFS).map(([k, d]) => [k, d.titleEn])) as Record<WorkListName, string>;

/** A work list as a sheet in the request's language (the conditions and gaps keep the rules' Chinese names). */
export async function workListXlsx(db: Db, scope: Scope, name: WorkListName, q: WorkListQuery, asOf: string, lang: MessageLang = 'zh'): Promise<Buffer> {
  const zh = lang === 'zh';
  const { items, total } = await findWorkList(db, scope, name, { ...q, page: 1, pageSize: 100_000 }, asOf);
  const title = zh ? DEFS[name].title : DEFS[name].titleEn;
  const rows = items.map((i) => {
    const d = i.detail;
    const failed = (d.failedCodes as string[] | null) ?? [];
    return {
      ...i,
      ...d,
      tier: (zh ? TIER_TEXT : TIER_TEXT_EN)[i.tier],
      aboveScale: i.isAboveScale ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
      failedLabels: failed.map((c) => CONDITION_LABELS[c] ?? c).join('、'),
      gapText: gapText((d.gaps as { code: string; change: number; unit: string }[] | undefined) ?? []),
      reapplyLabel: zh
        ? d.reapplyQualified === true
          ? '符合'
          : d.reapplyQualified === false
            ? '不符合'
            : '待专家评分或补数据'
        : d.reapplyQualified === true
          ? 'qualifies'
          : d.reapplyQualified === false
            ? 'does not qualify'
            : "awaits the experts' score or figures",
      reportedLabel: d.reported ? (zh ? '填报研发费用为零' : 'reported zero R&D expense') : zh ? '未填报年度数据' : 'no figures reported',
    };
  });
  const columns: ExportColumn[] = [
    { header: zh ? '统一社会信用代码' : 'USCC', key: 'uscc', width: 22 },
    { header: zh ? '企业名称' : 'Name', key: 'name', width: 36 },
    { header: zh ? '镇街/园区' : 'Town or park', key: 'regionName', width: 16 },
    { header: zh ? '梯队' : 'Tier', key: 'tier', width: 16 },
    { header: zh ? '规上' : 'Above scale', key: 'aboveScale', width: zh ? 6 : 12 },
    ...DEFS[name].columns.map(({ en, ...c }) => (zh ? c : { ...c, header: en })),
  ];
  const note = zh ? `${title} · 截至 ${asOf} · 共 ${total} 家` : `${title} · as of ${asOf} · ${total} enterprises`;
  return writeXlsx([{ name: title, columns, rows, notes: [note] }]);
}
