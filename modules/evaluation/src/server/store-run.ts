/**
 * Writes a computed run in one transaction with its audit row: the run (frozen scheme, source, options,
 * summary), its input table as read, and each scored entity's result. Only a computation that succeeded
 * reaches here, so a failed run leaves nothing behind and nothing can be published from it.
 */
import { audit, bumpVersion, type Actor, type Db } from '@kechuang/platform-server';
import type { PresetCode, RawScheme, RunOptions, RunSource } from '../contract/schemas.ts';
import type { SchemeWarning } from '../domain/index.ts';
import { finite, insertInputs, insertResults, insertRun, type InputRow, type ResultRow, type StoredRunSummary } from '../db/run-queries.ts';
import type { RunInput } from '../presets/index.ts';
import { stableFinalists, type Evaluated } from './evaluate-run.ts';

export interface RunToStore {
  name: string;
  preset: PresetCode | null;
  schemeId: number | null;
  scheme: RawScheme;
  options: RunOptions;
  input: RunInput;
  evaluated: Evaluated;
  /** codes with facts; a rerun of a run computed before the codes carries its Chinese sentences */
  warnings: (SchemeWarning | string)[];
  rerunOf: number | null;
  readMs: number;
}

const IMPUTED_SHOWN = 500;

function summaryOf(r: RunToStore): StoredRunSummary {
  const { result, selection, sensitivity, sensitivityPlan } = r.evaluated;
  const labelOf = new Map(r.input.table.ids.map((id, i) => [id, r.input.labels[i]]));
  return {
    warnings: r.warnings,
    nodes: result.nodes,
    weights: result.weights,
    scale: result.scale,
    excluded: {
      ineligible: result.excluded.filter((x) => x.reason === 'ineligible').length,
      missing: result.excluded.filter((x) => x.reason === 'missing').length,
    },
    imputed: result.imputed.slice(0, IMPUTED_SHOWN).map((c) => ({ ...c, label: labelOf.get(c.id) })),
    imputedCount: result.imputed.length,
    winsorised: result.winsorised,
    tiers: selection?.tiers ?? null,
    grades: r.evaluated.grades?.counts ?? null,
    tieBreak: r.options.tieBreak ?? [],
    sensitivity:
      sensitivity && sensitivityPlan
        ? {
            samples: sensitivity.samples,
            seed: Number(sensitivity.seed),
            perturbation: sensitivityPlan.perturbation,
            alternatives: { normalisation: sensitivityPlan.normalisation, aggregation: sensitivityPlan.aggregation, imputation: sensitivityPlan.imputation },
            stable: stableFinalists(selection, sensitivity),
            thread: r.evaluated.thread,
          }
        : null,
    timings: { readMs: Math.round(r.readMs), computeMs: Math.round(r.evaluated.computeMs), sensitivityMs: Math.round(r.evaluated.sensitivityMs), writeMs: 0 },
  };
}

function inputRows(input: RunInput, evaluated: Evaluated): InputRow[] {
  const why = new Map(evaluated.result.excluded.map((x) => [x.id, x.detail]));
  const { table } = input;
  return table.ids.map((id, i) => ({
    entityId: id,
    label: input.labels[i],
    regionCode: input.regions[i],
    figures: Object.fromEntries([...table.columns].map(([c, col]) => [c, finite(col[i])])),
    texts: Object.fromEntries([...table.text].map(([c, col]) => [c, col[i]])),
    excluded: why.get(id) ?? null,
  }));
}

function resultRows(evaluated: Evaluated): ResultRow[] {
  const { result, selection, sensitivity, grades } = evaluated;
  const chosen = new Map(selection?.selected.map((s) => [s.id, s]));
  const mc = new Map(sensitivity?.ids.map((id, e) => [id, e]));
  const leaves = result.nodes.filter((n) => n.kind === 'leaf').map((n) => n.id);
  return result.ids.map((id, i) => {
    const s = chosen.get(id);
    const e = mc.get(id);
    const scored = e !== undefined && sensitivity!.ranked[e] > 0;
    return {
      entityId: id,
      score: result.score[i],
      rank: result.rank[i],
      nodeScores: Object.fromEntries(result.nodes.map((n) => [n.id, finite(result.nodeScores.get(n.id)![i])])),
      contributions: Object.fromEntries(leaves.map((l) => [l, finite(result.contributions.get(l)![i])])),
      leafValues: Object.fromEntries(leaves.map((l) => [l, finite(result.leafValues.get(l)![i])])),
      medianRank: scored ? finite(sensitivity!.medianRank[e]) : null,
      rankP05: scored ? finite(sensitivity!.rankP05[e]) : null,
      rankP95: scored ? finite(sensitivity!.rankP95[e]) : null,
      // a graded run (the performance review) keeps the grade in the tier column and the rank as the place
      tier: s?.tier ?? grades?.grades[i] ?? null,
      place: s?.place ?? (grades?.grades[i] ? result.rank[i] : null),
      tiedAtCutoff: s?.tiedAtCutoff ?? false,
    };
  });
}

export async function storeRun(db: Db, actor: Actor, r: RunToStore): Promise<{ id: number }> {
  const summary = summaryOf(r);
  const inputs = inputRows(r.input, r.evaluated);
  const results = resultRows(r.evaluated);
  const started = performance.now();
  return db.transaction(async (tx) => {
    const source: RunSource = r.input.source;
    const id = await insertRun(tx, {
      name: r.name,
      preset: r.preset,
      schemeId: r.schemeId,
      scheme: r.scheme,
      source,
      options: r.options,
      numericColumns: [...r.input.table.columns.keys()],
      textColumns: [...r.input.table.text.keys()],
      summary,
      inputCount: inputs.length,
      scoredCount: results.length,
      rerunOf: r.rerunOf,
      computedBy: actor.id,
      computeMs: r.readMs + r.evaluated.computeMs + r.evaluated.sensitivityMs,
    });
    await insertInputs(tx, id, inputs);
    await insertResults(tx, id, results);
    summary.timings.writeMs = Math.round(performance.now() - started);
    await tx.query('update evaluation_runs set summary = $2 where id = $1', [id, JSON.stringify(summary)]);
    await audit(tx, actor, {
      action: r.rerunOf ? 'evaluationRun.rerun' : 'evaluationRun.compute',
      entity: 'evaluationRun',
      entityId: id,
      regionCode: source.region ?? null,
      after: {
        name: r.name,
        preset: r.preset,
        schemeId: r.schemeId,
        source,
        options: r.options,
        inputCount: inputs.length,
        scoredCount: results.length,
        rerunOf: r.rerunOf,
      },
    });
    await bumpVersion(tx, 'evaluation');
    return { id };
  });
}
