/**
 * The demo technology market (labelled synthetic, is_synthetic = true): 20 invented institutes spread over the
 * district's towns with 300 achievements (the labelled set's 100, under their owners, and 200 more written from the
 * chain links' terms), 150 demands of the demo registry's enterprises (the labelled set's 39 and more written the
 * same way, a few from the demo enterprise account's firm), 60 experts, 20 brokers and 15 service providers. Most
 * are published; a few wait for review, a few are drafts or were returned, so the moderation queue and
 * 我的发布 have something to show. Every name is invented. Drawn from a seeded generator: the same demo each time.
 */
import { reportingUnits, type Db, type Region } from '@kechuang/platform-server';
import { seededRandom } from '@kechuang/platform-core';
import { loadEvalSet, loadLexicon } from '../data/index.ts';
import type { InstituteKind, ListingKind, ListingStatus, ProviderKind, TransferMode } from '../contract/kinds.ts';
import { insertInstitute } from '../db/institutes.ts';
import { KINDS, addHistory, insertListing, type ListingValues } from '../db/listings.ts';
import { readingOf } from '../server/reading.ts';

export { hasMarketEvents, seedDemoEvents } from './seed-demo-events.ts';

/** the institutes: the labelled set's owners first (its achievements go to them), then invented ones */
const INSTITUTES: [string, InstituteKind][] = [
  ['镇海先进材料研究所', 'researchInstitute'],
  ['北仑绿色能源实验室', 'laboratory'],
  ['甬港石化技术研究院', 'industrialInstitute'],
  ['浙东理工大学化学工程学院', 'university'],
  ['海曙智能制造研究院', 'industrialInstitute'],
  ['三江信息技术研究院', 'researchInstitute'],
  ['明州生物医药研究院', 'researchInstitute'],
  ['东海环境工程研究中心', 'researchInstitute'],
  ['慈溪磁性材料研究中心', 'researchInstitute'],
  ['宁东化工新材料研究院', 'industrialInstitute'],
  ['招宝山智能传感研究中心', 'researchInstitute'],
  ['蛟川先进能源研究所', 'researchInstitute'],
  ['庄市工业互联网研究院', 'industrialInstitute'],
  ['九龙湖生态环境研究中心', 'researchInstitute'],
  ['澥浦精细化工中试基地', 'other'],
  ['骆驼机器人研究院', 'industrialInstitute'],
  ['甬城职业技术学院机电学院', 'university'],
  ['东港检测技术研究院', 'researchInstitute'],
  ['明湖新能源材料实验室', 'laboratory'],
  ['镇海海洋装备研究所', 'researchInstitute'],
];

/** the demo institute account works for this institute */
export const DEMO_ACCOUNT_INSTITUTE = '镇海先进材料研究所';

/** the engine's fields by GB/T 4754 division (a demo enterprise's demands are in its industry's field) */
const FIELD_OF_DIVISION: Record<string, string> = {
  C25: '石油化工',
  C26: '石油化工',
  C27: '生物医药',
  C28: '新材料',
  C29: '新材料',
  C30: '新材料',
  C31: '新材料',
  C32: '新材料',
  C33: '高端装备',
  C34: '高端装备',
  C35: '高端装备',
  C36: '高端装备',
  C38: '新能源',
  C39: '电子信息',
  C40: '电子信息',
  D44: '新能源',
  I63: '电子信息',
  I64: '电子信息',
  I65: '电子信息',
  N77: '节能环保',
};
const FIELDS = ['新能源', '新材料', '高端装备', '节能环保', '石油化工', '电子信息', '生物医药'];
/** the registry's demo chain tags by field */
const CHAIN_OF_FIELD: Record<string, string> = {
  石油化工: 'greenPetrochem',
  新材料: 'newMaterials',
  高端装备: 'advancedEquipment',
  电子信息: 'software',
  新能源: 'newMaterials',
};

