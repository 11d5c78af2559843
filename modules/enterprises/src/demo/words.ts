/**
 * The vocabulary of the synthetic demo enterprises: the demo's industry chains (产业链) with the GB/T 4754-2017
 * industries and HNTE fields that belong to each, trade names (字号), roads and people's names. Made up;
 * any likeness to a real firm's name is chance (well-known trade names are left out).
 */
export const DEMO_CHAINS = [
  { code: 'greenPetrochem', name: '绿色石化' },
  { code: 'newMaterials', name: '新材料' },
  { code: 'advancedEquipment', name: '先进装备制造' },
  { code: 'integratedCircuits', name: '集成电路' },
  { code: 'smartHome', name: '智能家电家居' },
  { code: 'software', name: '软件和信息技术服务' },
] as const;
export type ChainCode = (typeof DEMO_CHAINS)[number]['code'];

export type HnteField =
  'electronicInformation' | 'biomedicine' | 'aerospace' | 'newMaterials' | 'highTechServices' | 'newEnergy' | 'resourcesEnvironment' | 'advancedManufacturing';

export interface Industry {
  /** the word in the firm's name: 宁波恒泰【化工】有限公司 */
  word: string;
  /** GB/T 4754-2017 class */
  code: string;
  /** GB/T 4754 section C: counts towards 规模以上工业 when revenue ≥ 20 million CNY */
  industrial: boolean;
}

const c = (word: string, code: string): Industry => ({ word, code, industrial: code.startsWith('C') });

/** Each chain's industries (C2614 有机化学原料, C2651 合成树脂, C2921 塑料薄膜, C3340 有色金属合金, C3442 气体压缩机械,
 * C3511 矿山机械, C3973 集成电路制造, C3857 家用电力器具专用配件, I6511 基础软件, I6513 应用软件), its share of the
 * demo's firms, and the HNTE fields (国家重点支持的高新技术领域) its tech firms work in, with their odds. */
export const CHAIN_PROFILE: Record<ChainCode, { share: number; industries: Industry[]; fields: [HnteField, number][]; productivity: [number, number] }> = {
  greenPetrochem: {
    share: 0.17,
    industries: [
      c('化工', 'C2614'),
      c('石化', 'C2614'),
      c('化学', 'C2614'),
      c('精细化工', 'C2614'),
      c('塑化', 'C2651'),
      c('树脂', 'C2651'),
      c('高分子', 'C2651'),
    ],
    fields: [
      ['newMaterials', 0.5],
      ['resourcesEnvironment', 0.3],
      ['newEnergy', 0.2],
    ],
    productivity: [2_500_000, 5_000_000],
  },
  newMaterials: {
    share: 0.19,
    industries: [c('新材料', 'C3340'), c('合金', 'C3340'), c('金属材料', 'C3340'), c('材料科技', 'C2921'), c('薄膜', 'C2921'), c('新材料科技', 'C2921')],
    fields: [['newMaterials', 1]],
    productivity: [1_000_000, 2_000_000],
  },
  advancedEquipment: {
    share: 0.26,
    industries: [
      c('机械', 'C3442'),
      c('精密机械', 'C3442'),
      c('压缩机', 'C3442'),
      c('装备', 'C3442'),
      c('重工', 'C3511'),
      c('智能装备', 'C3511'),
      c('矿山机械', 'C3511'),
    ],
    fields: [
      ['advancedManufacturing', 0.95],
      ['aerospace', 0.05],
    ],
    productivity: [600_000, 1_100_000],
  },
  integratedCircuits: {
    share: 0.06,
    industries: [c('微电子', 'C3973'), c('半导体', 'C3973'), c('集成电路', 'C3973'), c('芯片科技', 'C3973'), c('电子科技', 'C3973')],
    fields: [['electronicInformation', 1]],
    productivity: [600_000, 1_400_000],
  },
  smartHome: {
    share: 0.14,
    industries: [c('电器', 'C3857'), c('家电', 'C3857'), c('智能家居', 'C3857'), c('厨具电器', 'C3857'), c('电子电器', 'C3857')],
    fields: [
      ['advancedManufacturing', 0.5],
      ['electronicInformation', 0.3],
      ['newEnergy', 0.2],
    ],
    productivity: [500_000, 900_000],
  },
  software: {
    share: 0.18,
    industries: [c('软件', 'I6513'), c('信息技术', 'I6511'), c('网络科技', 'I6513'), c('数字科技', 'I6513'), c('信息科技', 'I6511'), c('智能科技', 'I6513')],
    fields: [
      ['electronicInformation', 0.7],
      ['highTechServices', 0.3],
    ],
    productivity: [300_000, 600_000],
  },
};

