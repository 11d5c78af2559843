/**
 * 科技体检 (diagnosis): where one enterprise stands among its peers (diagnosis-peers.ts) on seven indicators,
 * its strengths and weaknesses, and advice in plain Chinese that says only what the figures support.
 *
 * Percentile (百分位) of a value among n peers: 100 · (B + E/2) / n, B = peers strictly worse, E = peers equal
 * (the mid-rank percentile rank: the share of peers below, ties counted half). For a higher-is-better indicator
 * "worse" is "lower"; for a lower-is-better one, "higher". The enterprise itself is not among the peers.
 * Median and quartiles: type 7 quantiles (linear interpolation between order statistics, as R's default and
 * Excel's PERCENTILE.INC) of the peers' values.
 * Verdict: strength (优势) at percentile ≥ 75, weakness (短板) at ≤ 25, typical (居中) between; missing when the
 * enterprise lacks the figure; insufficient when fewer than MIN_PEERS peers have it (no comparison is made).
 */
import { choosePeers, describePeers, MIN_PEERS, type PeerGroup, type PeerLevel, type SizeBand } from './diagnosis-peers.ts';
import { adviceFor, type AdviceContext } from './diagnosis-advice.ts';

export * from './diagnosis-peers.ts';

/** One enterprise-year as the diagnosis reads it; amounts in 万元, counts as such; null = not recorded. */
export interface DiagnosisFigures {
  id: number;
  industryCode: string | null;
  revenue: number | null;
  prevRevenue: number | null;
  employees: number | null;
  rdExpense: number | null;
  highTechRevenue: number | null;
  sciTechStaff: number | null;
  conversions: number | null;
  /** invention patents held (the registry does not date IP: held now) */
  inventionPatents: number | null;
  netAssets: number | null;
  prevNetAssets: number | null;
}

export const DIAGNOSIS_INDICATORS = [
  { code: 'rd_intensity', label: '研发投入强度', unit: '%', direction: 1, note: '研发费用 ÷ 营业收入' },
  { code: 'sci_tech_staff_share', label: '科技人员占比', unit: '%', direction: 1, note: '科技人员数 ÷ 职工总数' },
  { code: 'high_tech_revenue_share', label: '高新技术产品（服务）收入占比', unit: '%', direction: 1, note: '高新技术产品（服务）收入 ÷ 营业收入' },
  { code: 'invention_patents_per_100', label: '每百名职工发明专利', unit: '件/百人', direction: 1, note: '持有发明专利 ÷ 职工总数 × 100（当前持有量）' },
  { code: 'conversions', label: '科技成果转化数', unit: '项', direction: 1, note: '当年科技成果转化项数' },
  { code: 'revenue_growth', label: '营业收入增长率', unit: '%', direction: 1, note: '（当年营业收入 ÷ 上年 − 1）× 100' },
  { code: 'net_asset_growth', label: '净资产增长率', unit: '%', direction: 1, note: '（当年净资产 − 上年）÷ 上年 × 100；上年净资产 ≤ 0 时不计' },
] as const satisfies readonly { code: string; label: string; unit: string; direction: 1 | -1; note: string }[];

export type DiagnosisIndicatorCode = (typeof DIAGNOSIS_INDICATORS)[number]['code'];
export type Verdict = 'strength' | 'weakness' | 'typical' | 'missing' | 'insufficient';
export const STRENGTH_PERCENTILE = 75;
export const WEAKNESS_PERCENTILE = 25;

const ratio = (a: number | null, b: number | null, scale = 100): number | null => (a === null || b === null || b <= 0 ? null : (a / b) * scale);
const growth = (now: number | null, before: number | null): number | null =>
  now === null || before === null || before <= 0 ? null : ((now - before) / before) * 100;

/** The seven indicator values of one enterprise-year (null when a figure it needs is missing or its denominator is 0). */
export function diagnosisValues(f: DiagnosisFigures): Record<DiagnosisIndicatorCode, number | null> {
  return {
    rd_intensity: ratio(f.rdExpense, f.revenue),
    sci_tech_staff_share: ratio(f.sciTechStaff, f.employees),
    high_tech_revenue_share: ratio(f.highTechRevenue, f.revenue),
    invention_patents_per_100: ratio(f.inventionPatents, f.employees),
    conversions: f.conversions,
    revenue_growth: growth(f.revenue, f.prevRevenue),
    net_asset_growth: growth(f.netAssets, f.prevNetAssets),
  };
}

