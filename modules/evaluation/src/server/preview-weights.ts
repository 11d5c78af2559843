/**
 * The weights a scheme gives on some data, without storing a run (`npx kechuang index weights` in the
 * browser): a preset's data, or the frozen input of an earlier run (an uploaded table). Entropy and CRITIC
 * weights depend on the data; AHP groups come with their consistency ratio.
 */
import { evaluationError } from './errors.ts';
import type { Actor, Db } from '@kechuang/platform-server';
import { computeIndex, type DataTable } from '../domain/index.ts';
import type { RawScheme, RunSourceInput } from '../contract/schemas.ts';
import { getRunRow, loadInput } from '../db/run-queries.ts';
import { presetInput } from '../presets/index.ts';
import { checkScheme } from './check-scheme.ts';

export async function previewWeights(db: Db, homeRegion: string, actor: Actor, raw: RawScheme, source: RunSourceInput | { kind: 'run'; runId: number }) {
  let table: DataTable;
  let preset: RunSourceInput['kind'] | null = null;
  if (source.kind === 'run') {
    const run = await getRunRow(db, source.runId);
    if (!run) throw evaluationError('EVAL_RUN_NOT_FOUND', { params: { id: source.runId }, details: { field: 'runId', value: source.runId } });
    table = (await loadInput(db, run)).table;
  } else {
    table = (await presetInput(db, actor.scope, homeRegion, source)).table;
    preset = source.kind;
  }
  const checked = await checkScheme(db, raw, preset);
  const result = computeIndex(checked.scheme, table);
  return { weights: result.weights, warnings: checked.warnings, scored: result.ids.length, excluded: result.excluded.length, nodes: result.nodes };
}
