/**
 * The words people read for the engine's codes, in Chinese and English: method names (极差标准化, 算术平均,
 * 按行业大类中位数补缺 …), rank bands ("第 3–7 名之间") and what moves a finalist's rank. One source for the
 * pages (in the user's language) and the .xlsx exports (in Chinese), so the two never say different things.
 * No imports: the browser bundle takes it as it is.
 */

export type Lang = 'zh-CN' | 'en';
export type MethodKind = 'normalisation' | 'weighting' | 'aggregation' | 'imputation';
/** what a Monte Carlo sample changes: each group's weights, or one of the listed alternative methods */
export type Factor = 'weights' | 'normalisation' | 'aggregation' | 'imputation';

type Words = Record<Lang, string>;

const METHODS: Record<MethodKind, Record<string, Words>> = {
  normalisation: {
    minmax: { 'zh-CN': '极差标准化', en: 'Min-max' },
    zscore: { 'zh-CN': '标准分（Z 分数）', en: 'z-score' },
    rank: { 'zh-CN': '名次', en: 'Rank' },
    percentile: { 'zh-CN': '百分位标准化', en: 'Percentile' },
    distance: { 'zh-CN': '参考值比', en: 'Ratio to a reference' },
    goalposts: { 'zh-CN': '固定上下限', en: 'Goalposts' },
  },
  weighting: {
    given: { 'zh-CN': '专家赋权', en: 'Expert weights' },
    equal: { 'zh-CN': '等权', en: 'Equal weights' },
    ahp: { 'zh-CN': '层次分析法', en: 'AHP' },
    entropy: { 'zh-CN': '熵权法', en: 'Entropy' },
    critic: { 'zh-CN': 'CRITIC 法', en: 'CRITIC' },
  },
  aggregation: {
    arithmetic: { 'zh-CN': '算术平均', en: 'Arithmetic mean' },
    geometric: { 'zh-CN': '几何平均', en: 'Geometric mean' },
    topsis: { 'zh-CN': 'TOPSIS 法（逼近理想解）', en: 'TOPSIS' },
  },
  imputation: {
    exclude: { 'zh-CN': '缺数不参评', en: 'Leave out entities with gaps' },
    mean: { 'zh-CN': '均值补缺', en: 'Mean imputation' },
    median: { 'zh-CN': '中位数补缺', en: 'Median imputation' },
  },
};

/** every method code of each kind, for the editor's pickers and the tests */
export const METHOD_CODES = Object.fromEntries(Object.entries(METHODS).map(([k, v]) => [k, Object.keys(v)])) as Record<MethodKind, string[]>;

/** "极差标准化" / "Min-max"; an unknown code is shown as it is */
export function methodLabel(kind: MethodKind, code: string, lang: Lang): string {
  return METHODS[kind][code]?.[lang] ?? code;
}

/**
 * An imputation as a run stores it — "median", "mean(industry)", "exclude" — in words: 按行业大类中位数补缺,
 * "Median within each 行业大类". `columnName` turns the grouping column's code into its name.
 */
export function imputationLabel(stored: string, lang: Lang, columnName: (code: string) => string = (c) => c): string {
  const m = /^(\w+)(?:\((.+)\))?$/.exec(stored);
  if (!m) return stored;
  const [, method, by] = m;
  if (!by || method === 'exclude') return methodLabel('imputation', method, lang);
  const name = columnName(by);
  if (lang === 'en') return `${method === 'mean' ? 'Mean' : 'Median'} within each ${name}`;
  return `按${name}${method === 'mean' ? '均值' : '中位数'}补缺`;
}

/** a stored alternative of a factor ("percentile", "mean(industry)", "geometric") in words */
export function optionLabel(factor: Exclude<Factor, 'weights'>, option: string, lang: Lang, columnName?: (code: string) => string): string {
  return factor === 'imputation' ? imputationLabel(option, lang, columnName) : methodLabel(factor, option, lang);
}

const FACTORS: Record<Factor, Words> = {
  weights: { 'zh-CN': '权重', en: 'the weights' },
  normalisation: { 'zh-CN': '标准化方法', en: 'the normalisation' },
  aggregation: { 'zh-CN': '汇总方法', en: 'the aggregation' },
  imputation: { 'zh-CN': '补缺方法', en: 'the imputation' },
};

export const factorLabel = (f: Factor, lang: Lang): string => FACTORS[f][lang];

const whole = (x: number) => Math.max(1, Math.round(x));

/** A rank band in whole ranks: "第 3–7 名之间" / "ranks 3–7"; one rank: "第 3 名"; none: "—". */
export function rankBand(low: number | null | undefined, high: number | null | undefined, lang: Lang): string {
  if (low === null || low === undefined || high === null || high === undefined || !Number.isFinite(low) || !Number.isFinite(high)) return '—';
  const [a, b] = [whole(low), whole(high)];
  if (a === b) return lang === 'en' ? `rank ${a}` : `第 ${a} 名`;
  return lang === 'en' ? `ranks ${a}–${b}` : `第 ${a}–${b} 名之间`;
}

