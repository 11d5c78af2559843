/**
 * The indicator catalogue of the Zhenhai plans in the platform's terms: every row of the 14th five-year S&T
 * plan's 表2 and of the 13th plan's 表1 (data/zhenhai-1?th-fyp-indicators.csv), the figures those tables give
 * in a note (the R&D share of GDP, the whole-scope high-tech value-added share, the high-tech investment
 * share), and GDP, which R&D intensity rolls up from. `fyp14` / `fyp13` link an entry to its table's row
 * (`seq`), or to the figure in that row's note (`note: true`).
 */
import type { Indicator } from '../db/catalogue-queries.ts';

/** a row of a plan table, or the figure in its note */
export interface PlanRowRef {
  seq: number;
  note?: true;
}

export type CatalogueEntry = Omit<Indicator, 'sort' | 'definition' | 'dataSource' | 'numeratorCode' | 'denominatorCode' | 'ratioScale' | 'trajectory' | 'isHeadline' | 'computedBasis'> &
  Partial<Indicator> & { fyp14?: PlanRowRef; fyp13?: PlanRowRef };

const STATS = '区统计局年度统计';
const IP = '市场监管局（知识产权）';
/**
 * 口径 of the figures the enterprise registry computes for four of these indicators
 * (modules/enterprises/src/server/tier-counts.ts), shown beside an official figure of the same year.
 */
const REGISTRY = {
  hnte: '当年12月31日（本年为今日）证书在有效期内的高新技术企业数；官方数字按高企认定名单，认定、迁入迁出的登记时点可能不同',
  techSme: '当年取得入库登记编号的科技型中小企业数；官方数字为评价系统公布的当年入库数',
  aboveScaleRd: '填报了当年数据的规上企业中，当年研发费用大于零者所占比例；官方数字为统计部门对全部规上工业企业的年报统计，范围与填报口径不同',
  engineeringCenters: '当年及以前认定、级别为省级或国家级的企业工程(技术)中心数；官方数字为省、市认定名单',
} as const;

