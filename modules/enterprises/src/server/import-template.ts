/**
 * The downloadable template of each registry import: the header row and one example row on the first
 * sheet (the one the import reads), and a 说明 sheet listing every column with its unit, the towns and
 * parks, the HNTE fields, the qualification types and the industry chains as the import accepts them.
 */
import type { MessageLang } from '@kechuang/platform-core';
import { reportingUnits, writeXlsx, type Db, type Scope } from '@kechuang/platform-server';
import { HNTE_FIELDS } from '../contract/schemas.ts';
import { EN_HEADERS, IMPORT_COLUMNS, IMPORT_KIND_LABELS, MONEY_UNITS, type RegistryImportKind } from '../domain/import-rows.ts';
import { QUALIFICATION_KINDS, TIER_LABELS } from '../domain/tier.ts';
import { usccCheckCharacter } from '../domain/uscc.ts';
import { today } from '../db/recheck.ts';

const EXAMPLE_USCC = `91330211MA2GQ0001${usccCheckCharacter('91330211MA2GQ0001')}`;

function example(kind: RegistryImportKind, town: string, chain: string): Record<string, unknown> {
  const lastYear = Number(today().slice(0, 4)) - 1;
  switch (kind) {
    case 'enterprises':
      return {
        uscc: EXAMPLE_USCC,
        name: '宁波示例新材料科技有限公司',
        town,
        address: '宁波市镇海区示例路 1 号',
        foundedOn: '2018-03-15',
        registeredCapital: 500,
        industryCode: 'C2651',
        hnteField: HNTE_FIELDS.newMaterials,
        chains: chain,
        isAboveScale: '是',
        isListed: '否',
        contactName: '张三',
        contactPhone: '0574-12345678',
        contactEmail: 'contact@example.com',
      };
    case 'years':
      return {
        uscc: EXAMPLE_USCC,
        name: '宁波示例新材料科技有限公司',
        year: lastYear,
        revenue: 8650.5,
        totalIncome: 8712.8,
        highTechRevenue: 6200,
        rdExpense: 520.3,
        rdExpenseDomestic: 520.3,
        totalCost: 7900,
        totalAssets: 12000,
        netAssets: 5600,
        employees: 186,
        sciTechStaff: 32,
        conversions: 4,
        resident: '是',
        industryExcluded: '否',
        restrictedCatalogue: '否',
        dishonestyListed: '否',
        amountUnit: '万元',
      };
    case 'qualifications':
      return {
        uscc: EXAMPLE_USCC,
        name: '宁波示例新材料科技有限公司',
        kind: TIER_LABELS.hnte,
        certificateNo: `GR${lastYear}33100001`,
        issuedOn: `${lastYear}-12-06`,
        validUntil: '',
      };
  }
}

const header = (c: { field: string; zh: string; defaultUnit?: string }) => (c.field === 'registeredCapital' ? `${c.zh}（${c.defaultUnit}）` : c.zh);

/** the example row in English: yes/no, codes for the field, the chain and the qualification (the import reads them) */
function exampleEn(kind: RegistryImportKind, town: string, chainCode: string): Record<string, unknown> {
  const row = example(kind, town, chainCode);
  const en: Record<string, unknown> = { ...row, name: 'Ningbo Example New Materials Co., Ltd.' };
  for (const [k, v] of Object.entries(row)) if (v === '是' || v === '否') en[k] = v === '是' ? 'yes' : 'no';
  if (kind === 'enterprises') Object.assign(en, { hnteField: 'newMaterials', address: '1 Example Road, Zhenhai, Ningbo', contactName: 'Zhang San' });
  if (kind === 'qualifications') en.kind = 'hnte';
  return en;
}

const NOTES_EN = {
  columns: 'Column',
  required: 'Required. ',
  money: 'Amount unit',
  moneyNote: 'converted to yuan (whole yuan, rounded)',
  towns: 'Town',
  fields: 'HNTE field',
  chains: 'Industry chain',
  kinds: 'Qualification',
  notes: 'Notes',
  lines: (kind: RegistryImportKind) =>
    [
      'The first row is the header: Chinese column names, these English names or the column codes; optional columns not needed may be deleted.',
      kind === 'years'
        ? 'Amounts: a cell may carry its unit (such as 12.5万元), or the header (such as 营业收入（万元）), or the amount unit column; with none of them, yuan.'
        : '',
      kind === 'years'
        ? 'The four yes/no columns (resident enterprise, excluded industry, restricted or eliminated industry, on the dishonesty list) take yes or no (Y/N, true/false, 1/0); empty leaves them unchanged. Without all four the tech-based SME evaluation cannot conclude.'
        : '',
      'An empty cell does not clear what the registry holds.',
      'The whole file is imported in one transaction: if any row has an error, nothing is imported and every error is listed by row (the error report can be downloaded). Importing the same file again changes nothing.',
      'A CSV may be UTF-8 or GBK (what Excel saves as CSV). Do not use formulas or merged cells.',
    ].filter(Boolean),
};

