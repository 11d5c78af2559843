/**
 * Rank stability for the committee: each finalist's (or, in a run without a selection, each of the first
 * 20's) rank in the run, its median rank over the Monte Carlo samples and its 5–95% rank interval, and
 * whether it is stable — its 95% rank within its tier's last place (10 for the Top10, 20 for the next ten) — and
 * what moves it (explain-run.ts).
 */
import type { Db } from '@kechuang/platform-server';
import type { RunRow } from '../db/run-queries.ts';
import { cutoffOf, isStable, UNSELECTED_SHOWN } from './stability.ts';
import { explainRun, groupingColumns } from './explain-run.ts';
import { columnsOf, nameIn } from './run-words.ts';

export async function getSensitivity(db: Db, run: RunRow) {
  const hasTiers = !!run.summary.tiers?.length;
  const rows = await db.query<{
    entityId: string;
    label: string;
    regionName: string | null;
    tier: string | null;
    rank: number;
    medianRank: number | null;
    rankP05: number | null;
    rankP95: number | null;
  }>(
    `select res.entity_id as "entityId", i.label, rg.name as "regionName", res.tier, res.rank, res.median_rank as "medianRank", res.rank_p05 as "rankP05", res.rank_p95 as "rankP95"
       from evaluation_results res join evaluation_run_inputs i on i.run_id = res.run_id and i.entity_id = res.entity_id left join regions rg on rg.code = i.region_code
      where res.run_id = $1 ${hasTiers ? 'and res.tier is not null' : ''}
      order by ${hasTiers ? 'res.place, ' : ''}res.rank, i.row_no ${hasTiers ? '' : `limit ${UNSELECTED_SHOWN}`}`,
    [run.id],
  );
  const mc = run.summary.sensitivity;
  const explained = mc ? await explainRun(db, run) : null;
  return {
    samples: mc?.samples ?? 0,
    seed: mc?.seed ?? 0,
    perturbation: mc?.perturbation ?? 0,
    alternatives: mc?.alternatives ?? { normalisation: [], aggregation: [], imputation: [] },
    cutoff: cutoffOf(run, null),
    columnNames: groupingColumns(run, nameIn(await columnsOf(db, run.preset))),
    items: rows.map((r) => ({ ...r, isStable: isStable(run, r), explanation: explained?.get(r.entityId) ?? null })),
  };
}
