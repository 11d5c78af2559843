/**
 * The columns of the registry's three imports (企业名录 · 年度数据 · 资质名单) as the downloadable
 * template writes them, with the English codes and the other names bureau spreadsheets use for them,
 * and the mapping of a file's header row onto them. A header may carry a unit in brackets —
 * 营业收入（万元）, 注册资本(万元), 职工总数（人） — which is read and then ignored for matching.
 */
import { toHalfWidth } from '@kechuang/platform-core';

export const REGISTRY_IMPORT_KINDS = ['enterprises', 'years', 'qualifications'] as const;
export type RegistryImportKind = (typeof REGISTRY_IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<RegistryImportKind, string> = { enterprises: '企业名录', years: '年度数据', qualifications: '资质名单' };

export type MoneyUnit = '元' | '万元' | '亿元';

export interface ImportColumn {
  field: string;
  zh: string;
  en: string;
  required: boolean;
  aliases: string[];
  /** what the template's 说明 sheet says about the column */
  note: string;
  /** for amounts: the unit when neither the cell, the header nor a 金额单位 column names one */
  defaultUnit?: MoneyUnit;
}

const c = (field: string, zh: string, required: boolean, aliases: string[], note: string, defaultUnit?: MoneyUnit): ImportColumn => ({
  field,
  zh,
  en: field,
  required,
  aliases,
  note,
  defaultUnit,
});

const USCC = c('uscc', '统一社会信用代码', true, ['社会信用代码', '信用代码', '统一代码', 'credit_code'], '18 位，按 GB 32100 校验；请把该列设为文本格式');
const NAME = (required: boolean, note: string) => c('name', '企业名称', required, ['企业名', '单位名称', '公司名称', '企业全称'], note);

export const IMPORT_COLUMNS: Record<RegistryImportKind, ImportColumn[]> = {
  enterprises: [
    USCC,
    NAME(true, '全称；已登记的企业按统一社会信用代码更新'),
    c(
      'town',
      '所属镇街',
      true,
      ['镇街', '镇(街道)', '所属镇(街道)', '镇街/园区', '所属镇街/园区', '所属地区', '地区代码', 'region', 'region_code', 'regionCode'],
      '镇街或园区名称（如 招宝山街道），或行政区划代码',
    ),
    c('address', '地址', false, ['注册地址', '企业地址', '通讯地址'], ''),
    c('foundedOn', '成立日期', false, ['成立时间', '注册日期', 'founded_on'], 'YYYY-MM-DD，不晚于今天'),
    c('registeredCapital', '注册资本', false, ['registered_capital'], '单位万元（表头可写明 元 / 万元 / 亿元）', '万元'),
    c('industryCode', '行业代码', false, ['国民经济行业代码', '行业分类代码', 'industry_code'], 'GB/T 4754 门类字母加 2–4 位数字，如 C2614'),
    c('hnteField', '技术领域', false, ['高新技术领域', '所属技术领域', 'hnte_field'], '国家重点支持的高新技术领域（见下表）'),
    c('chains', '产业链', false, ['所属产业链', 'chain_tags', 'chainTags'], '产业链名称，多个用 、 或 , 分隔（见下表）'),
    c('isAboveScale', '规上企业', false, ['是否规上', '规模以上企业', '是否规模以上', 'is_above_scale', 'aboveScale'], '是 / 否'),
    c('isListed', '上市企业', false, ['是否上市', 'is_listed', 'listed'], '是 / 否'),
    c('contactName', '联系人', false, ['contact_name'], ''),
    c('contactPhone', '联系电话', false, ['电话', '手机', '手机号码', 'contact_phone'], ''),
    c('contactEmail', '电子邮箱', false, ['邮箱', 'email', 'e-mail', 'contact_email'], ''),
  ],
  years: [
    USCC,
    NAME(false, '可选，仅供核对'),
    c('year', '年度', true, ['年份', '会计年度'], '会计年度，如 2024'),
    c('revenue', '营业收入', false, ['营业总收入'], '金额', '元'),
    c(
      'totalIncome',
      '总收入',
      false,
      ['收入总额减不征税收入', '总收入额', 'total_income'],
      '金额：收入总额减不征税收入（高企认定中高新技术产品(服务)收入占比的分母），不小于高新技术产品(服务)收入',
      '元',
    ),
    c('highTechRevenue', '高新技术产品(服务)收入', false, ['高新技术产品收入', '高新收入', 'high_tech_revenue'], '金额，不大于营业收入', '元'),
    c('rdExpense', '研发费用', false, ['研发费用总额', '研究开发费用', 'rd_expense'], '金额', '元'),
    c('rdExpenseDomestic', '其中境内研发费用', false, ['境内研发费用', 'rd_expense_domestic'], '金额，不大于研发费用', '元'),
    c('totalCost', '成本费用总额', false, ['total_cost'], '金额', '元'),
    c('totalAssets', '资产总额', false, ['总资产', 'total_assets'], '金额', '元'),
    c('netAssets', '净资产', false, ['所有者权益', 'net_assets'], '金额，可为负', '元'),
    c('employees', '职工总数', false, ['从业人员数', '从业人员', '职工人数', '员工总数'], '人'),
    c('sciTechStaff', '科技人员数', false, ['科技人员', 'sci_tech_staff'], '人，不大于职工总数'),
    c('conversions', '科技成果转化数', false, ['成果转化数', '科技成果转化', '科技成果转化项数'], '项'),
    c('resident', '是否居民企业', false, ['居民企业', 'resident'], '是 / 否（也可写 Y/N、true/false、1/0）：在境内注册的居民企业，或实际管理机构在境内'),
    c(
      'industryExcluded',
      '属于不适用加计扣除行业',
      false,
      ['是否属于不适用加计扣除行业', '不适用加计扣除行业', '不适用研发费用加计扣除行业', 'industry_excluded'],
      '是 / 否：主营业务属于财税〔2015〕119号规定不适用研发费用加计扣除的行业（烟草制造、住宿和餐饮、批发和零售、房地产、租赁和商务服务、娱乐业等）',
    ),
    c(
      'restrictedCatalogue',
      '属于限制类或淘汰类产业',
      false,
      ['是否属于限制类或淘汰类产业', '限制类或淘汰类', '限制类淘汰类产业', 'restricted_catalogue'],
      '是 / 否：属于《产业结构调整指导目录》限制类或淘汰类',
    ),
    c(
      'dishonestyListed',
      '列入失信名单',
      false,
      ['是否列入失信名单', '失信名单', '列入经营异常名录或严重违法失信名单', 'dishonesty_listed'],
      '是 / 否：列入经营异常名录或严重违法失信企业名单',
    ),
    c('amountUnit', '金额单位', false, ['单位', 'unit', 'amount_unit'], '元 / 万元 / 亿元：本行表头未注明单位的金额的单位；不填为元'),
  ],
  qualifications: [
    USCC,
    NAME(false, '与企业库登记的名称核对，不一致则报错'),
    c('kind', '资质类型', true, ['资质', '资质名称', '认定类型', '类型'], '高新技术企业 / 科技型中小企业 / 省科技小巨人企业 / 科技领军企业'),
    c('certificateNo', '证书编号', true, ['证书号', '入库登记编号', '登记编号', 'certificate_no'], '同一资质类型内唯一'),
    c('issuedOn', '发证日期', true, ['发证时间', '认定日期', '入库日期', 'issued_on'], 'YYYY-MM-DD'),
    c('validUntil', '有效期至', false, ['有效期', '截止日期', 'valid_until'], '不填：高企、小巨人、领军企业 3 年，科技型中小企业至次年年底'),
  ],
};

/** Each column's header in the English template (and the registry's English export): read as an alias. */
export const EN_HEADERS: Readonly<Record<string, string>> = {
  uscc: 'USCC',
  name: 'Name',
  town: 'Town',
  address: 'Address',
  foundedOn: 'Founded on',
  registeredCapital: 'Registered capital',
  industryCode: 'Industry code',
  hnteField: 'HNTE field',
  chains: 'Chains',
  isAboveScale: 'Is above scale',
  isListed: 'Is listed',
  contactName: 'Contact name',
  contactPhone: 'Contact phone',
  contactEmail: 'Contact email',
  year: 'Year',
  revenue: 'Revenue',
  totalIncome: 'Total income',
  highTechRevenue: 'High-tech revenue',
  rdExpense: 'R&D expense',
  rdExpenseDomestic: 'Domestic R&D expense',
  totalCost: 'Total cost',
  totalAssets: 'Total assets',
  netAssets: 'Net assets',
  employees: 'Employees',
  sciTechStaff: 'Sci-tech staff',
  conversions: 'Conversions',
  resident: 'Resident enterprise',
  industryExcluded: 'Excluded industry',
  restrictedCatalogue: 'Restricted or eliminated industry',
  dishonestyListed: 'On the dishonesty list',
  amountUnit: 'Amount unit',
  kind: 'Qualification',
  certificateNo: 'Certificate number',
  issuedOn: 'Issued on',
  validUntil: 'Valid until',
};

export const AMOUNT_FIELDS = ['revenue', 'totalIncome', 'highTechRevenue', 'rdExpense', 'rdExpenseDomestic', 'totalCost', 'totalAssets', 'netAssets'] as const;
export const COUNT_FIELDS = ['employees', 'sciTechStaff', 'conversions'] as const;
/** the tech-SME basic conditions of the year, yes/no */
export const FLAG_FIELDS = ['resident', 'industryExcluded', 'restrictedCatalogue', 'dishonestyListed'] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];
export type CountField = (typeof COUNT_FIELDS)[number];
export type FlagField = (typeof FLAG_FIELDS)[number];

