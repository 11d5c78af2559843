/**
 * One import pipeline for every room (issue 10): the room gives its kind of run, the file, its check (a parse
 * job run in a parse worker on the table read: headers, every row, lookups; see parse-pool.ts) and its write;
 * the pipeline keeps the run. A file with any row error is refused whole: the run is recorded as refused
 * with every error (stored in full, read paged through GET /api/import-runs/:id/errors, downloadable as
 * the error report) and the answer is 422 IMPORT_INVALID with the run's id, the count and the first
 * errors. Otherwise one transaction, its statements letting the event loop turn (chunked-write.ts), records
 * the accepted run, runs the room's write (which writes its changes, its audit row and bumps its version)
 * and stores the counts; row errors the write finds against the database (ImportRowsRefused) roll it back
 * and refuse the file as above. Refusals of the file as a whole (unreadable, no header, no rows) are the
 * check's AppErrors, answered as they are, and record no run.
 */
import { AppError, IMPORT_MESSAGES, renderRowError, type ImportRefusalDetails, type ImportRowError, type MessageLang } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Upload } from '../http/upload.ts';
import { yielding, type YieldingDb } from './chunked-write.ts';
import { parseOffThread, type ParseJob, type ParseJobResult, type ParseProgress } from './parse-pool.ts';

export type { ImportRowError } from '@kechuang/platform-core';

/** How many of a refusal's errors its 422 answer carries; the run keeps them all. */
export const ERRORS_IN_ANSWER = 1_000;

/** who imports: the run is theirs (a town officer sees only their own runs) */
export interface ImportRunner {
  id: number | null;
  username: string;
}

/** What a room's check answers besides its rows: the data rows read and every row error (none: the rows are written). */
export interface ImportChecked {
  rowCount: number;
  errors: ImportRowError[];
}

/** What a room's write answers at least: the run's counts. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Thrown by a room's write: rows that clash with what the database holds. The transaction rolls back and the file is refused with them. */
export class ImportRowsRefused extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super(`${errors.length} row errors`);
  }
}

export interface ImportSpec<R, O extends object, W extends ImportCounts> {
  /** import_runs.kind of this room's import */
  kind: string;
  file: Upload;
  runner: ImportRunner;
  /** the room's check, run in a parse worker: its result carries rowCount and errors (see ImportChecked) */
  check: ParseJob;
  /** the room's write in the import's transaction (statements yielding to the event loop); `run.id` is the accepted run's */
  write(tx: YieldingDb, run: { id: number }, checked: ParseJobResult<R, O & ImportChecked>): Promise<W>;
  /** reading and checking progress (the write reports its own) */
  onProgress?: (p: ParseProgress) => void;
}

/** Reads, checks and writes one file, keeping its run; answers the write's result with the run's id, or throws the refusal. */
export async function runImport<R, O extends object, W extends ImportCounts>(db: Db, spec: ImportSpec<R, O, W>): Promise<W & { importRunId: number }> {
  // file.data is handed over to the worker
  const checked = await parseOffThread<R, O & ImportChecked>(spec.file, spec.check, { db, onProgress: spec.onProgress });
  if (checked.errors.length > 0) return refuseImport(db, spec, checked.rowCount, checked.errors);
  try {
    return await db.transaction(async (raw) => {
      const tx = yielding(raw);
      const [{ id }] = await tx.query<{ id: number }>(
        `insert into import_runs (kind, file_name, user_id, username, status, row_count) values ($1, $2, $3, $4, 'accepted', $5) returning id::int as id`,
        [spec.kind, spec.file.name, spec.runner.id, spec.runner.username, checked.rowCount],
      );
      const written = await spec.write(tx, { id }, checked);
      await tx.query('update import_runs set inserted = $2, updated = $3, unchanged = $4 where id = $1', [
        id,
        written.inserted,
        written.updated,
        written.unchanged,
      ]);
      return { ...written, importRunId: id };
    });
  } catch (e) {
    if (e instanceof ImportRowsRefused) return refuseImport(db, spec, checked.rowCount, e.errors);
    throw e;
  }
}

/** Records the refused run with all its errors (in row order) and throws 422 IMPORT_INVALID naming it. */
export async function refuseImport(
  db: Db,
  spec: Pick<ImportSpec<never, object, ImportCounts>, 'kind' | 'file' | 'runner'>,
  rowCount: number,
  errors: ImportRowError[],
): Promise<never> {
  // stable: errors of one row keep the room's order
  const sorted = errors
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].row - b[0].row || a[1] - b[1])
    .map(([e]) => e);
  const [{ id }] = await db.query<{ id: number }>(
    `insert into import_runs (kind, file_name, user_id, username, status, row_count, errors) values ($1, $2, $3, $4, 'refused', $5, $6) returning id::int as id`,
    [spec.kind, spec.file.name, spec.runner.id, spec.runner.username, rowCount, JSON.stringify(sorted)],
  );
  // the answer's errors in each language (their codes' words); the run keeps codes, facts and the Chinese reason
  const detailsIn = (lang: MessageLang): ImportRefusalDetails => ({
    importRunId: id,
    errorCount: sorted.length,
    errors: sorted.slice(0, ERRORS_IN_ANSWER).map((e) => renderRowError(e, lang)),
  });
  throw new AppError('IMPORT_INVALID', { message: IMPORT_MESSAGES.invalid(sorted.length), detailsIn: { zh: detailsIn('zh'), en: detailsIn('en') } });
}
