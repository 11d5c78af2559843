/**
 * A re-run: the frozen scheme, options and input table of a run, computed again and stored as a new run
 * (rerun_of the first), then compared with the first entity by entity — score, rank, tier and place, and
 * the Monte Carlo's median rank and 5–95% interval. Same inputs and seed, so any difference is a defect.
 */
import { evaluationError } from './errors.ts';
import type { Actor, Db } from '@kechuang/platform-server';
import { leaves, parseScheme } from '../domain/index.ts';
import { getRunRow, loadInput, storedResults, type StoredResult } from '../db/run-queries.ts';
import { evaluate } from './compute-off-thread.ts';
import { planOf } from './create-run.ts';
import { storeRun } from './store-run.ts';

const FIELDS = ['score', 'rank', 'tier', 'place', 'medianRank', 'rankP05', 'rankP95'] as const;
const SHOWN = 20;

export function compareResults(before: StoredResult[], after: StoredResult[]) {
  const differences: { entityId: string; field: string; before: unknown; after: unknown }[] = [];
  const next = new Map(after.map((r) => [r.entityId, r]));
  for (const b of before) {
    const a = next.get(b.entityId);
    if (!a) differences.push({ entityId: b.entityId, field: 'scored', before: true, after: false });
    else for (const f of FIELDS) if (a[f] !== b[f]) differences.push({ entityId: b.entityId, field: f, before: b[f], after: a[f] });
  }
  const known = new Set(before.map((r) => r.entityId));
  for (const a of after) if (!known.has(a.entityId)) differences.push({ entityId: a.entityId, field: 'scored', before: false, after: true });
  return differences;
}

export async function rerunRun(db: Db, actor: Actor, id: number, opts: { forceWorker?: boolean } = {}) {
  const started = performance.now();
  const run = await getRunRow(db, id);
  if (!run) throw evaluationError('EVAL_RUN_NOT_FOUND', { params: { id }, details: { field: 'id', value: id } });
  const { table, labels, regions } = await loadInput(db, run);
  const { scheme } = parseScheme(run.scheme);
  const readMs = performance.now() - started;
  const evaluated = await evaluate(run.scheme, table, planOf(run.options), leaves(scheme.root).length, opts);
  const { id: runId } = await storeRun(db, actor, {
    name: run.name,
    preset: run.preset,
    schemeId: run.schemeId,
    scheme: run.scheme,
    options: run.options,
    input: { source: run.source, table, labels, regions },
    evaluated,
    warnings: run.summary.warnings,
    rerunOf: run.id,
    readMs,
  });
  const [before, after] = await Promise.all([storedResults(db, run.id), storedResults(db, runId)]);
  const differences = compareResults(before, after);
  return { runId, reproduced: differences.length === 0, compared: before.length, differences: differences.slice(0, SHOWN) };
}
