/**
 * Import of baselines, targets and actuals from .xlsx or .csv. The whole file is one transaction:
 * either every row is valid and written, or nothing is, and the answer lists every bad row
 * (row number as the spreadsheet shows it, column, value, reason). Re-importing the same file
 * changes nothing. The platform's import pipeline (platform/server imports/pipeline.ts) reads the file
 * and checks its rows in a parse worker, and keeps each run in import_runs (kind indicatorValues) with all
 * its errors, for download and audit; the values are written in chunks that let the event loop turn, so a
 * large import does not stop other requests.
 */
import { AppError, IMPORT_MESSAGES } from '@kechuang/platform-core';
import {
  audit,
  bumpVersion,
  cellText,
  columnLetter,
  ensureStatistics,
  regionsInScope,
  runImport,
  VALUE_WRITE_ROLES,
  writeInChunks,
  type Db,
  type ImportRunKind,
  type ParseIo,
  type ParseJobResult,
  type Scope,
  type Table,
  type Upload,
  type YieldingDb,
} from '@kechuang/platform-server';
import {
  indicatorRowError,
  mapHeaders,
  validateRow,
  IMPORT_COLUMNS,
  type CatalogueEntry,
  type ImportField,
  type RowError,
  type ValidRow,
} from '../domain/import-row.ts';
import { allIndicators } from '../db/catalogue-queries.ts';

export interface ImportProgress {
  phase: 'read' | 'validate' | 'write' | 'done';
  done: number;
  /** 0 while the total is not yet known (reading a file) */
  total: number;
}
export interface ImportResult {
  importRunId: number;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  warnings: string[];
}

/** import_runs.kind of this room's import */
export const VALUES_RUN_KIND = 'indicatorValues';
/** the indicators' runs, read through the platform's /api/import-runs by those who import (a town officer: their own) */
export const indicatorImportKinds: ImportRunKind[] = [{ kind: VALUES_RUN_KIND, roles: VALUE_WRITE_ROLES, label: { zh: '指标数据', en: 'Indicator values' } }];

export interface ImportActor {
  id: number | null;
  username: string;
  /** a town officer reports actuals only; baselines and targets are the bureau's */
  actualsOnly: boolean;
}

