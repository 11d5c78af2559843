/**
 * A run over a preset's data: read the table (the registry's figures of a year, or the towns' actuals of a
 * period) within the user's jurisdiction, take the preset's documented scheme or a saved one of the same
 * preset, check it, compute (in the request, or off it for a large run), and store everything frozen.
 */
import { evaluationError, PRESET_LABELS } from './errors.ts';
import type { Actor, Db } from '@kechuang/platform-server';
import { leaves, sameWarning, type GradeRule } from '../domain/index.ts';
import type { RunOptions, RunSourceInput, Tier } from '../contract/schemas.ts';
import { getSchemeRow } from '../db/scheme-queries.ts';
import { presetInput } from '../presets/index.ts';
import { checkScheme } from './check-scheme.ts';
import { evaluate } from './compute-off-thread.ts';
import type { RunPlan } from './evaluate-run.ts';
import { storeRun } from './store-run.ts';

export interface RunCreate {
  name?: string;
  schemeId?: number;
  source: RunSourceInput;
  options: RunOptions;
}

/** The options a run is stored with: the preset's tiers and tie-breaks unless the request names its own. */
export function effectiveOptions(asked: RunOptions, defaults: { tiers: Tier[]; tieBreak: string[]; grades?: GradeRule[] }, nodeIds: Set<string>): RunOptions {
  return {
    samples: asked.samples,
    seed: asked.seed,
    ...(asked.perturbation === undefined ? {} : { perturbation: asked.perturbation }),
    tiers: asked.tiers ?? defaults.tiers,
    // a saved scheme without the preset's tie-break nodes simply has none; nodes the request names must exist (the engine says which does not)
    tieBreak: asked.tieBreak ?? defaults.tieBreak.filter((id) => nodeIds.has(id)),
    ...((asked.grades ?? defaults.grades ?? []).length > 0 ? { grades: asked.grades ?? defaults.grades } : {}),
  };
}

export const planOf = (o: RunOptions): RunPlan => ({
  samples: o.samples,
  seed: o.seed,
  perturbation: o.perturbation,
  tiers: o.tiers ?? [],
  tieBreak: o.tieBreak ?? [],
  grades: o.grades ?? [],
});

export async function createRun(db: Db, homeRegion: string, actor: Actor, body: RunCreate): Promise<{ id: number }> {
  const started = performance.now();
  const input = await presetInput(db, actor.scope, homeRegion, body.source);
  let raw = input.defaultScheme;
  let schemeId: number | null = null;
  let name = input.defaultName;
  const warnings = [...input.warnings];
  if (body.schemeId !== undefined) {
    const saved = await getSchemeRow(db, body.schemeId);
    if (!saved) throw evaluationError('EVAL_SCHEME_NOT_FOUND', { params: { id: body.schemeId }, details: { field: 'schemeId', value: body.schemeId } });
    if (saved.preset !== body.source.kind) {
      const [usedFor, source] = [PRESET_LABELS[saved.preset ?? 'upload'], PRESET_LABELS[body.source.kind]];
      throw evaluationError('EVAL_SCHEME_WRONG_SOURCE', {
        params: { name: saved.name, usedFor: usedFor.zh, source: source.zh, usedForEn: usedFor.en, sourceEn: source.en },
        details: { field: 'schemeId', value: body.schemeId },
      });
    }
    raw = saved.scheme;
    schemeId = saved.id;
    name = `${saved.name} · ${input.source.year ?? input.source.period ?? ''}`;
    warnings.length = 0;
  }
  const checked = await checkScheme(db, raw, body.source.kind);
  warnings.push(...checked.warnings);
  const options = effectiveOptions(body.options, input, new Set(checked.nodes.map((n) => n.id)));
  const readMs = performance.now() - started;
  const evaluated = await evaluate(raw, input.table, planOf(options), leaves(checked.scheme.root).length);
  return storeRun(db, actor, {
    name: body.name || name,
    preset: body.source.kind,
    schemeId,
    scheme: raw,
    options,
    input,
    evaluated,
    warnings: [...warnings, ...evaluated.warnings.filter((w) => !warnings.some((v) => sameWarning(v, w)))],
    rerunOf: null,
    readMs,
  });
}