const ACHIEVEMENT_FORMS: [string, string][] = [
  ['{t}关键技术', '围绕{t}开展攻关，突破{u}的瓶颈，已完成{s}，可在{a}推广应用。'],
  ['{t}与{u}集成工艺', '将{t}与{u}结合，形成成套工艺包，{s}，关键指标优于同类产品。'],
  ['高性能{t}制备方法', '提出一种{t}的制备方法，兼顾{u}，{s}，适合{a}。'],
  ['{t}在线监测与优化系统', '面向{a}，基于{t}数据建立监测与优化模型，实现{u}的闭环控制，{s}。'],
  ['低成本{t}技术', '以国产原料替代进口，降低{t}成本三成以上，同时改善{u}，{s}。'],
];
const DEMAND_FORMS: [string, string][] = [
  ['寻求{t}技术合作', '我司从事{a}，现有{u}方面效果不理想，希望引进成熟的{t}技术，可合作开发或技术许可。'],
  ['{u}问题攻关', '生产中{u}一直没解决，影响交付，想找高校院所一起攻关，涉及{t}。'],
  ['{t}国产化替代', '目前{t}依赖进口，价格高、交期长，寻求国产化替代方案，要求{u}达到现有水平。'],
  ['引进{t}提升{u}', '公司计划技改，希望通过{t}提升{u}，预算可议，期望一年内完成中试。'],
];
const STAGES = ['中试验证', '千吨级示范', '小批量试产', '实验室验证', '工程样机试运行'];
const PLACES = ['化工园区', '中小制造企业', '新能源电池企业', '石化装置', '电子制造产线', '环保工程项目'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟'.split('');
const GIVEN = [
  '建华',
  '志强',
  '海燕',
  '明',
  '立新',
  '晓东',
  '文博',
  '静',
  '国平',
  '思远',
  '雪梅',
  '振宇',
  '丽娟',
  '永刚',
  '佳',
  '宏伟',
  '慧敏',
  '子涵',
  '春生',
  '伟',
];
const PRO_TITLES = ['教授', '研究员', '高级工程师', '副教授', '正高级工程师', '副研究员'];
const BROKER_ORGS = ['镇海技术转移中心', '甬江科技成果转化服务中心', '宁波知识产权运营公司', '招宝山科技服务有限公司', '蛟川产学研合作促进会'];

const PROVIDERS: [string, ProviderKind, string][] = [
  ['镇海化工产品检验检测中心', 'testing', '化工原料、催化剂、高分子材料的成分分析与性能检测，CMA 资质'],
  ['甬江新材料测试评价平台', 'testing', '金属材料、复合材料力学性能、盐雾腐蚀、耐磨涂层检测'],
  ['东港电池安全检测实验室', 'testing', '锂离子电池热失控、针刺、过充安全测试与电池管理系统验证'],
  ['明州知识产权代理事务所', 'intellectualProperty', '专利检索、专利申请、专利布局与无效宣告'],
  ['镇海专利导航服务中心', 'intellectualProperty', '产业专利导航、高价值专利培育、知识产权贯标'],
  ['宁波技术评估咨询有限公司', 'evaluation', '科技成果评价、技术作价入股评估、技术合同认定咨询'],
  ['甬城科技成果评价中心', 'evaluation', '科技成果第三方评价、技术成熟度评估'],
  ['招宝山工业设计服务中心', 'consulting', '工业设计、产品结构优化、注塑模具设计'],
  ['蛟川绿色化工中试基地', 'pilot', '精细化工、微通道反应器、反应精馏中试放大'],
  ['澥浦新能源中试平台', 'pilot', '电解水制氢、燃料电池膜电极中试与验证'],
  ['镇海科技金融服务中心', 'finance', '科技型中小企业贷款、知识产权质押融资对接'],
  ['九龙湖环境监测技术服务站', 'testing', '高盐废水、挥发性有机物、烟气脱硝监测与治理评估'],
  ['庄市数字化改造服务商联盟', 'consulting', '机器视觉、工业互联网、能源管理系统数字化改造咨询'],
  ['骆驼机器人检测认证中心', 'testing', '工业机器人精度、振动监测、故障诊断与可靠性测试'],
  ['甬港技术转移服务有限公司', 'other', '技术需求挖掘、供需对接、技术合同登记辅导'],
];

const MODES: TransferMode[] = ['transfer', 'license', 'equity', 'jointDevelopment'];
const MODE_OF: Record<string, TransferMode> = { 转让: 'transfer', 许可: 'license', 作价入股: 'equity', 合作开发: 'jointDevelopment' };

export interface DemoMarketSeeded {
  institutes: number;
  listings: Record<ListingKind, number>;
  /** the demo institute account's institute */
  accountInstitute: { id: number; name: string } | null;
  /** the demo broker account's broker */
  accountBroker: { id: number; name: string } | null;
}

/** A status: most published, a few pending, drafts and returned ones (one in `every`). */
function statusOf(k: number): ListingStatus {
  if (k % 25 === 3) return 'pending';
  if (k % 40 === 7) return 'draft';
  if (k % 60 === 11) return 'returned';
  return 'published';
}

/** an enterprise of the demo registry, as the app passes it in (the market does not read the registry's tables) */
export interface DemoFirm {
  id: number;
  name: string;
  regionCode: string;
  /** GB/T 4754 division (C26 …), or null */
  industry: string | null;
}

/**
 * `firms`: the demo registry's enterprises, which post the demands; `accountEnterprise`: the demo enterprise
 * account's firm, which gets two of them (one published, one draft).
 */
export async function seedDemoMarket(
  db: Db,
  district: Pick<Region, 'code' | 'path'>,
  firms: readonly DemoFirm[],
  accountEnterprise: { id: number } | null = null,
): Promise<DemoMarketSeeded> {
  const rnd = seededRandom('kechuang-demo-market');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const units = await reportingUnits(db, district.code);
  const towns = units.length > 0 ? units.map((u) => u.code) : [district.code];
  const evalSet = loadEvalSet();
  const lexicon = loadLexicon();
  // the chain links' terms by field: what generated listings are written about
  const terms = new Map<string, string[]>();
  for (const l of lexicon.links) terms.set(l.field, [...(terms.get(l.field) ?? []), ...l.terms]);
  const termsOf = (field: string): string[] => terms.get(field) ?? [...terms.values()].flat();
  const fill = (s: string, v: Record<string, string>): string => s.replace(/\{(\w)\}/g, (_, k: string) => v[k] ?? '');
  const counts: Record<ListingKind, number> = { achievement: 0, demand: 0, expert: 0, broker: 0, provider: 0 };

  const add = async (kind: ListingKind, v: ListingValues, ownerId: number | null, regionCode: string, given?: ListingStatus): Promise<number> => {
    const status = given ?? statusOf(counts[kind]);
    counts[kind]++;
    const id = await insertListing(db, KINDS[kind], v, { ownerId, regionCode, createdBy: null, isSynthetic: true, status }, readingOf(kind, v));
    if (status === 'returned') await db.query(`update ${KINDS[kind].table} set status_reason = $2 where id = $1`, [id, '请补充联系方式和技术指标']);
    await addHistory(db, { kind, id, action: 'create', from: null, to: status, actorId: null });
    return id;
  };

  // institutes, spread over the towns
  const institutes = new Map<string, { id: number; region: string; field: string }>();
  for (const [k, [name, kind]] of INSTITUTES.entries()) {
    const region = towns[k % towns.length];
    const id = await insertInstitute(db, {
      name,
      kind,
      uscc: null,
      regionCode: region,
      contact: `0574-8${String(6000000 + k * 1379).slice(0, 7)}`,
      isSynthetic: true,
    });
    institutes.set(name, { id, region, field: FIELDS[k % FIELDS.length] });
  }
  const instituteList = [...institutes.entries()];

  // achievements: the labelled set's under their owners, then 200 written from the chain links' terms
  const common = (field: string | null) => ({ chainTags: field && CHAIN_OF_FIELD[field] ? [CHAIN_OF_FIELD[field]] : [], industryCode: null, contact: '' });
  for (const a of evalSet.achievements) {
    const owner = institutes.get(a.owner ?? '') ?? institutes.get(DEMO_ACCOUNT_INSTITUTE)!;
    const negotiable = rnd() < 0.4;
    await add(
      'achievement',
      {
        title: a.title ?? a.id,
        text: a.abstract ?? '',
        keywords: a.keywords ?? [],
        field: a.field ?? null,
        ...common(a.field ?? null),
        trl: a.trl ?? null,
        ip: rnd() < 0.6 ? `发明专利 ${1 + Math.floor(rnd() * 5)} 件` : '',
        modes: (a.modes ?? []).map((m) => MODE_OF[m]).filter(Boolean),
        price: negotiable ? null : Math.round(20 + rnd() * 480),
        priceNegotiable: negotiable,
      },
      owner.id,
      owner.region,
    );
  }
  const titles = new Set(evalSet.achievements.map((a) => `${a.owner}|${a.title}`));
  while (counts.achievement < 300) {
    const [name, owner] = pick(instituteList);
    const field = rnd() < 0.7 ? owner.field : pick(FIELDS);
    const pool = termsOf(field);
    const t = pick(pool);
    const u = pick(pool.filter((x) => x !== t));
    const [title, abs] = pick(ACHIEVEMENT_FORMS);
    const v = { t, u, s: pick(STAGES), a: pick(PLACES) };
    const full = fill(title, v);
    if (titles.has(`${name}|${full}`)) continue;
    titles.add(`${name}|${full}`);
    const negotiable = rnd() < 0.4;
    await add(
      'achievement',
      {
        title: full,
        text: fill(abs, v),
        keywords: [t, u],
        field,
        ...common(field),
        trl: 3 + Math.floor(rnd() * 6),
        ip: rnd() < 0.5 ? `发明专利 ${1 + Math.floor(rnd() * 4)} 件` : '',
        modes: MODES.filter(() => rnd() < 0.45),
        price: negotiable ? null : Math.round(10 + rnd() * 300),
        priceNegotiable: negotiable,
      },
      owner.id,
      owner.region,
    );
  }

  // demands of the demo registry's enterprises: the labelled set's, then more written the same way
  const year = new Date().getFullYear() - 1;
  if (firms.length > 0) {
    const fieldOfFirm = (f: DemoFirm) => FIELD_OF_DIVISION[f.industry ?? ''] ?? FIELDS[f.id % FIELDS.length];
    const demandTitles = new Set<string>();
    const addDemand = async (firm: DemoFirm, title: string, text: string, field: string, budget: string | undefined, status?: ListingStatus) => {
      if (demandTitles.has(`${firm.id}|${title}`)) return;
      demandTitles.add(`${firm.id}|${title}`);
      const [lo, hi] = budgetOf(budget, rnd);
      const deadline = new Date(Date.UTC(year + 1, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))).toISOString().slice(0, 10);
      await add(
        'demand',
        { title, text, keywords: [], field, ...common(field), budgetMin: lo, budgetMax: hi, deadline, contact: '' },
        firm.id,
        firm.regionCode,
        status,
      );
    };
    for (const [k, d] of evalSet.demands.entries()) {
      const candidates = firms.filter((f) => fieldOfFirm(f) === d.field);
      const firm = candidates.length > 0 ? candidates[k % candidates.length] : firms[k % firms.length];
      await addDemand(firm, d.title ?? d.id, d.description ?? '', d.field ?? fieldOfFirm(firm), typeof d.budget === 'string' ? d.budget : undefined);
    }
    const own = firms.find((f) => f.id === accountEnterprise?.id);
    if (own) {
      // the demo enterprise account's own: one published, one draft
      const energy = '我司车间空压机和换热器能耗偏高，想做能耗监测并改造节能，寻求能源管理系统和余热回收方案。';
      await addDemand(own, '生产线能耗监测与节能改造', energy, '节能环保', '30-80万元', 'published');
      await addDemand(own, '注塑件缩痕和翘曲问题', '注塑件表面缩痕、翘曲，返工率高，希望优化模具冷却，考虑随形冷却方案。', '高端装备', '面议', 'draft');
    }
    for (let k = 0; counts.demand < 150 && k < 1000; k++) {
      const firm = firms[Math.floor(rnd() * firms.length)];
      const field = fieldOfFirm(firm);
      const pool = termsOf(field);
      const t = pick(pool);
      const u = pick(pool.filter((x) => x !== t));
      const [title, text] = pick(DEMAND_FORMS);
      const v = { t, u, a: firm.name.replace(/^宁波|有限公司$/g, '') };
      await addDemand(firm, fill(title, v), fill(text, v), field, rnd() < 0.3 ? '面议' : undefined);
    }
  }

  // experts of the institutes (a few of the bureau's own, affiliated elsewhere)
  const names = new Set<string>();
  while (counts.expert < 60) {
    const name = `${pick(SURNAMES)}${pick(GIVEN)}`;
    if (names.has(name)) continue;
    names.add(name);
    const own = rnd() < 0.85 ? pick(instituteList) : null;
    const field = own ? own[1].field : pick(FIELDS);
    const pool = termsOf(field);
    const kws = [...new Set([pick(pool), pick(pool), pick(pool)])];
    await add(
      'expert',
      {
        title: name,
        text: `主持${kws[0]}相关项目 ${1 + Math.floor(rnd() * 6)} 项，参与${kws[kws.length - 1]}工程化应用。`,
        keywords: kws,
        field,
        ...common(field),
        contact: '',
        proTitle: pick(PRO_TITLES),
        affiliation: own ? own[0] : '宁波市科技专家库',
      },
      own ? own[1].id : null,
      own ? own[1].region : district.code,
    );
  }

  // brokers (the first one is the demo broker account's)
  let accountBroker: DemoMarketSeeded['accountBroker'] = null;
  while (counts.broker < 20) {
    const name = `${pick(SURNAMES)}${pick(GIVEN)}`;
    if (names.has(name)) continue;
    names.add(name);
    const field = pick(FIELDS);
    const k = counts.broker;
    const id = await add(
      'broker',
      {
        title: name,
        text: `近三年促成技术合同 ${2 + Math.floor(rnd() * 12)} 项，成交额约 ${50 + Math.floor(rnd() * 900)} 万元。`,
        keywords: [field, ...new Set([pick(termsOf(field)), pick(termsOf(field))])],
        field,
        ...common(field),
        contact: '',
        organisation: pick(BROKER_ORGS),
        certificateKind: k % 3 === 0 ? 'training' : 'licence',
        certificateNo: `JSJJR-${2023 + (k % 3)}-${String(101 + k).padStart(4, '0')}`,
      },
      null,
      towns[k % towns.length],
    );
    if (k === 0) {
      accountBroker = { id, name };
      // the demo broker account's own listing is published whatever the draw
      await db.query(`update brokers set status = 'published', published_at = now() where id = $1`, [id]);
    }
  }

  for (const [k, [name, kind, description]] of PROVIDERS.entries()) {
    const field = FIELDS[k % FIELDS.length];
    await add(
      'provider',
      { title: name, text: description, keywords: [], field: null, ...common(field), contact: '', providerKind: kind, uscc: null },
      null,
      towns[k % towns.length],
    );
  }

  const account = institutes.get(DEMO_ACCOUNT_INSTITUTE);
  return {
    institutes: institutes.size,
    listings: counts,
    accountInstitute: account ? { id: account.id, name: DEMO_ACCOUNT_INSTITUTE } : null,
    accountBroker,
  };
}

/** a demand's budget range in 万元 from the labelled set's words (100-200万元, 50万元以内, 面议) or drawn */
function budgetOf(written: string | undefined, rnd: () => number): [number | null, number | null] {
  if (written === '面议') return [null, null];
  const nums = (written ?? '').match(/\d+(\.\d+)?/g)?.map(Number) ?? [];
  if (nums.length >= 2) return [Math.min(nums[0], nums[1]), Math.max(nums[0], nums[1])];
  if (nums.length === 1) return [null, nums[0]];
  const lo = 10 * Math.round(1 + rnd() * 20);
  return [lo, lo * 2];
}
