/**
 * The downloadable template of each registry import: the header row and one example row on the first
 * sheet (the one the import reads), and a 说明 sheet listing every column with its unit, the towns and
 * parks, the HNTE fields, the qualification types and the industry chains as the import accepts them.
 */
import { reportingUnits, writeXlsx, type Db, type Scope } from '@kechuang/platform-server';
import { HNTE_FIELDS } from '../contract/schemas.ts';
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, MONEY_UNITS, type RegistryImportKind } from '../domain/import-rows.ts';
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

export async function registryTemplateXlsx(db: Db, scope: Scope, homeRegion: string, kind: RegistryImportKind): Promise<{ fileName: string; data: Buffer }> {
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
