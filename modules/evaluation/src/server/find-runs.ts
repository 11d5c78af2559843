/** The runs list, and one run with the group columns of its results and whether this user may publish it. */
import type { z } from 'zod';
import { evaluationError } from './errors.ts';
import type { MessageLang } from '@kechuang/platform-core';
import { likePattern, limitOffset, orderBy, whereClause, type Actor, type Db } from '@kechuang/platform-server';
import { warningText } from '../domain/index.ts';
import type { ZRunListItem, ZRunQuery } from '../contract/schemas.ts';
import { getRunRow, RUN_COLUMNS, RUN_FROM, type RunRow } from '../db/run-queries.ts';
import { columnsOf, leafInfo, schemeOf } from './run-words.ts';

type RunListItem = z.infer<typeof ZRunListItem>;
type Row = Omit<RunRow, 'scheme' | 'numericColumns' | 'textColumns' | 'summary'>;

const listItem = (r: Row): RunListItem => ({
  id: r.id,
  name: r.name,
  preset: r.preset,
  schemeId: r.schemeId,
  source: r.source,
  status: r.status,
  inputCount: r.inputCount,
  scoredCount: r.scoredCount,
  samples: r.options.samples,
  rerunOf: r.rerunOf,
  computedBy: r.computedBy,
  computedByName: r.computedByName,
  computedAt: r.computedAt,
  computeMs: r.computeMs,
  publishedBy: r.publishedBy,
  publishedByName: r.publishedByName,
  publishedAt: r.publishedAt,
  withdrawnBy: r.withdrawnBy,
  withdrawnByName: r.withdrawnByName,
  withdrawnAt: r.withdrawnAt,
  withdrawReason: r.withdrawReason,
  supersededBy: r.supersededBy,
});

export async function findRuns(db: Db, q: z.infer<typeof ZRunQuery>) {
  const where = whereClause();
  if (q.q) where.add(`(r.name ilike ? or r.source->>'label' ilike ?)`, likePattern(q.q));
  if (q.preset) where.add(`coalesce(r.preset, 'upload') = ?`, q.preset);
  if (q.status) where.add('r.status = ?', q.status);
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from evaluation_runs r ${where.sql}`, where.params);
  const rows = await db.query<Row>(
    `select ${RUN_COLUMNS} from ${RUN_FROM} ${where.sql}
     ${orderBy(q, { id: 'r.id', name: 'r.name', computedAt: 'r.computed_at', publishedAt: 'r.published_at', scoredCount: 'r.scored_count' }, 'r.id desc')} ${limitOffset(q)}`,
    where.params,
  );
  return { items: rows.map(listItem), total, page: q.page, pageSize: q.pageSize };
}

export const canPublish = (actor: Actor): boolean => actor.role === 'bureauAdmin' || actor.role === 'bureauStaff';

export async function requireRun(db: Db, id: number): Promise<RunRow> {
  const run = await getRunRow(db, id);
  if (!run) throw evaluationError('EVAL_RUN_NOT_FOUND', { params: { id }, details: { field: 'id', value: id } });
  return run;
}

export async function getRun(db: Db, actor: Actor, id: number, lang: MessageLang = 'zh') {
  const run = await requireRun(db, id);
  const groups = run.summary.nodes.filter((n) => n.kind === 'group' && n.parent !== null).map((n) => ({ id: n.id, name: n.name ?? n.id }));
  const columns = await columnsOf(db, run.preset);
  return {
    ...listItem(run),
    scheme: run.scheme,
    options: run.options,
    summary: { ...run.summary, warnings: run.summary.warnings.map((w) => warningText(w, lang)) },
    groups,
    columns,
    leaves: leafInfo(schemeOf(run), columns),
    canPublish: canPublish(actor) && run.status === 'computed',
    canWithdraw: canPublish(actor) && run.status === 'published',
  };
}
