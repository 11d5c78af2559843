/** Import runs (accepted and refused), paged and filtered; a town officer sees only their own. */
import type { z } from 'zod';
import type { MessageLang } from '@kechuang/platform-core';
import {
  findImportRunsOf,
  importErrorsReport,
  limitOffset,
  orderBy,
  visibleImportRun,
  writeXlsx,
  type Actor,
  type Db,
  type PageQuery,
} from '@kechuang/platform-server';
import type { ZImportChange, ZImportRun } from '../contract/schemas.ts';
import { indicatorImportKinds, VALUES_RUN_KIND } from './import-values.ts';

export type ImportRun = z.infer<typeof ZImportRun>;
/** the import_runs kind of this room's imports */
const RUN_KINDS = [VALUES_RUN_KIND];

/** The room's list of its runs (GET /api/indicators/imports, which its export and tests use): the platform's history of its kind. */
export async function findImportRuns(db: Db, actor: Actor, q: PageQuery & { status?: 'accepted' | 'refused' }) {
  return findImportRunsOf(db, actor, indicatorImportKinds, { ...q, kind: VALUES_RUN_KIND });
}

export function importRunsXlsx(items: ImportRun[], lang: MessageLang = 'zh'): Promise<Buffer> {
  const zh = lang === 'zh';
  return writeXlsx([
    {
      name: zh ? '导入记录' : 'Imports',
      columns: [
        { header: zh ? '批次' : 'Run', key: 'id', width: 8 },
        { header: zh ? '时间' : 'Time', key: 'at', width: 26 },
        { header: zh ? '文件名' : 'File', key: 'fileName', width: 36 },
        { header: zh ? '导入人' : 'By', key: 'username', width: 14 },
        { header: zh ? '结果' : 'Outcome', key: 'statusLabel', width: 10 },
        { header: zh ? '数据行' : 'Rows', key: 'rowCount', width: 10 },
        { header: zh ? '新增' : 'Inserted', key: 'inserted', width: 8 },
        { header: zh ? '更新' : 'Updated', key: 'updated', width: 8 },
        { header: zh ? '未变' : 'Unchanged', key: 'unchanged', width: 10 },
        { header: zh ? '错误数' : 'Errors', key: 'errorCount', width: 8 },
      ],
      rows: items.map((r) => ({ ...r, statusLabel: r.status === 'accepted' ? (zh ? '已导入' : 'imported') : zh ? '未导入' : 'refused' })),
    },
  ]);
}

/** One run's row-by-row errors as a spreadsheet; a town officer can fetch only their own runs'. */
export async function importErrorsXlsx(db: Db, actor: Actor, id: number, lang: MessageLang = 'zh'): Promise<{ fileName: string; data: Buffer }> {
  return importErrorsReport(await visibleImportRun(db, actor, id, RUN_KINDS), '', lang);
}

export type ImportChange = z.infer<typeof ZImportChange>;

/**
 * What an accepted import wrote: its updates with the value before (indicator_value_changes) and its
 * inserts (the values that still carry its run id; a value a later import changed shows there, in that
 * run's updates, with this run's value as the one before).
 */
export async function findImportChanges(db: Db, actor: Actor, id: number, q: PageQuery) {
  await visibleImportRun(db, actor, id, RUN_KINDS);
  const changes = `
    select c.region_code, c.indicator_code, c.kind, c.period, c.old_value::text as old_value, c.new_value::text as new_value, 'updated' as change
      from indicator_value_changes c where c.import_run_id = $1
    union all
    select v.region_code, v.indicator_code, v.kind, v.period, null, v.value::text, 'inserted'
      from indicator_values v
     where v.import_run_id = $1
       and not exists (select 1 from indicator_value_changes c where c.import_run_id = $1 and c.region_code = v.region_code
                         and c.indicator_code = v.indicator_code and c.kind = v.kind and c.period = v.period)`;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total from (${changes}) x`, [id]);
  const items = await db.query<ImportChange>(
    `select x.region_code as "regionCode", r.name as "regionName", x.indicator_code as "indicatorCode", i.name_zh as "indicatorName",
       x.kind, x.period, x.old_value as "oldValue", x.new_value as "newValue", x.change
       from (${changes}) x join regions r on r.code = x.region_code join indicators i on i.code = x.indicator_code
     ${orderBy(q, { regionCode: 'x.region_code', indicatorCode: 'i.sort', period: 'x.period', change: 'x.change' }, 'x.region_code, i.sort, x.kind, x.period')} ${limitOffset(q)}`,
    [id],
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The one rule for seeing a run: the bureau sees every run, a town officer only their own. */

export function importChangesXlsx(items: ImportChange[], lang: MessageLang = 'zh'): Promise<Buffer> {
  const zh = lang === 'zh';
  return writeXlsx([
    {
      name: zh ? '导入变更明细' : 'Changes',
      columns: [
        { header: zh ? '地区代码' : 'Region code', key: 'regionCode', width: 12 },
        { header: zh ? '地区' : 'Region', key: 'regionName', width: 14 },
        { header: zh ? '指标' : 'Indicator', key: 'indicatorName', width: 40 },
        { header: zh ? '类型' : 'Kind', key: 'kind', width: 10 },
        { header: zh ? '期间' : 'Period', key: 'period', width: 10 },
        { header: zh ? '修改前' : 'Before', key: 'oldValue', width: 14 },
        { header: zh ? '修改后' : 'After', key: 'newValue', width: 14 },
        { header: zh ? '变更' : 'Change', key: 'changeLabel', width: 8 },
      ],
      rows: items.map((c) => ({ ...c, changeLabel: c.change === 'inserted' ? (zh ? '新增' : 'inserted') : zh ? '更新' : 'updated' })),
    },
  ]);
}
