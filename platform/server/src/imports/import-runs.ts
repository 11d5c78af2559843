/**
 * import_runs (0001) holds every room's imports, accepted or refused. One rule for who may open a run —
 * a run of the kinds the room asks for, and for a town officer only one of their own — and one error
 * report, so the rooms' imports cannot drift apart.
 */
import { AppError } from '@kechuang/platform-core';
import type { Actor } from '../auth/roles.ts';
import type { Db } from '../db/db.ts';
import { writeXlsx } from '../excel/write-xlsx.ts';

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

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

/** A refused run's row-by-row errors as a spreadsheet; `what` names the import in the note (e.g. 年度数据). */
export async function importErrorsReport(run: ImportRunRecord, what = ''): Promise<{ fileName: string; data: Buffer }> {
  const data = await writeXlsx([{
    name: '错误报告',
    notes: [`${what}导入文件：${run.fileName}；共 ${run.errors.length} 处错误，未导入任何数据`],
    columns: [
      { header: '行号', key: 'row', width: 8 },
      { header: '列', key: 'column', width: 18 },
      { header: '值', key: 'value', width: 24 },
      { header: '错误原因', key: 'reason', width: 70 },
    ],
    rows: run.errors as unknown as Record<string, unknown>[],
  }]);
  return { fileName: `导入错误_${run.fileName.replace(/\.[^.]+$/, '')}.xlsx`, data };
}
