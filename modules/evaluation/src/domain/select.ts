/**
 * Selections and grades from a computed index.
 *
 * Top-N with tiers (e.g. 引领Top10 = 10, 优秀 = 10): entities in rank order; ties first broken by the
 * scores of the `tieBreak` nodes in turn (higher first), then what is still tied shares a place
 * (competition style: 1, 2, 2, 4). Tier t takes the places up to its cumulative size (≤ 10, then
 * 11–20). Tie rule: a tie that starts inside a tier and straddles its boundary is admitted whole to that
 * tier, which is then over-full and flagged (`tiedAtCutoff`); the next tier still ends at its own
 * cumulative place, so it has fewer. Nobody is dropped or promoted by input order: the committee decides,
 * or names tie-break nodes beforehand. Fewer scored entities than N is an error.
 *
 * Grades by thresholds: score ≥ min (compared after the 9-decimal rounding of the tie rule), first
 * matching grade. Grades by quotas ("A at most 20%"): the quota is a ceiling of ⌊n·share⌋ entities; a tie
 * group that would overflow it goes wholly to the next grade. The last grade takes the rest.
 */
import { IndexError } from './errors.ts';
import { tieKey } from './rank.ts';

/** The part of an IndexResult a selection reads. */
export interface Ranked {
  ids: string[];
  score: Float64Array;
  rank: Int32Array;
  nodeScores?: Map<string, Float64Array>;
}

export interface Tier {
  name: string;
  size: number;
}

export interface Selected {
  id: string;
  tier: string;
  /** place after tie-breaks (competition style: tied entities share it) */
  place: number;
  rank: number;
  score: number;
  tiedAtCutoff: boolean;
}

export interface TopNResult {
  selected: Selected[];
  tiers: { name: string; size: number; count: number; overfull: boolean }[];
}

export function selectTopN(r: Ranked, tiers: Tier[], tieBreak: string[] = []): TopNResult {
  if (tiers.length === 0 || tiers.some((t) => !(Number.isInteger(t.size) && t.size > 0))) {
    throw new IndexError('SELECTION_INVALID', '入选档次应至少一档，每档名额为正整数', { tiers });
  }
  const total = tiers.reduce((a, t) => a + t.size, 0);
  if (r.ids.length < total) {
    throw new IndexError(
      'SELECTION_TOO_FEW',
      `参评实体只有 ${r.ids.length} 个，少于 Top-${total}（${tiers.map((t) => `${t.name} ${t.size}`).join(' + ')}）所需的 ${total} 个`,
      { entities: r.ids.length, required: total },
    );
  }
  const keys = tieBreak.map((id) => {
    const col = r.nodeScores?.get(id);
    if (!col) throw new IndexError('SELECTION_INVALID', `并列裁决节点 ${id} 不在方案中`, { node: id });
    return col;
  });
  const cmp = (a: number, b: number) => r.rank[a] - r.rank[b] || keys.reduce((acc, col) => acc || tieKey(col[b]) - tieKey(col[a]), 0);
  const order = Array.from(r.ids.keys()).sort((a, b) => cmp(a, b) || a - b);
  const place = new Int32Array(order.length);
  order.forEach((e, k) => (place[k] = k > 0 && cmp(order[k - 1], e) === 0 ? place[k - 1] : k + 1));
  const cutoffs = tiers.map((_, i) => tiers.slice(0, i + 1).reduce((a, x) => a + x.size, 0));
  const groupSize = new Map<number, number>();
  for (const p of place) groupSize.set(p, (groupSize.get(p) ?? 0) + 1);
  const selected: Selected[] = [];
  const counts = tiers.map((x) => ({ name: x.name, size: x.size, count: 0, overfull: false }));
  order.forEach((e, k) => {
    const t = cutoffs.findIndex((c) => place[k] <= c);
    if (t < 0) return;
    const tiedAtCutoff = place[k] + groupSize.get(place[k])! - 1 > cutoffs[t];
    selected.push({ id: r.ids[e], tier: tiers[t].name, place: place[k], rank: r.rank[e], score: r.score[e], tiedAtCutoff });
    counts[t].count++;
    if (tiedAtCutoff) counts[t].overfull = true;
  });
  return { selected, tiers: counts };
}

export interface GradeRule {
  grade: string;
  /** thresholds: the lowest score of the grade */
  min?: number;
  /** quotas: the largest share of entities in the grade, e.g. 0.2 */
  maxShare?: number;
}

export interface Grades {
  /** parallel to the result's ids; null when below every threshold */
  grades: (string | null)[];
  counts: { grade: string; count: number; cap?: number }[];
}

export function gradeByThresholds(r: Ranked, rules: GradeRule[]): Grades {
  rules.forEach((g, i) => {
    const next = rules[i + 1];
    if (g.min === undefined && next)
      throw new IndexError('SELECTION_INVALID', `等级 ${g.grade} 没有分数线，只有最后一个等级可以不设分数线`, { grade: g.grade });
    if (g.min !== undefined && next?.min !== undefined && !(next.min < g.min))
      throw new IndexError('SELECTION_INVALID', `等级分数线应从高到低：${g.grade} ${g.min}，${next.grade} ${next.min}`, { grade: next.grade });
  });
  const grades = Array.from(r.score, (s) => rules.find((g) => g.min === undefined || tieKey(s) >= g.min)?.grade ?? null);
  return { grades, counts: rules.map((g) => ({ grade: g.grade, count: grades.filter((x) => x === g.grade).length })) };
}

export function gradeByQuotas(r: Ranked, rules: GradeRule[]): Grades {
  rules.forEach((g, i) => {
    if (g.maxShare === undefined && i < rules.length - 1)
      throw new IndexError('SELECTION_INVALID', `等级 ${g.grade} 没有比例上限，只有最后一个等级可以不设`, { grade: g.grade });
    if (g.maxShare !== undefined && !(g.maxShare >= 0 && g.maxShare <= 1))
      throw new IndexError('SELECTION_INVALID', `等级 ${g.grade} 的比例上限 ${g.maxShare} 应在 0 与 1 之间`, { grade: g.grade });
  });
  const n = r.ids.length;
  const order = Array.from(r.ids.keys()).sort((a, b) => r.rank[a] - r.rank[b] || a - b);
  const grades: (string | null)[] = new Array<string | null>(n).fill(null);
  const counts: Grades['counts'] = [];
  let k = 0;
  for (const g of rules) {
    const cap = g.maxShare === undefined ? n : Math.floor(n * g.maxShare + 1e-9);
    let count = 0;
    while (k < n) {
      let end = k;
      while (end + 1 < n && r.rank[order[end + 1]] === r.rank[order[k]]) end++;
      if (count + (end - k + 1) > cap) break;
      for (let m = k; m <= end; m++) grades[order[m]] = g.grade;
      count += end - k + 1;
      k = end + 1;
    }
    counts.push({ grade: g.grade, count, ...(g.maxShare === undefined ? {} : { cap }) });
  }
  return { grades, counts };
}
