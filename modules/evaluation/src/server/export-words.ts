/** Lines the .xlsx exports share, in the user's language: what the Monte Carlo varied, and a finalist's rank band and stability in words. */
import type { MessageLang } from '@kechuang/platform-core';
import { imputationLabel, methodLabel, rankBand, stabilityWords, stableLabel, type Lang, type RankExplanation } from '../domain/index.ts';

/** the request's language as the engine's words name it */
export const wordsLang = (lang: MessageLang): Lang => (lang === 'en' ? 'en' : 'zh-CN');

/** a header or word in the export's language */
export const pick = (lang: MessageLang, zh: string, en: string): string => (lang === 'en' ? en : zh);

export interface McPlan {
  samples: number;
  seed: number;
  perturbation: number;
  alternatives: { normalisation: string[]; aggregation: string[]; imputation: string[] };
}

/** "敏感性分析：200 次抽样（种子 1），各组权重上下浮动 25%；标准化：极差标准化、百分位标准化；…" */
export function mcNote(mc: McPlan, columnNames: Record<string, string>, lang: MessageLang = 'zh'): string {
  const name = (c: string) => columnNames[c] ?? c;
  const l = wordsLang(lang);
  const en = lang === 'en';
  const alt = (label: string, xs: string[]) => (xs.length > 1 ? (en ? `; ${label}: ${xs.join(', ')}` : `；${label}：${xs.join('、')}`) : '');
  const alternatives =
    alt(
      pick(lang, '标准化', 'normalisation'),
      mc.alternatives.normalisation.map((m) => methodLabel('normalisation', m, l)),
    ) +
    alt(
      pick(lang, '汇总', 'aggregation'),
      mc.alternatives.aggregation.map((m) => methodLabel('aggregation', m, l)),
    ) +
    alt(
      pick(lang, '补缺', 'imputation'),
      mc.alternatives.imputation.map((m) => imputationLabel(m, l, name)),
    );
  const pct = Math.round(mc.perturbation * 100);
  if (en)
    return `Sensitivity analysis: ${mc.samples} samples (seed ${mc.seed}), each group's weights varied by up to ${pct}%${alternatives}. The rank band is the 5%–95% range of the sampled ranks`;
  return `敏感性分析：${mc.samples} 次抽样（种子 ${mc.seed}），各组权重上下浮动 ${pct}%${alternatives}。排名区间为各次抽样名次的 5%–95%`;
}

/** the band, the stability and what moves it, as export cells */
export function stabilityCells(
  e: { rankP05: number | null; rankP95: number | null; isStable: boolean | null },
  explanation: RankExplanation | null | undefined,
  mc: McPlan | null,
  columnNames: Record<string, string>,
  lang: MessageLang = 'zh',
): { band: string; stability: string; driver: string } {
  const l = wordsLang(lang);
  const band = rankBand(e.rankP05, e.rankP95, l);
  if (e.isStable === null || !mc) return { band, stability: '', driver: '' };
  if (!explanation) return { band, stability: stableLabel(e.isStable, l), driver: '' };
  const words = stabilityWords(explanation, e.isStable, mc.perturbation, l, (c) => columnNames[c] ?? c);
  return { band, stability: `${words.verdict}${lang === 'en' ? ': ' : '：'}${words.within}`, driver: words.driver };
}