export async function importValues(
  db: Db,
  actor: ImportActor,
  scope: Scope,
  file: Upload,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<ImportResult> {
  onProgress({ phase: 'read', done: 0, total: 0 });
  const fileName = file.name;
  let ignored: string[] = [];
  let rows = 0;
  const result = await runImport(db, {
    kind: VALUES_RUN_KIND,
    file,
    runner: actor,
    // read and checked in a parse worker (checkValuesTable below); a file with errors is refused by the pipeline
    check: { module: import.meta.url, name: 'checkValuesTable', input: { scope, actualsOnly: actor.actualsOnly } satisfies CheckInput },
    onProgress: (p) => onProgress({ phase: p.phase === 'read' ? 'read' : 'validate', done: p.done, total: p.total }),
    write: async (tx, run, checked: ParseJobResult<ValidRow, CheckedRest>) => {
      ({ ignored } = checked);
      const valid = checked.rows;
      rows = valid.length;
      onProgress({ phase: 'write', done: 0, total: valid.length });
      return writeValues(tx, run.id, actor, fileName, valid, (done) => onProgress({ phase: 'write', done, total: valid.length }));
    },
  });
  onProgress({ phase: 'done', done: rows, total: rows });
  return { ...result, rows, warnings: ignored.length ? [`已忽略未识别的列：${ignored.join('、')}`] : [] };
}

interface CheckInput {
  scope: Scope;
  actualsOnly: boolean;
}
interface CheckedRest {
  rowCount: number;
  /** every one of them */
  errors: RowError[];
  /** header cells no column is known by */
  ignored: string[];
}

/**
 * The parse step's job, run in a parse worker on the table read: headers, the catalogue and regions,
 * every row checked, duplicates found. Its reads go to the request thread's database.
 */
export async function checkValuesTable(table: Table, input: CheckInput, io: ParseIo): Promise<ParseJobResult<ValidRow, CheckedRest>> {
  const db = io.db;
  const headers = mapHeaders(table.headers);
  if (headers.missing.length > 0) {
    throw new AppError('IMPORT_HEADER', {
      message: IMPORT_MESSAGES.missingColumns(
        headers.missing,
        IMPORT_COLUMNS.filter((c) => c.required && headers.index[c.field] === undefined).map((c) => c.en),
      ),
      details: { missing: headers.missing, found: table.headers },
    });
  }
  if (headers.duplicated.length > 0)
    throw new AppError('IMPORT_HEADER', { message: IMPORT_MESSAGES.duplicatedColumns(headers.duplicated), details: { duplicated: headers.duplicated } });
  if (table.rows.length === 0) throw new AppError('IMPORT_EMPTY');

  const [indicators, regions] = await Promise.all([allIndicators(db), regionsInScope(db, input.scope)]);
  const indicatorByKey = new Map<string, CatalogueEntry>();
  for (const i of indicators) {
    indicatorByKey.set(i.code, i);
    indicatorByKey.set(i.nameZh, i);
  }
  const outside = new Set<string>();
  const region = (code: string) => {
    if (regions.has(code)) return { code, inScope: true };
    if (outside.has(code)) return { code, inScope: false };
    return undefined;
  };
  const unknownCodes = table.rows.map((r) => cellText(r.cells[headers.index.region!])).filter((c) => c !== '' && !regions.has(c));
  for (const r of await db.query<{ code: string }>('select code from regions where code = any($1::text[])', [[...new Set(unknownCodes)]])) outside.add(r.code);

  const columnName = (field: ImportField) => {
    const i = headers.index[field];
    return i === undefined ? IMPORT_COLUMNS.find((c) => c.field === field)!.zh : table.headers[i] || columnLetter(i);
  };
  const ctx = { indicatorByKey, region, columnName, actualsOnly: input.actualsOnly };
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  const firstRowOfKey = new Map<string, number>();
  table.rows.forEach((r, n) => {
    const result = validateRow(r.row, (f) => (headers.index[f] === undefined ? undefined : r.cells[headers.index[f]]), ctx);
    if (!result.ok) errors.push(...result.errors);
    else {
      const v = result.value;
      const key = `${v.regionCode}|${v.indicatorCode}|${v.kind}|${v.period}`;
      const first = firstRowOfKey.get(key);
      if (first !== undefined) errors.push(indicatorRowError(r.row, columnName('period'), v.period, 'IND_ROW_DUPLICATE', { first }));
      else {
        firstRowOfKey.set(key, r.row);
        valid.push(v);
      }
    }
    if (n % 20_000 === 0) io.progress('validate', n, table.rows.length);
  });
  return {
    rows: errors.length > 0 ? [] : valid,
    rowCount: table.rows.length,
    errors,
    ignored: headers.ignored,
  };
}

/**
 * The write in the pipeline's one transaction (its run recorded there), in chunks (see platform/server imports/chunked-write.ts): each chunk is
 * staged with COPY, its changes logged and upserted, and the event loop turns between statements, so
 * other requests are answered while a large file is written; a failure anywhere still writes nothing.
 * The file's keys are distinct (duplicates are refused), so chunk by chunk writes what one statement did.
 */
async function writeValues(
  tx: YieldingDb,
  id: number,
  actor: ImportActor,
  fileName: string,
  rows: ValidRow[],
  onWritten: (done: number) => void,
): Promise<Omit<ImportResult, 'rows' | 'warnings' | 'importRunId'>> {
  // so that each chunk's rows are looked up by the primary key
  await ensureStatistics(tx, 'indicator_values', ['indicator_code', 'kind']);
  await tx.query(`create temp table import_stage (region_code text, indicator_code text, kind text, period text, year int, value numeric) on commit drop`);
  const counts = { inserted: 0, updated: 0 };
  let done = 0;
  await writeInChunks(tx, rows, async (chunk) => {
    if (done > 0) await tx.query('truncate import_stage');
    await tx.copyRows(
      'import_stage',
      ['region_code', 'indicator_code', 'kind', 'period', 'year', 'value'],
      chunk.map((r) => [r.regionCode, r.indicatorCode, r.kind, r.period, String(r.year), r.value]),
    );
    // before/after of every value this import changes, for the auditor; one lookup per staged row
    // (lateral … limit 1), not a hash of the whole table per chunk
    await tx.query(
      `insert into indicator_value_changes (import_run_id, region_code, indicator_code, kind, period, old_value, new_value)
       select $1, s.region_code, s.indicator_code, s.kind, s.period, v.value, s.value
         from import_stage s
         cross join lateral (select v.value from indicator_values v
           where v.region_code = s.region_code and v.indicator_code = s.indicator_code and v.kind = s.kind and v.period = s.period limit 1) v
        where v.value <> s.value`,
      [id],
    );
    // xmax = 0 marks a row the upsert inserted; an updated row has the updating transaction's id
    const [c] = await tx.query<{ inserted: number; updated: number }>(
      `with written as (
         insert into indicator_values (region_code, indicator_code, kind, period, year, value, source, import_run_id, updated_by, updated_at)
         select region_code, indicator_code, kind, period, year, value, 'import', $1, $2, now() from import_stage
         on conflict (region_code, indicator_code, kind, period) do update
           set value = excluded.value, source = 'import', import_run_id = excluded.import_run_id,
               updated_by = excluded.updated_by, updated_at = excluded.updated_at
           where indicator_values.value <> excluded.value
         returning xmax = 0 as inserted)
       select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated from written`,
      [id, actor.id],
    );
    counts.inserted += c.inserted;
    counts.updated += c.updated;
    done += chunk.length;
    onWritten(done);
  });
  const unchanged = rows.length - counts.inserted - counts.updated;
  if (counts.inserted + counts.updated > 0) await bumpVersion(tx, 'indicators');
  await audit(tx, actor, {
    action: 'indicatorValues.import',
    entity: 'importRun',
    entityId: id,
    after: { file: fileName, rows: rows.length, inserted: counts.inserted, updated: counts.updated, unchanged },
  });
  return { inserted: counts.inserted, updated: counts.updated, unchanged };
}