/** Traditional industries outside the chains (some of the firms that are not tech firms). */
export const OTHER_INDUSTRIES: Industry[] = [c('五金', 'C3389'), c('塑料制品', 'C2929'), c('纺织', 'C1713'), c('包装', 'C2231'), c('服饰', 'C1811')];
export const OTHER_PRODUCTIVITY: [number, number] = [400_000, 900_000];

export const NAME_PREFIXES = ['宁波', '宁波', '宁波市镇海', '镇海'];

const TRADE_FIRST = [
  ...'恒瑞华金东甬永宏天中利博嘉远顺欣宝星银汇富鑫立锦德凯长思卓新科智蓝启众创泰安百昌晨诚鼎飞丰福广昊弘佳建江杰精聚君力联隆茂铭南鹏浦千强荣盛世通伟文祥协兴旭亚耀亿益友宇裕元越展振紫润赛腾同维信易晟澜',
];
const TRADE_SECOND = [...'泰丰晟诚升兴达和联远华航发荣成辰通邦源业润阳创越宇科港明信盛川光曦鼎力海美瑞鑫峰翔驰博杰凯威利益宏俊嘉恒佳旺隆豪昌正合元德'];
/** trade names too close to well-known firms */
const AVOID = new Set([
  '吉利',
  '华润',
  '中信',
  '万达',
  '天安',
  '海信',
  '华宇',
  '宏达',
  '恒力',
  '荣盛',
  '华发',
  '恒瑞',
  '中海',
  '中联',
  '华联',
  '联想',
  '天合',
  '金龙',
  '利益',
  '益利',
  '安利',
  '美的',
  '南方',
  '东方',
  '建信',
  '中天',
]);
export const TRADE_NAMES = TRADE_FIRST.flatMap((a) => TRADE_SECOND.filter((b) => b !== a).map((b) => a + b)).filter((n) => !AVOID.has(n));

export const ROADS = [
  '兴业路',
  '创业路',
  '科技路',
  '金融路',
  '学院路',
  '工业路',
  '滨海路',
  '新城路',
  '永安路',
  '和平路',
  '顺达路',
  '明珠路',
  '海港路',
  '东海路',
  '甬江路',
  '迎宾路',
  '平安路',
  '振兴路',
  '发展路',
  '富民路',
  '长兴路',
  '安康路',
  '临江路',
  '北环路',
];

/** Surnames with their pinyin, for contact names and e-mail addresses. */
export const SURNAMES: [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['陈', 'chen'],
  ['刘', 'liu'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['胡', 'hu'],
  ['朱', 'zhu'],
  ['林', 'lin'],
  ['何', 'he'],
  ['郭', 'guo'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['沈', 'shen'],
  ['叶', 'ye'],
  ['余', 'yu'],
  ['蒋', 'jiang'],
  ['应', 'ying'],
  ['虞', 'yu'],
  ['董', 'dong'],
  ['袁', 'yuan'],
  ['潘', 'pan'],
  ['戴', 'dai'],
  ['鲍', 'bao'],
  ['邵', 'shao'],
  ['俞', 'yu'],
];
export const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文斌波宁浩晨婷雪琳飞鹏辉亮成燕颖倩凯健'];
