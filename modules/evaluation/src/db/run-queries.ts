/**
 * Runs in the database: the run row, its frozen input table (one row per entity read, in order) and its
 * results (one row per scored entity), written with COPY inside the caller's transaction; and the reads
 * that bring a run's input back as the engine's table for a re-run.
 */
import type { Db } from '@kechuang/platform-server';
import type { DataTable } from '../domain/index.ts';
import type { PresetCode, RawScheme, RunOptions, RunSource, RunSummary } from '../contract/schemas.ts';
import type { SchemeWarning } from '../domain/index.ts';

/** a run's summary as stored: its warnings as codes with facts (or, in a run computed before the codes, Chinese sentences) */
export type StoredRunSummary = Omit<RunSummary, 'warnings'> & { warnings: (SchemeWarning | string)[] };

/** JSON has no NaN: a missing figure is null. */
export const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export interface NewRun {
  name: string;
  preset: PresetCode | null;
  schemeId: number | null;
  scheme: RawScheme;
  source: RunSource;
  options: RunOptions;
  numericColumns: string[];
  textColumns: string[];
  summary: StoredRunSummary;
  inputCount: number;
  scoredCount: number;
  rerunOf: number | null;
  computedBy: number | null;
  computeMs: number;
}

export async function insertRun(tx: Db, r: NewRun): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into evaluation_runs (name, preset, scheme_id, scheme, source, options, numeric_columns, text_columns, summary, input_count, scored_count,
       rerun_of, status, computed_by, compute_ms)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'computed', $13, $14) returning id`,
    [
      r.name,
      r.preset,
      r.schemeId,
      JSON.stringify(r.scheme),
      JSON.stringify(r.source),
      JSON.stringify(r.options),
      r.numericColumns,
      r.textColumns,
      JSON.stringify(r.summary),
      r.inputCount,
      r.scoredCount,
      r.rerunOf,
      r.computedBy,
      Math.round(r.computeMs),
    ],
  );
  return row.id;
}

export interface InputRow {
  entityId: string;
  label: string;
  regionCode: string | null;
  figures: Record<string, number | null>;
  texts: Record<string, string>;
  excluded: string | null;
}

/**
 * COPY in chunks, yielding to the event loop between them: a large run's rows (10,000 entities × 100
 * figures) are tens of MB of JSON, and building and sending them in one go would hold the request thread.
 */
const CHUNK = 2000;
async function copyInChunks<T>(tx: Db, table: string, columns: string[], rows: T[], cells: (r: T, i: number) => (string | null)[]): Promise<void> {
  for (let from = 0; from < rows.length; from += CHUNK) {
    if (from > 0) await new Promise((resolve) => setImmediate(resolve));
    await tx.copyRows(
      table,
      columns,
      rows.slice(from, from + CHUNK).map((r, k) => cells(r, from + k)),
    );
  }
}

export async function insertInputs(tx: Db, runId: number, rows: InputRow[]): Promise<void> {
  await copyInChunks(tx, 'evaluation_run_inputs', ['run_id', 'row_no', 'entity_id', 'label', 'region_code', 'figures', 'texts', 'excluded'], rows, (r, i) => [
    String(runId),
    String(i),
    r.entityId,
    r.label,
    r.regionCode,
    JSON.stringify(r.figures),
    JSON.stringify(r.texts),
    r.excluded,
  ]);
}

export interface ResultRow {
  entityId: string;
  score: number;
  rank: number;
  nodeScores: Record<string, number | null>;
  contributions: Record<string, number | null>;
  leafValues: Record<string, number | null>;
  medianRank: number | null;
  rankP05: number | null;
  rankP95: number | null;
  tier: string | null;
  place: number | null;
  tiedAtCutoff: boolean;
}

const text = (x: number | null): string | null => (x === null ? null : String(x));

export async function insertResults(tx: Db, runId: number, rows: ResultRow[]): Promise<void> {
  await copyInChunks(
    tx,
    'evaluation_results',
    [
      'run_id',
      'entity_id',
      'score',
      'rank',
      'node_scores',
      'contributions',
      'leaf_values',
      'median_rank',
      'rank_p05',
      'rank_p95',
      'tier',
      'place',
      'tied_at_cutoff',
    ],
    rows,
    (r) => [
      String(runId),
      r.entityId,
      String(r.score),
      String(r.rank),
      JSON.stringify(r.nodeScores),
      JSON.stringify(r.contributions),
      JSON.stringify(r.leafValues),
      text(r.medianRank),
      text(r.rankP05),
      text(r.rankP95),
      r.tier,
      text(r.place),
      String(r.tiedAtCutoff),
    ],
  );
}

export interface RunRow {
  id: number;
  name: string;
  preset: PresetCode | null;
  schemeId: number | null;
  scheme: RawScheme;
  source: RunSource;
  options: RunOptions;
  numericColumns: string[];
  textColumns: string[];
  summary: StoredRunSummary;
  inputCount: number;
  scoredCount: number;
  rerunOf: number | null;
  status: 'computed' | 'published' | 'withdrawn';
  computedBy: string | null;
  computedByName: string | null;
  computedAt: string;
  computeMs: number;
  publishedBy: string | null;
  publishedByName: string | null;
  publishedAt: string | null;
  withdrawnBy: string | null;
  withdrawnByName: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  supersededBy: number | null;
}

export const RUN_COLUMNS = `r.id, r.name, r.preset, r.scheme_id as "schemeId", r.source, r.options, r.input_count as "inputCount", r.scored_count as "scoredCount",
  r.rerun_of as "rerunOf", r.status, cu.username as "computedBy", cu.display_name as "computedByName", to_json(r.computed_at) #>> '{}' as "computedAt",
  r.compute_ms as "computeMs", pu.username as "publishedBy", pu.display_name as "publishedByName",
  to_json(r.published_at) #>> '{}' as "publishedAt", wu.username as "withdrawnBy", wu.display_name as "withdrawnByName", to_json(r.withdrawn_at) #>> '{}' as "withdrawnAt",
  r.withdraw_reason as "withdrawReason", r.superseded_by::int as "supersededBy"`;
export const RUN_FROM = `evaluation_runs r left join users cu on cu.id = r.computed_by left join users pu on pu.id = r.published_by
  left join users wu on wu.id = r.withdrawn_by`;

export async function getRunRow(db: Db, id: number, forUpdate = false): Promise<RunRow | undefined> {
  const [row] = await db.query<RunRow>(
    `select ${RUN_COLUMNS}, r.scheme, r.numeric_columns as "numericColumns", r.text_columns as "textColumns", r.summary
       from ${RUN_FROM} where r.id = $1 ${forUpdate ? 'for update of r' : ''}`,
    [id],
  );
  return row;
}

/** A run's frozen input, in the order it was read, as the engine's table with each entity's label and region. */
export async function loadInput(
  db: Db,
  run: Pick<RunRow, 'id' | 'numericColumns' | 'textColumns'>,
): Promise<{ table: DataTable; labels: string[]; regions: (string | null)[] }> {
  const rows = await db.query<{
    entityId: string;
    label: string;
    regionCode: string | null;
    figures: Record<string, number | null>;
    texts: Record<string, string>;
  }>(`select entity_id as "entityId", label, region_code as "regionCode", figures, texts from evaluation_run_inputs where run_id = $1 order by row_no`, [
    run.id,
  ]);
  const columns = new Map(run.numericColumns.map((c) => [c, Float64Array.from(rows, (r) => r.figures[c] ?? NaN)]));
  const text = new Map(run.textColumns.map((c) => [c, rows.map((r) => r.texts[c] ?? '')]));
  return { table: { ids: rows.map((r) => r.entityId), columns, text }, labels: rows.map((r) => r.label), regions: rows.map((r) => r.regionCode) };
}

export interface StoredResult {
  entityId: string;
  score: number;
  rank: number;
  medianRank: number | null;
  rankP05: number | null;
  rankP95: number | null;
  tier: string | null;
  place: number | null;
}

export async function storedResults(db: Db, runId: number): Promise<StoredResult[]> {
  return db.query<StoredResult>(
    `select entity_id as "entityId", score, rank, median_rank as "medianRank", rank_p05 as "rankP05", rank_p95 as "rankP95", tier, place
       from evaluation_results where run_id = $1 order by entity_id`,
    [runId],
  );
}