export async function registryTemplateXlsx(
  db: Db,
  scope: Scope,
  homeRegion: string,
  kind: RegistryImportKind,
  lang: MessageLang = 'zh',
): Promise<{ fileName: string; data: Buffer }> {
  if (lang === 'en') return registryTemplateEn(db, scope, homeRegion, kind);
  const units = (await reportingUnits(db, homeRegion)).filter((u) => scope.kind === 'region' && u.path.startsWith(scope.path));
  const chains = await db.query<{ code: string; name: string }>('select code, name from industry_chains order by sort, code');
  const columns = IMPORT_COLUMNS[kind];
  const notes: Record<string, string>[] = [
    ...columns.map((c) => ({ group: '列', name: header(c), code: c.en, note: `${c.required ? '必填。' : ''}${c.note}` })),
    ...(kind === 'years' ? MONEY_UNITS.map((u) => ({ group: '金额单位', name: u, code: '', note: '换算为元（整数，四舍五入到元）' })) : []),
    ...(kind === 'enterprises' ? units.map((u) => ({ group: '所属镇街', name: u.name, code: u.code, note: '' })) : []),
    ...(kind === 'enterprises' ? Object.entries(HNTE_FIELDS).map(([code, name]) => ({ group: '技术领域', name, code, note: '' })) : []),
    ...(kind === 'enterprises' ? chains.map((c) => ({ group: '产业链', name: c.name, code: c.code, note: '' })) : []),
    ...(kind === 'qualifications' ? QUALIFICATION_KINDS.map((k) => ({ group: '资质类型', name: TIER_LABELS[k], code: k, note: '' })) : []),
    ...[
      '第一行为表头，可用中文列名或英文代码；不需要的可选列可以删去。',
      kind === 'years' ? '金额：单元格可直接写单位（如 12.5万元）；或在表头注明（如 营业收入（万元））；或填写“金额单位”列；都没有时按元计。' : '',
      kind === 'years'
        ? '是否类列（是否居民企业、属于不适用加计扣除行业、属于限制类或淘汰类产业、列入失信名单）填 是 或 否（也可写 Y/N、true/false、1/0），留空为不变；这四项缺一则科技型中小企业评价无法得出结论。'
        : '',
      '空白单元格不会清除企业库中已有的数据。',
      '整个文件在一个事务中导入：有任何一行出错，则不导入任何数据，并逐行列出错误（可下载错误报告）。重复导入同一文件不会改变数据。',
      'CSV 可为 UTF-8 或 GBK（Excel 另存为 CSV 的默认编码）。请勿使用公式和合并单元格。',
    ]
      .filter(Boolean)
      .map((text) => ({ group: '说明', name: text, code: '', note: '' })),
  ];
  const data = await writeXlsx([
    {
      name: IMPORT_KIND_LABELS[kind],
      columns: columns.map((c) => ({ header: header(c), key: c.field, width: Math.max(12, c.zh.length * 2 + 4) })),
      rows: [example(kind, units[0]?.name ?? '', chains[0]?.name ?? '')],
    },
    {
      name: '说明',
      columns: [
        { header: '类别', key: 'group', width: 12 },
        { header: '名称', key: 'name', width: 40 },
        { header: '代码', key: 'code', width: 24 },
        { header: '说明', key: 'note', width: 70 },
      ],
      rows: notes,
    },
  ]);
  return { fileName: `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`, data };
}

/** The template in English: the columns under their English names (the import reads them), the notes in English. */
async function registryTemplateEn(db: Db, scope: Scope, homeRegion: string, kind: RegistryImportKind): Promise<{ fileName: string; data: Buffer }> {
  const units = (await reportingUnits(db, homeRegion)).filter((u) => scope.kind === 'region' && u.path.startsWith(scope.path));
  const chains = await db.query<{ code: string; name: string }>('select code, name from industry_chains order by sort, code');
  const columns = IMPORT_COLUMNS[kind];
  const n = NOTES_EN;
  const notes: Record<string, string>[] = [
    ...columns.map((c) => ({ group: n.columns, name: EN_HEADERS[c.field] ?? c.en, code: c.en, note: c.required ? n.required.trim() : '' })),
    ...(kind === 'years' ? MONEY_UNITS.map((u) => ({ group: n.money, name: u, code: '', note: n.moneyNote })) : []),
    ...(kind === 'enterprises' ? units.map((u) => ({ group: n.towns, name: u.name, code: u.code, note: '' })) : []),
    ...(kind === 'enterprises' ? Object.entries(HNTE_FIELDS).map(([code, name]) => ({ group: n.fields, name, code, note: '' })) : []),
    ...(kind === 'enterprises' ? chains.map((c) => ({ group: n.chains, name: c.name, code: c.code, note: '' })) : []),
    ...(kind === 'qualifications' ? QUALIFICATION_KINDS.map((k) => ({ group: n.kinds, name: TIER_LABELS[k], code: k, note: '' })) : []),
    ...n.lines(kind).map((text) => ({ group: n.notes, name: text, code: '', note: '' })),
  ];
  const data = await writeXlsx([
    {
      name: kind,
      columns: columns.map((c) => ({ header: EN_HEADERS[c.field] ?? c.en, key: c.field, width: Math.max(12, (EN_HEADERS[c.field] ?? c.en).length + 4) })),
      rows: [exampleEn(kind, units[0]?.code ?? '', chains[0]?.code ?? '')],
    },
    {
      name: 'Notes',
      columns: [
        { header: 'Group', key: 'group', width: 14 },
        { header: 'Name', key: 'name', width: 40 },
        { header: 'Code', key: 'code', width: 24 },
        { header: 'Notes', key: 'note', width: 70 },
      ],
      rows: notes,
    },
  ]);
  return { fileName: `registry-${kind}-import-template.xlsx`, data };
}
