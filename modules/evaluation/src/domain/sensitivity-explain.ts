/**
 * What moves a finalist's rank over the Monte Carlo samples, for a committee: how often it stays within its
 * tier's places, and which of the things a sample changes — each group's weights, or one of the listed
 * alternative normalisations, aggregations and imputations — moves it most.
 *
 * Each sample's choice of alternatives is known from its seed alone (sampleChoice), so the samples can be
 * grouped by what they chose. The share of the rank's variance a method accounts for is the variance between
 * the means of the samples grouped by that method's alternatives (a first-order, Sobol-style main effect); the
 * weights' share is the variance left within the samples that chose the same methods throughout. The factor
 * with the largest share "moves it most". For that method, each alternative's median rank says where the
 * finalist lands under it; for the weights, the 5–95% ranks of the samples that kept the scheme's own methods.
 */
import { quantileInPlace } from './stats.ts';
import type { Imputation } from './scheme-format.ts';
import { sampleChoice, type SampleChoice, type SensitivityContext } from './sensitivity.ts';
import type { Factor, FactorEffect, OptionEffect, RankExplanation } from './words.ts';

/** the fewest samples with the scheme's own methods from which a weights-only rank band is given */
export const MIN_BAND_SAMPLES = 10;

/** an imputation as runs store their alternatives: "exclude", "median", "mean(industry)" */
export const imputationName = (i: Imputation): string => (i.method === 'exclude' ? 'exclude' : `${i.method}${i.by ? `(${i.by})` : ''}`);

type MethodFactor = Exclude<Factor, 'weights'>;
interface FactorPlan {
  factor: MethodFactor;
  names: string[];
  /** index of the scheme's own method among the alternatives; −1 when it is not one of them */
  nominal: number;
  of: (c: SampleChoice) => number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function factorPlans(ctx: SensitivityContext): FactorPlan[] {
  const { plan } = ctx;
  const scheme = ctx.compiled.scheme;
  return [
    {
      factor: 'normalisation',
      names: plan.normalisation.map((n) => n.method),
      nominal: plan.normalisation.findIndex((n) => same(n, scheme.normalisation)),
      of: (c) => c.normalisation,
    },
    { factor: 'aggregation', names: plan.aggregation, nominal: plan.aggregation.indexOf(scheme.aggregation), of: (c) => c.aggregation },
    {
      factor: 'imputation',
      names: plan.imputation.map(imputationName),
      nominal: plan.imputation.findIndex((i) => same(i, scheme.imputation)),
      of: (c) => c.imputation,
    },
  ];
}

const meanOf = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const medianOf = (x: number[]) => quantileInPlace(Float64Array.from(x), 0.5);

/**
 * For each target (an entity id and the last place of its tier), from the rank rows of all samples (as
 * sampleRanks writes them: samples × entities, 0 = not scored in that sample). Targets the Monte Carlo did not
 * score are left out of the map.
 */
export function explainRanks(ctx: SensitivityContext, ranks: Int32Array, targets: { id: string; cutoff: number }[]): Map<string, RankExplanation> {
  const { plan, ids } = ctx;
  const width = ids.length;
  const choices = Array.from({ length: plan.samples }, (_, s) => sampleChoice(plan, s));
  const factors = factorPlans(ctx);
  const varying = factors.filter((f) => f.names.length > 1);
  const cellOf = (c: SampleChoice) => factors.reduce((key, f) => key * f.names.length + f.of(c), 0);
  const isNominal = (c: SampleChoice) => factors.every((f) => f.nominal >= 0 && f.of(c) === f.nominal);
  const at = new Map(ids.map((id, e) => [id, e]));
  const out = new Map<string, RankExplanation>();
  for (const { id, cutoff } of targets) {
    const e = at.get(id);
    if (e === undefined) continue;
    const r: number[] = [];
    const chosen: SampleChoice[] = [];
    for (let s = 0; s < plan.samples; s++) {
      const rank = ranks[s * width + e];
      if (rank > 0) {
        r.push(rank);
        chosen.push(choices[s]);
      }
    }
    if (r.length === 0) continue;
    out.set(id, explainOne(r, chosen, cutoff, { varying, cellOf, isNominal, weights: plan.weights }));
  }
  return out;
}

interface Grouping {
  varying: FactorPlan[];
  cellOf: (c: SampleChoice) => number;
  isNominal: (c: SampleChoice) => boolean;
  weights: number;
}

function explainOne(r: number[], chosen: SampleChoice[], cutoff: number, g: Grouping): RankExplanation {
  const n = r.length;
  const mean = meanOf(r);
  const total = r.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
  const within = (x: number[]) => x.filter((v) => v <= cutoff).length / x.length;
  const effects: FactorEffect[] = g.varying.map((f) => {
    const groups = f.names.map(() => [] as number[]);
    chosen.forEach((c, k) => groups[f.of(c)].push(r[k]));
    const options: OptionEffect[] = [];
    let between = 0;
    groups.forEach((x, o) => {
      if (x.length === 0) return;
      between += x.length * (meanOf(x) - mean) ** 2;
      options.push({ option: f.names[o], isNominal: o === f.nominal, samples: x.length, medianRank: medianOf(x), within: within(x) });
    });
    return { factor: f.factor, share: total > 0 ? between / n / total : 0, options };
  });
  if (g.weights > 0) {
    const cells = new Map<number, number[]>();
    chosen.forEach((c, k) => {
      const key = g.cellOf(c);
      const cell = cells.get(key);
      if (cell) cell.push(r[k]);
      else cells.set(key, [r[k]]);
    });
    let inside = 0;
    for (const x of cells.values()) {
      const m = meanOf(x);
      inside += x.reduce((a, v) => a + (v - m) ** 2, 0);
    }
    effects.push({ factor: 'weights', share: total > 0 ? inside / n / total : 0 });
  }
  const moving = total > 1e-12 ? effects.filter((x) => x.share > 1e-9).sort((a, b) => b.share - a.share) : [];
  const nominal = r.filter((_, k) => g.isNominal(chosen[k]));
  const band = nominal.length >= MIN_BAND_SAMPLES ? Float64Array.from(nominal) : null;
  return {
    cutoff,
    samples: n,
    within: within(r),
    effects: moving,
    driver: moving[0]?.factor ?? null,
    weightsBand: band ? [quantileInPlace(band, 0.05), quantileInPlace(band, 0.95)] : null,
  };
}
