/**
 * Publishing a run (e.g. the year's Top-10) and withdrawing a published list. Only a bureau role (the routes'
 * access), each in one transaction with its audit row.
 * - Publish: only a computed run (a failed computation is never stored, so there is nothing to publish from it).
 *   The list is frozen into the run — the finalists in tier order, or every ranked entity for a run without a
 *   selection. A preset's period (its year or period, review and region) has at most one published list: a second
 *   is refused naming the one in the way, unless `supersede` is asked, which withdraws that one in the same
 *   transaction, saying which run replaced it.
 * - Withdraw (撤回): only a published run, with a reason. The run keeps what was published and by whom; it
 *   leaves the published lists and can be neither published again nor edited.
 */
import { evaluationError } from './errors.ts';
import { audit, bumpVersion, type Actor, type Db } from '@kechuang/platform-server';
import type { PublishedEntry, RunSource } from '../contract/schemas.ts';
import { getRunRow, type RunRow } from '../db/run-queries.ts';
import { bureauDateTime } from '../domain/figures.ts';
import { isStable } from './stability.ts';

/** What makes two runs' lists the same list: the preset and what it was computed for. Uploaded tables have none. */
function periodKey(run: Pick<RunRow, 'preset' | 'source'>): string | null {
  if (!run.preset) return null;
  const s: RunSource = run.source;
  return JSON.stringify([run.preset, s.year ?? null, s.period ?? null, s.carrierKind ?? null, s.region ?? null]);
}

export async function publishRun(
  db: Db,
  actor: Actor,
  id: number,
  opts: { supersede: boolean } = { supersede: false },
): Promise<{ count: number; superseded: number | null }> {
  return db.transaction(async (tx) => {
    const run = await getRunRow(tx, id, true);
    if (!run) throw evaluationError('EVAL_RUN_NOT_FOUND', { params: { id }, details: { field: 'id', value: id } });
    if (run.status === 'published')
      throw evaluationError('EVAL_RUN_ALREADY_PUBLISHED', { params: { id, at: bureauDateTime(run.publishedAt) }, details: { field: 'id', value: id } });
    if (run.status === 'withdrawn')
      throw evaluationError('EVAL_RUN_WITHDRAWN', { params: { id, at: bureauDateTime(run.withdrawnAt) }, details: { field: 'id', value: id } });

    const key = periodKey(run);
    const current =
      key === null
        ? undefined
        : (
            await tx.query<Pick<RunRow, 'id' | 'name' | 'preset' | 'source' | 'publishedAt'>>(
              `select id::int as id, name, preset, source, to_json(published_at) #>> '{}' as "publishedAt" from evaluation_runs where status = 'published' and preset = $1 for update`,
              [run.preset],
            )
          ).find((r) => periodKey(r) === key);
    if (current && !opts.supersede) {
      throw evaluationError('EVAL_LIST_ALREADY_PUBLISHED', {
        params: { source: run.source.label, currentId: current.id, currentName: current.name, at: bureauDateTime(current.publishedAt) },
        details: { field: 'id', value: id, reason: 'ALREADY_PUBLISHED', publishedRunId: current.id },
      });
    }

    const hasTiers = !!run.summary.tiers?.length;
    const rows = await tx.query<Omit<PublishedEntry, 'isStable'>>(
      `select res.entity_id as "entityId", i.label, i.region_code as "regionCode", rg.name as "regionName", res.tier, res.place, res.rank, res.score,
              res.median_rank as "medianRank", res.rank_p05 as "rankP05", res.rank_p95 as "rankP95"
         from evaluation_results res join evaluation_run_inputs i on i.run_id = res.run_id and i.entity_id = res.entity_id left join regions rg on rg.code = i.region_code
        where res.run_id = $1 ${hasTiers ? 'and res.tier is not null' : ''} order by ${hasTiers ? 'res.place, ' : ''}res.rank, i.row_no`,
      [id],
    );
    if (rows.length === 0) throw evaluationError('EVAL_RUN_EMPTY', { params: { id }, details: { field: 'id', value: id } });

    if (current) {
      await tx.query(
        `update evaluation_runs set status = 'withdrawn', withdrawn_by = $2, withdrawn_at = now(), withdraw_reason = $3, superseded_by = $4 where id = $1`,
        [current.id, actor.id, `由评价运行 #${id} 替换发布`, id],
      );
      await audit(tx, actor, {
        action: 'evaluationRun.supersede',
        entity: 'evaluationRun',
        entityId: current.id,
        regionCode: current.source.region ?? null,
        before: { status: 'published' },
        after: { status: 'withdrawn', supersededBy: id },
      });
    }
    const entries: PublishedEntry[] = rows.map((r) => ({ ...r, isStable: run.summary.sensitivity ? isStable(run, r) : null }));
    await tx.query(`update evaluation_runs set status = 'published', published_by = $2, published_at = now(), published = $3 where id = $1`, [
      id,
      actor.id,
      JSON.stringify(entries),
    ]);
    await audit(tx, actor, {
      action: 'evaluationRun.publish',
      entity: 'evaluationRun',
      entityId: id,
      regionCode: run.source.region ?? null,
      before: { status: run.status, ...(current ? { replaces: current.id } : {}) },
      after: {
        status: 'published',
        count: entries.length,
        tiers: run.summary.tiers,
        entries: entries.map((e) => ({ entityId: e.entityId, label: e.label, tier: e.tier, place: e.place })),
      },
    });
    await bumpVersion(tx, 'evaluation');
    return { count: entries.length, superseded: current?.id ?? null };
  });
}

export async function withdrawRun(db: Db, actor: Actor, id: number, reason: string): Promise<{ status: 'withdrawn' }> {
  return db.transaction(async (tx) => {
    const run = await getRunRow(tx, id, true);
    if (!run) throw evaluationError('EVAL_RUN_NOT_FOUND', { params: { id }, details: { field: 'id', value: id } });
    if (run.status !== 'published')
      throw evaluationError('EVAL_RUN_NOT_PUBLISHED', { params: { id }, details: { field: 'id', value: id, status: run.status } });
    await tx.query(`update evaluation_runs set status = 'withdrawn', withdrawn_by = $2, withdrawn_at = now(), withdraw_reason = $3 where id = $1`, [
      id,
      actor.id,
      reason,
    ]);
    await audit(tx, actor, {
      action: 'evaluationRun.withdraw',
      entity: 'evaluationRun',
      entityId: id,
      regionCode: run.source.region ?? null,
      before: { status: 'published', publishedBy: run.publishedBy, publishedAt: run.publishedAt },
      after: { status: 'withdrawn', reason },
    });
    await bumpVersion(tx, 'evaluation');
    return { status: 'withdrawn' as const };
  });
}
