/**
 * 科技体检 (diagnosis): who an enterprise is compared with. Peers are the registry's enterprises of the same
 * industry and size band with figures of the same year.
 *
 * Industry: GB/T 4754-2017 codes are a section letter and 2–4 digits (C2614). Peers share the division
 * (section + 2 digits, C26); when that gives fewer than MIN_PEERS peers, the section (C). An enterprise with
 * no industry code has no peer group.
 *
 * Size band: 《统计上大中小微型企业划分办法（2017）》(国统字〔2017〕213号), simplified to the industrial
 * (工业) thresholds for every industry, on employees (从业人员) and revenue (营业收入, 万元):
 *   large  大型  employees ≥ 1000 and revenue ≥ 40,000
 *   medium 中型  employees ≥ 300  and revenue ≥ 2,000
 *   small  小型  employees ≥ 20   and revenue ≥ 300
 *   micro  微型  the rest
 * As in the rule, a band needs both lower limits ("须同时满足所列指标的下限，否则下划一档"); when one of the two
 * figures is missing the band is decided by the other alone; with neither there is no band.
 */

export const MIN_PEERS = 10;

export type SizeBand = 'micro' | 'small' | 'medium' | 'large';
export const SIZE_BAND_LABELS: Record<SizeBand, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

const BANDS: { band: SizeBand; employees: number; revenue: number }[] = [
  { band: 'large', employees: 1000, revenue: 40_000 },
  { band: 'medium', employees: 300, revenue: 2_000 },
  { band: 'small', employees: 20, revenue: 300 },
];

/** revenue in 万元 */
export function sizeBand(employees: number | null, revenue: number | null): SizeBand | null {
  if (employees === null && revenue === null) return null;
  for (const b of BANDS) {
    if ((employees === null || employees >= b.employees) && (revenue === null || revenue >= b.revenue)) return b.band;
  }
  return 'micro';
}

/** GB/T 4754 sections (门类), for labels */
export const INDUSTRY_SECTIONS: Record<string, string> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

/** 'C2614' → 'C26'; null when the code has no section letter and two digits */
export function industryDivision(code: string | null): string | null {
  const m = code ? /^([A-T])(\d{2})/.exec(code) : null;
  return m ? m[1] + m[2] : null;
}

/** 'C2614' → 'C' */
export function industrySection(code: string | null): string | null {
  const m = code ? /^([A-T])/.exec(code) : null;
  return m ? m[1] : null;
}

export type PeerLevel = 'division' | 'section' | 'none';

export interface PeerGroup<T> {
  /** which industry level the peers share: the division, the section, or none (no industry code) */
  level: PeerLevel;
  /** the industry code the peers share ('C26', 'C'), null for none */
  industry: string | null;
  band: SizeBand | null;
  peers: T[];
  /** at least MIN_PEERS peers */
  isSufficient: boolean;
}

export interface PeerCandidate {
  id: number;
  industryCode: string | null;
  employees: number | null;
  revenue: number | null;
}

/**
 * The peer group of `target` among `candidates` (the enterprise itself is never its own peer): same division
 * and band; fewer than `minPeers` → same section and band (even if that is still too few: isSufficient says so).
 */
export function choosePeers<T extends PeerCandidate>(target: PeerCandidate, candidates: readonly T[], minPeers = MIN_PEERS): PeerGroup<T> {
  const band = sizeBand(target.employees, target.revenue);
  const division = industryDivision(target.industryCode);
  const section = industrySection(target.industryCode);
  if (band === null || section === null) return { level: 'none', industry: null, band, peers: [], isSufficient: false };
  const sameBand = candidates.filter((c) => c.id !== target.id && sizeBand(c.employees, c.revenue) === band);
  if (division !== null) {
    const peers = sameBand.filter((c) => industryDivision(c.industryCode) === division);
    if (peers.length >= minPeers) return { level: 'division', industry: division, band, peers, isSufficient: true };
  }
  const peers = sameBand.filter((c) => industrySection(c.industryCode) === section);
  return { level: 'section', industry: section, band, peers, isSufficient: peers.length >= minPeers };
}

/** '制造业 C26 大类 · 中型企业' */
export function describePeers(group: Pick<PeerGroup<unknown>, 'level' | 'industry' | 'band'>): string {
  if (group.level === 'none' || group.industry === null || group.band === null) return '无法确定同行（缺少行业代码或规模数据）';
  const section = INDUSTRY_SECTIONS[group.industry[0]] ?? group.industry[0];
  const industry = group.level === 'division' ? `${section} ${group.industry} 大类` : `${section}（${group.industry} 门类）`;
  return `${industry} · ${SIZE_BAND_LABELS[group.band]}企业`;
}
