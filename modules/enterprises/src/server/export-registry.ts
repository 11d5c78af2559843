/**
 * The registry list as an .xlsx, in the user's language. The first sheet is the table alone under headers the
 * registry import reads (企业名录: the Chinese ones, or in English names that normalise to the import's field
 * codes, e.g. "Industry code" → industrycode), so the file imports back as it is; the note has its own sheet.
 */
import type { MessageLang } from '@kechuang/platform-core';
import { writeXlsx, type Db, type ExportColumn } from '@kechuang/platform-server';
import { HNTE_FIELDS } from '../contract/schemas.ts';
import { TIER_LABELS, type Tier } from '../domain/index.ts';
import type { EnterpriseListItem } from './find-enterprises.ts';

const TIER_LABELS_EN: Record<Tier, string> = {
  none: 'No tier',
  techSme: 'Tech-based SME',
  hnte: 'HNTE',
  techLittleGiant: 'Provincial little giant',
  techLeader: 'Tech leader',
};

type Column = readonly [key: string, zh: string, en: string, width: number, numFmt?: string];
const COLUMNS: readonly Column[] = [
  ['uscc', '统一社会信用代码', 'USCC', 22],
  ['name', '企业名称', 'Name', 36],
  ['regionName', '所属镇街', 'Town', 14],
  ['industryCode', '行业代码', 'Industry code', 10],
  ['hnteField', '技术领域', 'HNTE field', 16],
  ['chainTags', '产业链', 'Chains', 20],
  ['aboveScale', '规上企业', 'Is above scale', 8],
  ['listed', '上市企业', 'Is listed', 8],
  ['tier', '梯队', 'Tier', 16],
  ['latestYear', '最近年度', 'Latest year', 8],
  ['revenue', '营业收入（元）', 'Revenue (CNY)', 16, '#,##0'],
  ['rdExpense', '研发费用（元）', 'R&D expense (CNY)', 16, '#,##0'],
];

export async function registryXlsx(db: Db, items: EnterpriseListItem[], asOf: string, lang: MessageLang): Promise<{ fileName: string; data: Buffer }> {
  const en = lang === 'en';
  // chains by name, as the screen and the import template say them
  const chainNames = new Map((await db.query<{ code: string; name: string }>('select code, name from industry_chains')).map((c) => [c.code, c.name]));
  const yesNo = (b: boolean) => (en ? (b ? 'yes' : 'no') : b ? '是' : '否');
  const rows = items.map((i) => ({
    ...i,
    tier: (en ? TIER_LABELS_EN : TIER_LABELS)[i.tier],
    hnteField: i.hnteField ? HNTE_FIELDS[i.hnteField as keyof typeof HNTE_FIELDS] : '',
    chainTags: i.chainTags.map((c) => chainNames.get(c) ?? c).join('、'),
    aboveScale: yesNo(i.isAboveScale),
    listed: yesNo(i.isListed),
  }));
  const columns: ExportColumn[] = COLUMNS.map(([key, zh, enHeader, width, numFmt]) => ({ key, header: en ? enHeader : zh, width, ...(numFmt && { numFmt }) }));
  const notes = en
    ? [
        `Enterprise registry · exported on ${asOf} · ${items.length} enterprises`,
        'Edit and import this sheet back as "enterprises": USCC, name, town, industry code, HNTE field, chains, above scale and listed as the import template writes them; tier, latest year, revenue and R&D expense are for reading and are not imported.',
      ]
    : [
        `企业库 · 导出于 ${asOf} · 共 ${items.length} 家`,
        '本表可修改后按“企业名录”导入：统一社会信用代码、企业名称、所属镇街、行业代码、技术领域、产业链、规上企业、上市企业各列按导入模板的写法；梯队、最近年度、营业收入、研发费用仅供查看，导入时不读取。',
      ];
  const data = await writeXlsx([
    { name: en ? 'Registry' : '企业库', columns, rows },
    { name: en ? 'Notes' : '说明', columns: [{ header: en ? 'Notes' : '说明', key: 'note', width: 90 }], rows: notes.map((note) => ({ note })) },
  ]);
  return { fileName: `${en ? 'registry' : '企业库'}_${asOf}.xlsx`, data };
}