/** A method the samples can switch to, with the finalist's median rank and how often it stays within its cutoff under it. */
export interface OptionEffect {
  /** as stored with the run: "percentile", "mean(industry)" … */
  option: string;
  /** the scheme's own method */
  isNominal: boolean;
  samples: number;
  medianRank: number;
  /** share of these samples with the rank within the cutoff */
  within: number;
}

export interface FactorEffect {
  factor: Factor;
  /** the share of the rank's variance over the samples that this factor accounts for (0–1, roughly) */
  share: number;
  /** method factors: per alternative */
  options?: OptionEffect[];
}

/** Why a finalist's rank moves over the Monte Carlo samples (domain/sensitivity-explain.ts computes it). */
export interface RankExplanation {
  /** the last place of its tier (10 for the Top10, 20 for the next ten) */
  cutoff: number;
  /** samples in which it was scored */
  samples: number;
  /** share of those in which its rank is within the cutoff */
  within: number;
  /** the factors that moved it, largest first; empty when its rank never moved */
  effects: FactorEffect[];
  /** the factor that moves it most; null when nothing moves it */
  driver: Factor | null;
  /** its 5% and 95% ranks when only the weights change (the samples that use the scheme's own methods); null without enough of them */
  weightsBand: [number, number] | null;
}

export interface StabilityWords {
  /** "稳定" / "不稳定" */
  verdict: string;
  /** "94% 的抽样中保持在前 10 名" */
  within: string;
  /** "主要随标准化方法变动：改用百分位标准化时跌出前 10 名（中位排名第 14 名；极差标准化时第 6 名）" */
  driver: string;
}

export const stableLabel = (isStable: boolean, lang: Lang): string => (isStable ? (lang === 'en' ? 'Stable' : '稳定') : lang === 'en' ? 'Unstable' : '不稳定');

const percent = (x: number) => `${Math.floor(x * 100 + 1e-9)}%`;

/**
 * A finalist's stability in words a committee reads: how often it stays within its tier's places, and the
 * change of method (or of weights) that moves it most, with where it lands then. `perturbation` is the
 * weights' ± share (0.25); `columnName` names an imputation's grouping column.
 */
export function stabilityWords(x: RankExplanation, isStable: boolean, perturbation: number, lang: Lang, columnName?: (code: string) => string): StabilityWords {
  const en = lang === 'en';
  const share = percent(x.within);
  return {
    verdict: stableLabel(isStable, lang),
    within: en ? `within the first ${x.cutoff} in ${share} of the samples` : `${share} 的抽样中保持在前 ${x.cutoff} 名`,
    driver: driverWords(x, perturbation, lang, columnName),
  };
}

function driverWords(x: RankExplanation, perturbation: number, lang: Lang, columnName?: (code: string) => string): string {
  const en = lang === 'en';
  if (x.driver === null) return en ? 'Its rank is the same in every sample' : '各抽样中名次不变';
  const f = Math.round(perturbation * 100);
  if (x.driver === 'weights') {
    const band = x.weightsBand ? rankBand(x.weightsBand[0], x.weightsBand[1], lang) : null;
    if (en) return `Moved mostly by the weights: with each group's weights ±${f}%${band ? `, ${band}` : ''}`;
    return `主要随权重变动：各组权重上下浮动 ${f}% 时${band ? `排在${band}` : '名次随之变化'}`;
  }
  const effect = x.effects.find((e) => e.factor === x.driver);
  const options = effect?.options ?? [];
  const nominal = options.find((o) => o.isNominal);
  const reference = nominal?.medianRank;
  // the alternative that lands it furthest from where the scheme's own method puts it
  const other = options.filter((o) => !o.isNominal).sort((a, b) => Math.abs(b.medianRank - (reference ?? 0)) - Math.abs(a.medianRank - (reference ?? 0)))[0];
  const factor = factorLabel(x.driver, lang);
  if (!other) return en ? `Moved mostly by ${factor}` : `主要随${factor}变动`;
  const name = (o: OptionEffect) => optionLabel(x.driver as Exclude<Factor, 'weights'>, o.option, lang, columnName);
  // whether the other method takes it out of its tier's places, or into them, where the scheme's own keeps it in (or out)
  const inside = (o: OptionEffect) => o.medianRank <= x.cutoff;
  const crosses = nominal !== undefined && inside(nominal) !== inside(other);
  if (en) {
    const own = nominal ? `${whole(nominal.medianRank)} with ${name(nominal)}` : '';
    if (crosses)
      return `Moved mostly by ${factor}: with ${name(other)} it ${inside(other) ? 'rises into' : 'drops out of'} the first ${x.cutoff} (median rank ${whole(other.medianRank)}; ${own})`;
    return `Moved mostly by ${factor}: with ${name(other)} its median rank is ${whole(other.medianRank)}${own ? ` (${own})` : ''}`;
  }
  const own = nominal ? `${name(nominal)}时第 ${whole(nominal.medianRank)} 名` : '';
  if (crosses) {
    return `主要随${factor}变动：改用${name(other)}时${inside(other) ? '进入' : '跌出'}前 ${x.cutoff} 名（中位排名第 ${whole(other.medianRank)} 名；${own}）`;
  }
  return `主要随${factor}变动：改用${name(other)}时中位排名第 ${whole(other.medianRank)} 名${own ? `（${own}）` : ''}`;
}