export const ZHENHAI_CATALOGUE: CatalogueEntry[] = [
  { fyp14: { seq: 1 }, fyp13: { seq: 1, note: true }, code: 'RD_INTENSITY', nameZh: '全社会研究与试验发展(R&D)经费支出占GDP比重', nameEn: 'R&D expenditure as a share of GDP', unit: '%', direction: 'higher', precision: 2, category: '创新投入', rollup: 'ratio', numeratorCode: 'RD_EXPENDITURE', denominatorCode: 'GDP', ratioScale: 100, isHeadline: true, definition: '全社会R&D经费支出 ÷ 地区生产总值 × 100%', dataSource: '统计部门R&D统计年报' },
  { fyp14: { seq: 2 }, code: 'ENT_RD_REVENUE_RATIO', nameZh: '规上工业企业研发经费占营业收入比重', nameEn: 'R&D spending of above-scale industrial enterprises as a share of revenue', unit: '%', direction: 'higher', precision: 2, category: '创新投入', rollup: 'none', dataSource: STATS },
  { fyp14: { seq: 3 }, code: 'FISCAL_ST_SHARE', nameZh: '财政科技投入占地方财政支出的比例', nameEn: 'Fiscal S&T spending as a share of local expenditure', unit: '%', direction: 'higher', precision: 2, category: '创新投入', rollup: 'none', dataSource: '区财政局' },
  { fyp14: { seq: 4 }, fyp13: { seq: 7 }, code: 'HIGHTECH_INVESTMENT', nameZh: '高新技术产业投资额', nameEn: 'High-tech industry investment', unit: '亿元', direction: 'higher', precision: 1, category: '产业创新', rollup: 'sum', dataSource: '区发改局固定资产投资统计' },
  { fyp14: { seq: 4, note: true }, code: 'HIGHTECH_INVESTMENT_SHARE', nameZh: '高新技术产业投资额占固定资产投资额比重', nameEn: 'High-tech industry investment as a share of fixed-asset investment', unit: '%', direction: 'higher', precision: 1, category: '产业创新', rollup: 'none', definition: '高新技术产业投资额 ÷ 固定资产投资额 × 100%（“十四五”规划表2 高新技术产业投资额一行的附注）', dataSource: '区发改局固定资产投资统计' },
  { fyp14: { seq: 5 }, code: 'HIGHTECH_VALUE_ADDED', nameZh: '高新技术产业增加值', nameEn: 'High-tech industry value added', unit: '亿元', direction: 'higher', precision: 1, category: '产业创新', rollup: 'sum', isHeadline: true, dataSource: STATS },
  { fyp13: { seq: 4 }, code: 'HIGHTECH_VALUE_ADDED_SHARE', nameZh: '高新技术产业增加值占规上工业增加值比重(区属)', nameEn: 'High-tech industry value added as a share of above-scale industrial value added (district-owned)', unit: '%', direction: 'higher', precision: 1, category: '产业创新', rollup: 'none', definition: '区属规上工业中高新技术产业增加值 ÷ 区属规上工业增加值 × 100%；全口径见“(全口径)”一项', dataSource: STATS },
  { fyp13: { seq: 4, note: true }, code: 'HIGHTECH_VALUE_ADDED_SHARE_ALL', nameZh: '高新技术产业增加值占规上工业增加值比重(全口径)', nameEn: 'High-tech industry value added as a share of above-scale industrial value added (all enterprises)', unit: '%', direction: 'higher', precision: 1, category: '产业创新', rollup: 'none', definition: '不分隶属关系、区域内全部规上工业企业的口径；“十三五”规划表1 中为区属口径一行括号内的数字', dataSource: STATS },
  { fyp14: { seq: 6 }, fyp13: { seq: 2 }, code: 'HNTE_COUNT', nameZh: '高新技术企业数', nameEn: 'High and New Technology Enterprises', unit: '家', direction: 'higher', precision: 0, category: '创新主体', rollup: 'sum', trajectory: 'compound', isHeadline: true, definition: '有效期内的国家高新技术企业数（双倍增）', dataSource: '高企认定名单', computedBasis: REGISTRY.hnte },
  { fyp14: { seq: 7 }, fyp13: { seq: 3 }, code: 'TECH_SME_COUNT', nameZh: '科技型中小企业数', nameEn: 'Tech-based SMEs', unit: '家', direction: 'higher', precision: 0, category: '创新主体', rollup: 'sum', trajectory: 'compound', isHeadline: true, definition: '当年入库的科技型中小企业数（双倍增）', dataSource: '科技型中小企业评价系统', computedBasis: REGISTRY.techSme },
  { fyp14: { seq: 8 }, code: 'ABOVE_SCALE_RD_SHARE', nameZh: '规模以上企业有研发活动占比', nameEn: 'Share of above-scale enterprises with R&D activity', unit: '%', direction: 'higher', precision: 1, category: '创新主体', rollup: 'none', isHeadline: true, dataSource: STATS, computedBasis: REGISTRY.aboveScaleRd },
  { fyp14: { seq: 9 }, code: 'XIONGZHEN_TALENT', nameZh: '"雄镇英才"计划人才(团队)', nameEn: 'Xiongzhen talent programme talents (teams)', unit: '个', direction: 'higher', precision: 0, category: '创新人才', rollup: 'sum', dataSource: '区委人才办' },
  { fyp14: { seq: 10 }, code: 'RD_PERSONNEL_PER_10K', nameZh: '每万名就业人员中R&D人员数', nameEn: 'R&D personnel per 10,000 employed', unit: '人年', direction: 'higher', precision: 1, category: '创新人才', rollup: 'none', dataSource: '统计部门R&D统计年报' },
  { fyp14: { seq: 11 }, code: 'PCT_APPLICATIONS', nameZh: '专利合作条约(PCT)国际发明专利申请数', nameEn: 'PCT international patent applications', unit: '件', direction: 'higher', precision: 0, category: '创新产出', rollup: 'sum', dataSource: IP },
  { fyp14: { seq: 12 }, code: 'INVENTION_PATENTS', nameZh: '有效发明专利拥有量', nameEn: 'Valid invention patents held', unit: '件', direction: 'higher', precision: 0, category: '创新产出', rollup: 'sum', isHeadline: true, dataSource: IP },
  { fyp13: { seq: 5 }, code: 'INVENTION_PATENTS_PER_10K', nameZh: '每万人发明专利拥有量', nameEn: 'Invention patents held per 10,000 residents', unit: '件', direction: 'higher', precision: 1, category: '创新产出', rollup: 'none', definition: '有效发明专利拥有量 ÷ 常住人口（万人）', dataSource: IP },
  { fyp13: { seq: 6 }, code: 'TECH_TRANSACTION_VOLUME', nameZh: '技术交易额', nameEn: 'Technology transaction volume', unit: '亿元', direction: 'higher', precision: 2, category: '创新产出', rollup: 'sum', definition: '登记的技术合同（开发、转让、许可、咨询、服务）成交额', dataSource: '技术合同登记' },
  { fyp14: { seq: 13 }, code: 'SCIENCE_LITERACY', nameZh: '公民具备科学素质的比例', nameEn: 'Share of citizens with basic scientific literacy', unit: '%', direction: 'higher', precision: 1, category: '创新环境', rollup: 'none', dataSource: '区科协公民科学素质调查' },
  { fyp14: { seq: 14 }, fyp13: { seq: 8 }, code: 'ACADEMICIAN_STATIONS', nameZh: '院士工作站(院士科技创新中心)', nameEn: 'Academician workstations', unit: '个', direction: 'higher', precision: 0, category: '创新平台', rollup: 'sum', dataSource: '区科技局' },
  { fyp14: { seq: 15 }, code: 'INDUSTRIAL_INSTITUTES', nameZh: '产业技术研究院', nameEn: 'Industrial research institutes', unit: '家', direction: 'higher', precision: 0, category: '创新平台', rollup: 'sum', dataSource: '区科技局' },
  { fyp14: { seq: 16 }, code: 'NEW_RD_INSTITUTIONS', nameZh: '新型研发机构', nameEn: 'New-type R&D institutions', unit: '家', direction: 'higher', precision: 0, category: '创新平台', rollup: 'sum', dataSource: '省/市科技厅局认定名单' },
  { fyp14: { seq: 17 }, code: 'PROV_ENGINEERING_CENTERS', nameZh: '省级以上企业工程(技术)中心', nameEn: 'Provincial or higher enterprise engineering (technology) centres', unit: '家', direction: 'higher', precision: 0, category: '创新平台', rollup: 'sum', dataSource: '省/市认定名单', computedBasis: REGISTRY.engineeringCenters },
  { fyp13: { seq: 1 }, code: 'RD_EXPENDITURE', nameZh: '全社会研究与试验发展(R&D)经费支出', nameEn: 'Gross R&D expenditure', unit: '亿元', direction: 'higher', precision: 2, category: '基础数据', rollup: 'sum', dataSource: '统计部门R&D统计年报' },
  { code: 'GDP', nameZh: '地区生产总值', nameEn: 'Gross domestic product', unit: '亿元', direction: 'higher', precision: 1, category: '基础数据', rollup: 'sum', dataSource: STATS },
];

export function catalogueIndicators(): Indicator[] {
  return ZHENHAI_CATALOGUE.map(({ fyp13: _fyp13, fyp14: _fyp14, ...e }, i) => ({
    definition: '',
    dataSource: '',
    numeratorCode: null,
    denominatorCode: null,
    ratioScale: 1,
    trajectory: 'linear',
    isHeadline: false,
    computedBasis: '',
    ...e,
    sort: (i + 1) * 10,
  }));
}