const UNIT_SUFFIX = /\((元|万元|亿元|人|个|项|件|家|年)\)$/;

/** A header as compared: half-width, no spaces or asterisks, lower case, without a unit in brackets. */
export function normaliseHeader(raw: string): { name: string; unit?: MoneyUnit } {
  let h = toHalfWidth(raw).replace(/[\s*]/g, '').toLowerCase();
  const m = UNIT_SUFFIX.exec(h);
  let unit: MoneyUnit | undefined;
  if (m) {
    if (m[1] === '元' || m[1] === '万元' || m[1] === '亿元') unit = m[1];
    h = h.slice(0, m.index);
  }
  return { name: h, unit };
}

export interface HeaderMap {
  index: Record<string, number>;
  /** the money unit a header names, by field */
  unit: Record<string, MoneyUnit>;
  missing: string[];
  ignored: string[];
  duplicated: string[];
}

export function mapHeaders(kind: RegistryImportKind, headers: string[]): HeaderMap {
  const columns = IMPORT_COLUMNS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const col of columns) for (const n of [col.zh, col.en, EN_HEADERS[col.field] ?? col.en, ...col.aliases]) byName.set(normaliseHeader(n).name, col);
  const out: HeaderMap = { index: {}, unit: {}, missing: [], ignored: [], duplicated: [] };
  headers.forEach((raw, i) => {
    const { name, unit } = normaliseHeader(raw);
    if (name === '') return;
    const col = byName.get(name);
    if (!col) out.ignored.push(raw);
    else if (out.index[col.field] !== undefined) out.duplicated.push(raw);
    else {
      out.index[col.field] = i;
      if (unit) out.unit[col.field] = unit;
    }
  });
  out.missing = columns.filter((col) => col.required && out.index[col.field] === undefined).map((col) => `${col.zh} (${col.en})`);
  return out;
}
