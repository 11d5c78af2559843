/**
 * import_runs (0001) holds every room's imports, accepted or refused. One rule for who may open a run —
 * a run of the kinds the room asks for, and for a town officer only one of their own — and one error
 * report, so the rooms' imports cannot drift apart.
 */
import { AppError, renderRowError, type ImportRowError, type MessageLang } from '@kechuang/platform-core';
import type { Actor } from '../auth/roles.ts';
import type { Db } from '../db/db.ts';
import { writeXlsx } from '../excel/write-xlsx.ts';

export type { ImportRowError } from '@kechuang/platform-core';

export interface ImportRunRecord {
  kind: string;
  fileName: string;
  errors: ImportRowError[];
}

/** The run if the actor may see it and it is of one of `kinds`; otherwise 404. */
export async function visibleImportRun(db: Db, actor: Actor, id: number, kinds: readonly string[]): Promise<ImportRunRecord> {
  const [run] = await db.query<{ kind: string; user_id: number | null; file_name: string; errors: ImportRowError[] }>(
    'select kind, user_id, file_name, errors from import_runs where id = $1',
    [id],
  );
  if (!run || !kinds.includes(run.kind) || (actor.role === 'townOfficer' && run.user_id !== actor.id)) {
    throw new AppError('NOT_FOUND', { details: { entity: 'importRun', id } });
  }
  return { kind: run.kind, fileName: run.file_name, errors: run.errors };
}

/** A refused run's row-by-row errors as a spreadsheet, in the request's language; `what` names the import in the note (e.g. 年度数据). */
export async function importErrorsReport(run: ImportRunRecord, what = '', lang: MessageLang = 'zh'): Promise<{ fileName: string; data: Buffer }> {
  const zh = lang === 'zh';
  const data = await writeXlsx([
    {
      name: zh ? '错误报告' : 'Errors',
      notes: [
        zh
          ? `${what}导入文件：${run.fileName}；共 ${run.errors.length} 处错误，未导入任何数据`
          : `${what ? `${what}: ` : ''}${run.fileName} has ${run.errors.length} error${run.errors.length === 1 ? '' : 's'}; nothing was imported`,
      ],
      columns: [
        { header: zh ? '行号' : 'Row', key: 'row', width: 8 },
        { header: zh ? '列' : 'Column', key: 'column', width: 18 },
        { header: zh ? '值' : 'Value', key: 'value', width: 24 },
        { header: zh ? '错误原因' : 'Reason', key: 'reason', width: 70 },
      ],
      rows: run.errors.map((e) => renderRowError(e, lang)),
    },
  ]);
  return { fileName: `${zh ? '导入错误' : 'import-errors'}_${run.fileName.replace(/\.[^.]+$/, '')}.xlsx`, data };
}
