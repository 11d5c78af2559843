/** Import runs (accepted and refused), paged and filtered; a town officer sees only their own. */
import type { z } from 'zod';
import { likePattern, limitOffset, orderBy, writeXlsx, type Actor, type Db, type PageQuery } from '@kechuang/platform-server';
import type { ZImportRun } from '../contract/schemas.ts';

export type ImportRun = z.infer<typeof ZImportRun>;

export async function findImportRuns(db: Db, actor: Actor, q: PageQuery & { status?: 'accepted' | 'refused' }) {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (actor.role === 'townOfficer') add('user_id = ?', actor.id);
  if (q.status) add('status = ?', q.status);
  if (q.q) add('(file_name ilike ? or username ilike ?)', likePattern(q.q));
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from import_runs ${w}`, params);
  const items = await db.query<ImportRun>(
    `select id, file_name as "fileName", username, to_json(at) #>> '{}' as at, status, row_count as "rowCount", inserted, updated, unchanged,
       jsonb_array_length(errors) as "errorCount" from import_runs ${w}
     ${orderBy(q, { at: 'at', fileName: 'file_name', username: 'username', status: 'status', rowCount: 'row_count' }, 'id desc')} ${limitOffset(q)}`,
    params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export function importRunsXlsx(items: ImportRun[]): Promise<Buffer> {
  return writeXlsx([{
    name: '导入记录',
    columns: [
      { header: '批次', key: 'id', width: 8 },
      { header: '时间', key: 'at', width: 26 },
      { header: '文件名', key: 'fileName', width: 36 },
      { header: '导入人', key: 'username', width: 14 },
      { header: '结果', key: 'statusLabel', width: 8 },
      { header: '数据行', key: 'rowCount', width: 10 },
      { header: '新增', key: 'inserted', width: 8 },
      { header: '更新', key: 'updated', width: 8 },
      { header: '未变', key: 'unchanged', width: 8 },
      { header: '错误数', key: 'errorCount', width: 8 },
    ],
    rows: items.map((r) => ({ ...r, statusLabel: r.status === 'accepted' ? '已导入' : '未导入' })),
  }]);
}
