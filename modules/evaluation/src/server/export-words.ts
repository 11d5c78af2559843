/** Lines the .xlsx exports share, in Chinese: what the Monte Carlo varied, and a finalist's rank band and stability in words. */
import { imputationLabel, methodLabel, rankBand, stabilityWords, stableLabel, type RankExplanation } from '../domain/index.ts';

export interface McPlan {
  samples: number;
  seed: number;
  perturbation: number;
  alternatives: { normalisation: string[]; aggregation: string[]; imputation: string[] };
}

/** "敏感性分析：200 次抽样（种子 1），各组权重上下浮动 25%；标准化：极差标准化、百分位标准化；…" */
export function mcNote(mc: McPlan, columnNames: Record<string, string>): string {
  const name = (c: string) => columnNames[c] ?? c;
  const alt = (label: string, xs: string[]) => (xs.length > 1 ? `；${label}：${xs.join('、')}` : '');
  return `敏感性分析：${mc.samples} 次抽样（种子 ${mc.seed}），各组权重上下浮动 ${Math.round(mc.perturbation * 100)}%`
    + alt('标准化', mc.alternatives.normalisation.map((m) => methodLabel('normalisation', m, 'zh-CN')))
    + alt('汇总', mc.alternatives.aggregation.map((m) => methodLabel('aggregation', m, 'zh-CN')))
    + alt('补缺', mc.alternatives.imputation.map((m) => imputationLabel(m, 'zh-CN', name)))
    + '。排名区间为各次抽样名次的 5%–95%';
}

/** the band, the stability and what moves it, as export cells */
export function stabilityCells(
  e: { rankP05: number | null; rankP95: number | null; isStable: boolean | null },
  explanation: RankExplanation | null | undefined,
  mc: McPlan | null,
  columnNames: Record<string, string>,
): { band: string; stability: string; driver: string } {
  const band = rankBand(e.rankP05, e.rankP95, 'zh-CN');
  if (e.isStable === null || !mc) return { band, stability: '', driver: '' };
  if (!explanation) return { band, stability: stableLabel(e.isStable, 'zh-CN'), driver: '' };
  const words = stabilityWords(explanation, e.isStable, mc.perturbation, 'zh-CN', (c) => columnNames[c] ?? c);
  return { band, stability: `${words.verdict}：${words.within}`, driver: words.driver };
}