/** 100 · (B + E/2) / n (see the file's comment); NaN for no peers. */
export function percentileAmong(value: number, peers: readonly number[], direction: 1 | -1 = 1): number {
  let worse = 0;
  let equal = 0;
  for (const p of peers) {
    if (p === value) equal++;
    else if (p < value === (direction === 1)) worse++;
  }
  return (100 * (worse + equal / 2)) / peers.length;
}

/** Type 7 quantile (R's default, Excel PERCENTILE.INC) of values sorted ascending: h = (n − 1)·p. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** of a percentile already oriented by the indicator's direction (higher = better) */
export function verdictOf(percentile: number): Verdict {
  if (percentile >= STRENGTH_PERCENTILE) return 'strength';
  if (percentile <= WEAKNESS_PERCENTILE) return 'weakness';
  return 'typical';
}

export interface IndicatorDiagnosis {
  code: DiagnosisIndicatorCode;
  label: string;
  unit: string;
  direction: 1 | -1;
  value: number | null;
  /** null unless verdict is strength / weakness / typical */
  percentile: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  /** peers with this figure */
  peerCount: number;
  verdict: Verdict;
}

export interface Diagnosis {
  year: number;
  peers: { level: PeerLevel; industry: string | null; band: SizeBand | null; count: number; description: string; isSufficient: boolean; minPeers: number };
  indicators: IndicatorDiagnosis[];
  strengths: DiagnosisIndicatorCode[];
  weaknesses: DiagnosisIndicatorCode[];
  advice: string[];
}

function indicatorDiagnosis(def: (typeof DIAGNOSIS_INDICATORS)[number], value: number | null, peerValues: number[], minPeers: number): IndicatorDiagnosis {
  const sorted = peerValues.slice().sort((a, b) => a - b);
  const base = { code: def.code, label: def.label, unit: def.unit, direction: def.direction, value, peerCount: sorted.length };
  if (sorted.length < minPeers) return { ...base, percentile: null, median: null, q1: null, q3: null, verdict: value === null ? 'missing' : 'insufficient' };
  const stats = { median: quantileSorted(sorted, 0.5), q1: quantileSorted(sorted, 0.25), q3: quantileSorted(sorted, 0.75) };
  if (value === null) return { ...base, ...stats, percentile: null, verdict: 'missing' };
  const percentile = percentileAmong(value, sorted, def.direction);
  return { ...base, ...stats, percentile, verdict: verdictOf(percentile) };
}

/**
 * The diagnosis of `target` in `year` among `candidates` (every enterprise with figures of that year; the
 * target itself is skipped). Pure: the caller reads the figures.
 */
export function diagnose(target: DiagnosisFigures, candidates: readonly DiagnosisFigures[], year: number, minPeers = MIN_PEERS): Diagnosis {
  const group: PeerGroup<DiagnosisFigures> = choosePeers(target, candidates, minPeers);
  const own = diagnosisValues(target);
  const peerValues = group.peers.map(diagnosisValues);
  const indicators = DIAGNOSIS_INDICATORS.map((def) =>
    indicatorDiagnosis(def, own[def.code], group.isSufficient ? peerValues.map((v) => v[def.code]).filter((v): v is number => v !== null) : [], minPeers),
  );
  const peers = {
    level: group.level,
    industry: group.industry,
    band: group.band,
    count: group.peers.length,
    description: describePeers(group),
    isSufficient: group.isSufficient,
    minPeers,
  };
  const ctx: AdviceContext = { year, figures: target, peers };
  return {
    year,
    peers,
    indicators,
    strengths: indicators.filter((i) => i.verdict === 'strength').map((i) => i.code),
    weaknesses: indicators.filter((i) => i.verdict === 'weakness').map((i) => i.code),
    advice: adviceFor(indicators, ctx),
  };
}
