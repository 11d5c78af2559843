/**
 * Publishing a run (e.g. the year's Top-10): only a bureau role (the route's access), only a computed run
 * (a failed computation is never stored, so there is nothing to publish from it), once. The list is frozen
 * into the run as published — the finalists in tier order, or every ranked entity for a run without a
 * selection — in one transaction with the audit row.
 */
import { AppError } from '@kechuang/platform-core';
import { audit, bumpVersion, type Actor, type Db } from '@kechuang/platform-server';
import type { PublishedEntry } from '../contract/schemas.ts';
import { getRunRow } from '../db/run-queries.ts';
import { isStable } from './get-sensitivity.ts';

export async function publishRun(db: Db, actor: Actor, id: number): Promise<{ count: number }> {
  return db.transaction(async (tx) => {
    const run = await getRunRow(tx, id, true);
    if (!run) throw new AppError('NOT_FOUND', { message: `评价运行 ${id} 不存在`, details: { field: 'id', value: id } });
    if (run.status === 'published') throw new AppError('CONFLICT', { message: `评价运行 ${id} 已于 ${run.publishedAt} 发布`, details: { field: 'id', value: id } });
    const hasTiers = !!run.summary.tiers?.length;
    const rows = await tx.query<Omit<PublishedEntry, 'isStable'>>(
      `select res.entity_id as "entityId", i.label, i.region_code as "regionCode", rg.name as "regionName", res.tier, res.place, res.rank, res.score,
              res.median_rank as "medianRank", res.rank_p05 as "rankP05", res.rank_p95 as "rankP95"
         from evaluation_results res join evaluation_run_inputs i on i.run_id = res.run_id and i.entity_id = res.entity_id left join regions rg on rg.code = i.region_code
        where res.run_id = $1 ${hasTiers ? 'and res.tier is not null' : ''} order by ${hasTiers ? 'res.place, ' : ''}res.rank, i.row_no`,
      [id],
    );
    if (rows.length === 0) throw new AppError('VALIDATION', { message: `评价运行 ${id} 没有可发布的结果`, details: { field: 'id', value: id } });
    const entries: PublishedEntry[] = rows.map((r) => ({ ...r, isStable: run.summary.sensitivity ? isStable(run, r) : null }));
    await tx.query(`update evaluation_runs set status = 'published', published_by = $2, published_at = now(), published = $3 where id = $1`, [id, actor.id, JSON.stringify(entries)]);
    await audit(tx, actor, {
      action: 'evaluationRun.publish', entity: 'evaluationRun', entityId: id, regionCode: run.source.region ?? null,
      before: { status: run.status }, after: { status: 'published', count: entries.length, tiers: run.summary.tiers, entries: entries.map((e) => ({ entityId: e.entityId, label: e.label, tier: e.tier, place: e.place })) },
    });
    await bumpVersion(tx, 'evaluation');
    return { count: entries.length };
  });
}
