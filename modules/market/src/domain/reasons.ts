/**
 * Why two listings matched, in the bureau's words: the shared terms (largest share of the score first,
 * a term's parts dropped when the whole term is listed), related terms, problems bridged to technologies,
 * the same field, the same industry-chain link and the achievement's readiness level.
 */
import type { QueryOrigin } from './analyse.ts';
import type { Lexicon } from './lexicon.ts';

export interface Contribution {
  term: string;
  score: number;
  origin: QueryOrigin;
}

export interface Signals {
  field: string | null;
  links: string[];
  trl: number | null;
}

/** at most this many terms in a reason */
export const MAX_TERMS = 5;

/** the nine technology readiness levels of GB/T 22900 科学技术研究项目评价通则, in short */
const TRL_WORDS: Record<number, string> = {
  1: '基本原理',
  2: '技术概念',
  3: '实验室验证',
  4: '部件实验室验证',
  5: '部件相关环境验证',
  6: '样机相关环境演示',
  7: '样机真实环境试验',
  8: '实际系统验证',
  9: '投入运行',
};

/** keeps the terms that are not part of a longer listed term (锂离子 and 电池 go when 锂离子电池 is there) */
function wholeTerms(terms: string[]): string[] {
  return terms.filter((t) => !terms.some((u) => u !== t && u.length > t.length && u.includes(t)));
}

export function reasonsFor(contributions: Contribution[], signals: Signals, lexicon: Lexicon): string[] {
  const show = (t: string): string => lexicon.display.get(t) ?? t;
  const sorted = [...contributions].sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
  const reasons: string[] = [];

  const shared = wholeTerms(sorted.filter((c) => c.origin.kind === 'text').map((c) => c.term)).slice(0, MAX_TERMS);
  if (shared.length > 0) reasons.push(`共同术语：${shared.map(show).join('、')}`);

  const related = sorted.flatMap((c) => (c.origin.kind === 'related' ? [`${show(c.origin.from)}≈${show(c.term)}`] : []));
  if (related.length > 0) reasons.push(`相关术语：${[...new Set(related)].slice(0, MAX_TERMS).join('、')}`);

  // problem words → the technology terms they called for, grouped by the problem words
  const bridged = new Map<string, string[]>();
  for (const c of sorted) {
    if (c.origin.kind !== 'bridge') continue;
    const from = c.origin.from.map(show).join('/');
    bridged.set(from, [...(bridged.get(from) ?? []), c.term]);
  }
  if (bridged.size > 0)
    reasons.push(
      `问题对应技术：${[...bridged]
        .slice(0, MAX_TERMS)
        .map(([from, terms]) => `${from}→${wholeTerms(terms).slice(0, MAX_TERMS).map(show).join('、')}`)
        .join('；')}`,
    );

  if (signals.field) reasons.push(`同一领域：${signals.field}`);
  if (signals.links.length > 0) reasons.push(`同一产业链环节：${signals.links.join('、')}`);
  if (signals.trl !== null && TRL_WORDS[signals.trl]) reasons.push(`技术成熟度：TRL ${signals.trl}（${TRL_WORDS[signals.trl]}）`);
  return reasons;
}
