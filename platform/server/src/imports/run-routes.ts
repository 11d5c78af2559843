/**
 * The import runs of every room, read the same way (issue 10): a history per kind, paged; one run; its row
 * errors, paged; its errors as the spreadsheet report. Each room names its kinds of run and the roles that
 * may read them (ImportRunKind, as todos' sources); the platform knows no room's tables. Scope as
 * visibleImportRun: a kind the role may not read is refused, and a town officer sees their own runs only.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  ZImportRowError,
  ZImportRun,
  ZImportRunsQuery,
  type ImportRowError,
  type ImportRun,
  type ImportRunsQuery,
  renderRowError,
  type Localized,
  type MessageLang,
  type PageQuery,
} from '@kechuang/platform-core';
import type { Actor, Role } from '../auth/roles.ts';
import type { Db } from '../db/db.ts';
import { actorOf } from '../http/access.ts';
import type { AppContext } from '../http/context.ts';
import { likePattern, limitOffset, orderBy, whereClause, ZPage, ZPageQuery } from '../http/paging.ts';
import { requestLang } from '../http/request-lang.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import { importErrorsReport, visibleImportRun } from './import-runs.ts';

export interface ImportRunKind {
  /** import_runs.kind */
  kind: string;
  /** who may read runs of this kind (a town officer: their own) */
  roles: readonly Role[];
  /** what the error report's note calls the import (年度数据 …) */
  label?: Localized;
}

/** the kinds `actor` may read among `asked` (every registered kind when none is asked) */
function readableKinds(actor: Actor, kinds: readonly ImportRunKind[], asked?: string[]): string[] {
  const known = new Map(kinds.map((k) => [k.kind, k]));
  for (const k of asked ?? []) {
    if (!known.has(k))
      throw new AppError('VALIDATION', { message: { zh: `未知的导入类型“${k}”`, en: `Unknown kind of import "${k}"` }, details: { field: 'kind', value: k } });
    if (!known.get(k)!.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
  }
  return (asked ?? kinds.map((k) => k.kind)).filter((k) => known.get(k)!.roles.includes(actor.role));
}

const RUN_COLUMNS = `id::int as id, kind, file_name as "fileName", username, to_json(at) #>> '{}' as at, status, row_count as "rowCount", inserted, updated, unchanged,
  jsonb_array_length(errors) as "errorCount"`;

/** A history of runs of the kinds asked, newest first unless sorted; a town officer's own only. */
export async function findImportRunsOf(db: Db, actor: Actor, kinds: readonly ImportRunKind[], q: ImportRunsQuery) {
  const where = whereClause();
  where.add('kind = any(?::text[])', readableKinds(actor, kinds, q.kind.split(',')));
  if (actor.role === 'townOfficer') where.add('user_id = ?', actor.id);
  if (q.status) where.add('status = ?', q.status);
  if (q.q) where.add('(file_name ilike ? or username ilike ?)', likePattern(q.q));
  const [{ total }] = await db.query<{ total: number }>(`select count(*)::int as total from import_runs ${where.sql}`, where.params);
  const items = await db.query<ImportRun>(
    `select ${RUN_COLUMNS} from import_runs ${where.sql}
     ${orderBy(q, { at: 'at', fileName: 'file_name', username: 'username', status: 'status', rowCount: 'row_count', kind: 'kind' }, 'id desc')} ${limitOffset(q)}`,
    where.params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One run, if the actor may see it. */
export async function getImportRun(db: Db, actor: Actor, kinds: readonly ImportRunKind[], id: number): Promise<ImportRun> {
  await visibleImportRun(db, actor, id, readableKinds(actor, kinds));
  const [run] = await db.query<ImportRun>(`select ${RUN_COLUMNS} from import_runs where id = $1`, [id]);
  return run;
}

/** A run's row errors in row order, paged. */
export async function findImportRunErrors(
  db: Db,
  actor: Actor,
  kinds: readonly ImportRunKind[],
  id: number,
  q: Pick<PageQuery, 'page' | 'pageSize'>,
  lang: MessageLang = 'zh',
) {
  await visibleImportRun(db, actor, id, readableKinds(actor, kinds));
  const [{ total }] = await db.query<{ total: number }>('select jsonb_array_length(errors) as total from import_runs where id = $1', [id]);
  const rows = await db.query<{ error: ImportRowError }>(
    `select e.value as error from import_runs r cross join lateral jsonb_array_elements(r.errors) with ordinality as e(value, n)
      where r.id = $1 order by e.n ${limitOffset(q)}`,
    [id],
  );
  return { items: rows.map((r) => renderRowError(r.error, lang)), total, page: q.page, pageSize: q.pageSize };
}

const ZRunId = z.object({ id: z.coerce.number().int().positive() });
const tags = ['platform'];

export function importRunRoutes(app: FastifyInstance, ctx: AppContext, kinds: readonly ImportRunKind[]): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // anyone who may read some kind; each kind's roles are checked by readableKinds
  const access = { roles: [...new Set(kinds.flatMap((k) => k.roles))] };

  r.get('/api/import-runs', {
    config: { access },
    schema: {
      tags,
      summary: '导入记录 Import runs of one kind or several (kind=a,b), paged; a town officer sees their own',
      querystring: ZImportRunsQuery,
      response: { 200: ZPage(ZImportRun) },
    },
    handler: async (req) => findImportRunsOf(ctx.db, actorOf(req), kinds, req.query),
  });

  r.get('/api/import-runs/:id', {
    config: { access },
    schema: { tags, summary: '一次导入 One import run', params: ZRunId, response: { 200: ZImportRun } },
    handler: async (req) => getImportRun(ctx.db, actorOf(req), kinds, req.params.id),
  });

  r.get('/api/import-runs/:id/errors', {
    config: { access },
    schema: {
      tags,
      summary: "导入错误 A run's row errors, in row order, paged",
      params: ZRunId,
      querystring: ZPageQuery,
      response: { 200: ZPage(ZImportRowError) },
    },
    handler: async (req) => findImportRunErrors(ctx.db, actorOf(req), kinds, req.params.id, req.query, requestLang(req)),
  });

  r.get('/api/import-runs/:id/errors/export', {
    config: { access },
    schema: { tags, summary: "下载导入错误报告 A run's row errors (.xlsx)", params: ZRunId },
    handler: async (req, reply) => {
      const run = await visibleImportRun(ctx.db, actorOf(req), req.params.id, readableKinds(actorOf(req), kinds));
      const label = kinds.find((k) => k.kind === run.kind)?.label;
      const lang = requestLang(req);
      const report = await importErrorsReport(run, label?.[lang] ?? '', lang);
      return sendXlsx(reply, report.fileName, report.data);
    },
  });
}
