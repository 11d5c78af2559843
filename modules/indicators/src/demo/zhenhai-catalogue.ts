/**
 * The indicator catalogue of the Zhenhai 14th five-year S&T plan (表2), in the platform's terms,
 * plus the two indicators that R&D intensity rolls up from. `seq` links each to the plan's table
 * (data/zhenhai-14th-fyp-indicators.csv).
 */
import type { Indicator } from '../db/catalogue-queries.ts';

type Entry = Omit<Indicator, 'sort' | 'definition' | 'dataSource' | 'numeratorCode' | 'denominatorCode' | 'ratioScale' | 'trajectory' | 'isHeadline'> &
  Partial<Indicator> & { seq: number | null };

const STATS = '区统计局年度统计';
export const ZHENHAI_CATALOGUE: Entry[] = [
  { seq: 1, code: 'RD_INTENSITY', nameZh: '全社会研究与试验发展(R&D)经费支出占GDP比重', nameEn: 'R&D expenditure as a share of GDP', unit: '%', direction: 'higher', precision: 2, category: '创新投入', rollup: 'ratio', numeratorCode: 'RD_EXPENDITURE', denominatorCode: 'GDP', ratioScale: 100, isHeadline: true, definition: '全社会R&D经费支出 ÷ 地区生产总值 × 100%', dataSource: '统计部门R&D统计年报' },
  { seq: 2, code: 'ENT_RD_REVENUE_RATIO', nameZh: '规上工业企业研发经费占营业收入比重', nameEn: 'R&D spending of above-scale industrial enterprises as a share of revenue', unit: '%', direction: 'higher', precision: 2, category: '创新投入', rollup: 'none', dataSource: STATS },
  { seq: 3, code: 'FISCAL_ST_SHARE', nameZh: '财政科技投入占地方财政支出的比例', nameEn: 'Fiscal S&T spending as a share of local expenditure', unit: '%', direction: 'higher', precision: 2, category: '创新投入', rollup: 'none', dataSource: '区财政局' },
  { seq: 4, code: 'HIGHTECH_INVESTMENT', nameZh: '高新技术产业投资额', nameEn: 'High-tech industry investment', unit: '亿元', direction: 'higher', precision: 1, category: '产业创新', rollup: 'sum', dataSource: '区发改局固定资产投资统计' },
  { seq: 5, code: 'HIGHTECH_VALUE_ADDED', nameZh: '高新技术产业增加值', nameEn: 'High-tech industry value added', unit: '亿元', direction: 'higher', precision: 1, category: '产业创新', rollup: 'sum', isHeadline: true, dataSource: STATS },
  { seq: 6, code: 'HNTE_COUNT', nameZh: '高新技术企业数', nameEn: 'High and New Technology Enterprises', unit: '家', direction: 'higher', precision: 0, category: '创新主体', rollup: 'sum', trajectory: 'compound', isHeadline: true, definition: '有效期内的国家高新技术企业数（双倍增）', dataSource: '高企认定名单' },
  { seq: 7, code: 'TECH_SME_COUNT', nameZh: '科技型中小企业数', nameEn: 'Tech-based SMEs', unit: '家', direction: 'higher', precision: 0, category: '创新主体', rollup: 'sum', trajectory: 'compound', isHeadline: true, definition: '当年入库的科技型中小企业数（双倍增）', dataSource: '科技型中小企业评价系统' },
  { seq: 8, code: 'ABOVE_SCALE_RD_SHARE', nameZh: '规模以上企业有研发活动占比', nameEn: 'Share of above-scale enterprises with R&D activity', unit: '%', direction: 'higher', precision: 1, category: '创新主体', rollup: 'none', isHeadline: true, dataSource: STATS },
  { seq: 9, code: 'XIONGZHEN_TALENT', nameZh: '"雄镇英才"计划人才(团队)', nameEn: 'Xiongzhen talent programme talents (teams)', unit: '个', direction: 'higher', precision: 0, category: '创新人才', rollup: 'sum', dataSource: '区委人才办' },
  { seq: 10, code: 'RD_PERSONNEL_PER_10K', nameZh: '每万名就业人员中R&D人员数', nameEn: 'R&D personnel per 10,000 employed', unit: '人年', direction: 'higher', precision: 1, category: '创新人才', rollup: 'none', dataSource: '统计部门R&D统计年报' },
  { seq: 11, code: 'PCT_APPLICATIONS', nameZh: '专利合作条约(PCT)国际发明专利申请数', nameEn: 'PCT international patent applications', unit: '件', direction: 'higher', precision: 0, category: '创新产出', rollup: 'sum', dataSource: '市场监管局（知识产权）' },
  { seq: 12, code: 'INVENTION_PATENTS', nameZh: '有效发明专利拥有量', nameEn: 'Valid invention patents held', unit: '件', direction: 'higher', precision: 0, category: '创新产出', rollup: 'sum', isHeadline: true, dataSource: '市场监管局（知识产权）' },
  { seq: 13, code: 'SCIENCE_LITERACY', nameZh: '公民具备科学素质的比例', nameEn: 'Share of citizens with basic scientific literacy', unit: '%', direction: 'higher', precision: 1, category: '创新环境', rollup: 'none', dataSource: '区科协公民科学素质调查' },
  { seq: 14, code: 'ACADEMICIAN_STATIONS', nameZh: '院士工作站(院士科技创新中心)', nameEn: 'Academician workstations', unit: '个', direction: 'higher', precision: 0, category: '创新平台', rollup: 'sum', dataSource: '区科技局' },
  { seq: 15, code: 'INDUSTRIAL_INSTITUTES', nameZh: '产业技术研究院', nameEn: 'Industrial research institutes', unit: '家', direction: 'higher', precision: 0, category: '创新平台', rollup: 'sum', dataSource: '区科技局' },
  { seq: 16, code: 'NEW_RD_INSTITUTIONS', nameZh: '新型研发机构', nameEn: 'New-type R&D institutions', unit: '家', direction: 'higher', precision: 0, category: '创新平台', rollup: 'sum', dataSource: '省/市科技厅局认定名单' },
  { seq: 17, code: 'PROV_ENGINEERING_CENTERS', nameZh: '省级以上企业工程(技术)中心', nameEn: 'Provincial or higher enterprise engineering (technology) centres', unit: '家', direction: 'higher', precision: 0, category: '创新平台', rollup: 'sum', dataSource: '省/市认定名单' },
  { seq: null, code: 'RD_EXPENDITURE', nameZh: '全社会研究与试验发展(R&D)经费支出', nameEn: 'Gross R&D expenditure', unit: '亿元', direction: 'higher', precision: 2, category: '基础数据', rollup: 'sum', dataSource: '统计部门R&D统计年报' },
  { seq: null, code: 'GDP', nameZh: '地区生产总值', nameEn: 'Gross domestic product', unit: '亿元', direction: 'higher', precision: 1, category: '基础数据', rollup: 'sum', dataSource: STATS },
];

export function catalogueIndicators(): Indicator[] {
  return ZHENHAI_CATALOGUE.map((e, i) => ({
    definition: '',
    dataSource: '',
    numeratorCode: null,
    denominatorCode: null,
    ratioScale: 1,
    trajectory: 'linear',
    isHeadline: false,
    ...e,
    sort: (i + 1) * 10,
  }));
}
