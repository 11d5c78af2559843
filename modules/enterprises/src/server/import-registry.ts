/**
 * Import into the registry (企业名录 · 年度数据 · 资质名单) from .xlsx or .csv (UTF-8 or GB18030/GBK).
 * The whole file is one transaction: either every row is valid and written, or nothing is, and the
 * answer lists every bad row (row as the spreadsheet shows it, column, value, reason). Re-importing the
 * same file changes nothing. The platform's import pipeline (platform/server imports/pipeline.ts) keeps
 * every run in import_runs, refused ones with all their errors; an accepted run records the before/after
 * of each row it changed (enterprise_import_changes), writes its audit row, bumps the registry's data
 * version and re-runs the rules of the enterprises it touched, so the work lists reflect it at once. The
 * file is read and its rows checked in a parse worker (checkRegistryTable, its lookups answered from the
 * request thread), and written in chunks that let the event loop turn, so a large import does not stop
 * other requests.
 */
import { AppError, IMPORT_MESSAGES, type Localized } from '@kechuang/platform-core';
import { enterpriseError } from './errors.ts';
import {
  audit,
  BUREAU_ROLES,
  bumpVersion,
  columnLetter,
  runImport,
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
  IMPORT_COLUMNS,
  mapHeaders,
  parseEnterpriseRow,
  parseQualificationRow,
  parseYearRow,
  AMOUNT_FIELDS,
  COUNT_FIELDS,
  enterpriseRowError,
  EN_HEADERS,
  type EnterpriseRow,
  type Get,
  type HeaderMap,
  type QualificationRow,
  type RegistryImportKind,
  type Row,
  type RowContext,
  type RowError,
  type YearRow,
} from '../domain/import-rows.ts';
import { IMPORT_KIND_LABELS, REGISTRY_IMPORT_KINDS } from '../domain/import-columns.ts';
import { recheckEnterprises, today } from '../db/recheck.ts';
import { regionResolver, rowContextLookups, RowErrorsFound, RUN_KINDS, type ImportProgress, type RegistryImportActor } from './import-lookups.ts';
import { checkEnterprises, writeEnterprises } from './import-enterprises.ts';
import { checkYears, writeYears, type ReadyYear } from './import-years.ts';
import { checkQualifications, writeQualifications, type ReadyQualification } from './import-qualifications.ts';

export type { ImportProgress, RegistryImportActor } from './import-lookups.ts';

export interface RegistryImportResult {
  importRunId: number;
  kind: RegistryImportKind;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** enterprises whose rules were run again */
  rechecked: number;
  warnings: string[];
}

/** the registry's runs, read through the platform's /api/import-runs by those who import (a town officer: their own) */
export const registryImportKinds: ImportRunKind[] = REGISTRY_IMPORT_KINDS.map((k) => ({
  kind: RUN_KINDS[k],
  roles: [...BUREAU_ROLES, 'townOfficer'],
  label: { zh: IMPORT_KIND_LABELS[k], en: { enterprises: 'Enterprises', years: 'Yearly figures', qualifications: 'Qualifications' }[k] },
}));

export interface RegistryImportOptions {
  /** the district the deployment serves: town names are read among its towns and parks */
  homeRegion: string;
  /** refuse larger files (the HTTP upload limit refuses them before they arrive) */
  maxBytes?: number;
  onProgress?: (p: ImportProgress) => void;
}

function assertMayImport(actor: RegistryImportActor, kind: RegistryImportKind): void {
  if (actor.role === null || actor.role === 'bureauAdmin' || actor.role === 'bureauStaff') return;
  if (actor.role === 'townOfficer' && kind !== 'qualifications') return;
  if (actor.role === 'townOfficer') throw enterpriseError('ENT_IMPORT_QUALIFICATIONS_BUREAU_ONLY');
  throw new AppError('FORBIDDEN', { message: { zh: '无权导入企业库数据', en: 'You may not import into the registry' } });
}

export async function importRegistry(
  db: Db,
  actor: RegistryImportActor,
  scope: Scope,
  kind: RegistryImportKind,
  file: Upload,
  opts: RegistryImportOptions,
): Promise<RegistryImportResult> {
  const onProgress = opts.onProgress ?? (() => undefined);
  assertMayImport(actor, kind);
  if (scope.kind !== 'region') throw new AppError('FORBIDDEN_SCOPE');
  if (opts.maxBytes !== undefined && file.data.length > opts.maxBytes) {
    const [size, limit] = [(file.data.length / 1048576).toFixed(1), Math.floor(opts.maxBytes / 1048576)];
    throw new AppError('IMPORT_TOO_LARGE', {
      message: { zh: `文件过大：${size} MB，上限 ${limit} MB`, en: `The file is too large: ${size} MB, at most ${limit} MB` },
      details: { file: file.name, bytes: file.data.length },
    });
  }

  onProgress({ phase: 'read', done: 0, total: 0 });
  let warnings: string[] = [];
  const result = await runImport(db, {
    kind: RUN_KINDS[kind],
    file,
    runner: actor,
    // read and checked in a parse worker (checkRegistryTable below); a file with errors is refused by the pipeline
    check: { module: import.meta.url, name: 'checkRegistryTable', input: { kind, scope, homeRegion: opts.homeRegion, today: today() } satisfies CheckInput },
    onProgress: (p) => onProgress({ phase: p.phase === 'read' ? 'read' : 'validate', done: p.done, total: p.total }),
    write: async (tx, run, checked: ParseJobResult<ReadyRow, CheckedRest>) => {
      const rowCount = checked.rowCount;
      warnings = checked.ignored.length ? [`已忽略未识别的列：${checked.ignored.join('、')}`] : [];
      const columnName = (field: string) => checked.columnNames[field] ?? IMPORT_COLUMNS[kind].find((c) => c.field === field)?.zh ?? field;
      onProgress({ phase: 'write', done: 0, total: rowCount });
      // row errors found against the registry while writing (RowErrorsFound) roll back and refuse the file
      const written = await writeRows(tx, { id: run.id, userId: actor.id }, kind, checked.rows, columnName, (done) =>
        onProgress({ phase: 'write', done, total: rowCount }),
      );
      const unchanged = rowCount - written.inserted - written.updated;
      if (written.inserted + written.updated > 0) await bumpVersion(tx, 'enterprises');
      onProgress({ phase: 'recheck', done: 0, total: written.affected.length });
      // in chunks too, so that its statements stay short on PGlite as the writes' do
      let rechecked = 0;
      await writeInChunks(tx, written.affected, async (ids) => {
        await recheckEnterprises(tx, ids);
        rechecked += ids.length;
        onProgress({ phase: 'recheck', done: rechecked, total: written.affected.length });
      });
      const counts = { rows: rowCount, inserted: written.inserted, updated: written.updated, unchanged };
      await audit(tx, actor, {
        action: `registry.import.${kind}`,
        entity: 'importRun',
        entityId: run.id,
        regionCode: scope.regionCode,
        after: { file: file.name, kind, ...counts, rechecked: written.affected.length },
      });
      return { kind, ...counts, rechecked: written.affected.length };
    },
  });
  onProgress({ phase: 'done', done: result.rows, total: result.rows });
  return { ...result, warnings };
}

type ReadyRow = EnterpriseRow | ReadyYear | ReadyQualification;

/**
 * The rows written chunk by chunk in the import's transaction (each writer stages its chunk afresh).
 * Row errors found against the registry while writing (years whose merged figures clash) are gathered
 * over every chunk and then refuse the file, the transaction rolled back: all or nothing, as one pass was.
 */
async function writeRows(
  tx: YieldingDb,
  run: { id: number; userId: number | null },
  kind: RegistryImportKind,
  rows: ReadyRow[],
  columnName: (f: string) => string,
  onWritten: (done: number) => void,
): Promise<{ inserted: number; updated: number; affected: number[] }> {
  const total = { inserted: 0, updated: 0 };
  const affected = new Set<number>();
  const errors: RowError[] = [];
  let done = 0;
  await writeInChunks(tx, rows, async (chunk) => {
    try {
      const w =
        kind === 'enterprises'
          ? await writeEnterprises(tx, run, chunk as EnterpriseRow[])
          : kind === 'years'
            ? await writeYears(tx, run, chunk as ReadyYear[], columnName)
            : await writeQualifications(tx, run, chunk as ReadyQualification[]);
      total.inserted += w.inserted;
      total.updated += w.updated;
      for (const a of w.affected) affected.add(a);
    } catch (e) {
      if (!(e instanceof RowErrorsFound)) throw e;
      errors.push(...e.errors);
    }
    done += chunk.length;
    onWritten(done);
  });
  if (errors.length > 0) throw new RowErrorsFound(errors);
  return { ...total, affected: [...affected] };
}

interface CheckInput {
  kind: RegistryImportKind;
  scope: Scope;
  homeRegion: string;
  /** the bureau's calendar day, as the request thread sees it */
  today: string;
}
interface CheckedRest {
  rowCount: number;
  /** every one of them (the pipeline sorts them by row) */
  errors: RowError[];
  ignored: string[];
  /** each mapped field's column as the file heads it */
  columnNames: Record<string, string>;
}

/**
 * The parse step's job, run in a parse worker on the table read: the headers, every row checked on its
 * own, duplicates within the file, then the rows against the registry (USCCs registered, in scope,
 * certificates held). Its lookups go to the request thread's database.
 */
export async function checkRegistryTable(table: Table, input: CheckInput, io: ParseIo): Promise<ParseJobResult<ReadyRow, CheckedRest>> {
  const { kind, scope } = input;
  const db = io.db;
  const headers = checkHeaders(kind, table);
  const columnName = (field: string) => {
    const i = headers.index[field];
    return i === undefined ? (IMPORT_COLUMNS[kind].find((c) => c.field === field)?.zh ?? field) : table.headers[i] || columnLetter(i);
  };
  const townIndex = headers.index.town;
  const ctx: RowContext = {
    today: input.today,
    columnName,
    headerUnit: (f) => headers.unit[f],
    usccMemo: new Map(),
    region: await regionResolver(db, scope, input.homeRegion, townIndex === undefined ? [] : table.rows.map((r) => String(r.cells[townIndex] ?? '').trim())),
    ...(await rowContextLookups(db)),
  };

  const errors: RowError[] = [];
  const parsed = parseRows(kind, table, headers, ctx, errors, (p) => io.progress('validate', p.done, p.total));
  const checked = await checkAgainstRegistry(db, scope, parsed, columnName);
  errors.push(...checked.errors);
  return {
    rows: errors.length > 0 ? [] : checked.ready.rows,
    rowCount: table.rows.length,
    errors,
    ignored: headers.ignored,
    columnNames: Object.fromEntries(Object.keys(headers.index).map((f) => [f, columnName(f)])),
  };
}

function checkHeaders(kind: RegistryImportKind, table: Table): HeaderMap {
  const headers = mapHeaders(kind, table.headers);
  if (headers.missing.length > 0) {
    throw new AppError('IMPORT_HEADER', {
      message: IMPORT_MESSAGES.missingColumns(
        headers.missing,
        IMPORT_COLUMNS[kind].filter((c) => c.required && headers.index[c.field] === undefined).map((c) => EN_HEADERS[c.field] ?? c.en),
      ),
      details: { missing: headers.missing, found: table.headers },
    });
  }
  if (headers.duplicated.length > 0)
    throw new AppError('IMPORT_HEADER', { message: IMPORT_MESSAGES.duplicatedColumns(headers.duplicated), details: { duplicated: headers.duplicated } });
  if (kind === 'years' && ![...AMOUNT_FIELDS, ...COUNT_FIELDS].some((f) => headers.index[f] !== undefined)) {
    throw enterpriseError('ENT_IMPORT_YEARS_NO_FIGURE', { details: { found: table.headers } });
  }
  if (table.rows.length === 0) throw new AppError('IMPORT_EMPTY');
  return headers;
}

type Parsed = { kind: 'enterprises'; rows: EnterpriseRow[] } | { kind: 'years'; rows: YearRow[] } | { kind: 'qualifications'; rows: QualificationRow[] };
type Ready = { kind: 'enterprises'; rows: EnterpriseRow[] } | { kind: 'years'; rows: ReadyYear[] } | { kind: 'qualifications'; rows: ReadyQualification[] };

/** Every row checked on its own, then duplicates within the file, each named with its first row. */
function parseRows(
  kind: RegistryImportKind,
  table: Table,
  headers: HeaderMap,
  ctx: RowContext,
  errors: RowError[],
  onProgress: (p: ImportProgress) => void,
): Parsed {
  const first = new Map<string, number>();
  function each<T>(
    parse: (row: number, get: Get, c: RowContext) => Row<T>,
    key: (r: Row<T>) => { key: string | null; field: string; value: string; what: Localized },
  ): T[] {
    const out: T[] = [];
    // one reader for the whole file, over the current row's cells (no closure per row)
    let cells: Table['rows'][number]['cells'] = [];
    const get: Get = (f) => {
      const i = headers.index[f];
      return i === undefined ? undefined : cells[i];
    };
    table.rows.forEach((r, n) => {
      cells = r.cells;
      const result = parse(r.row, get, ctx);
      errors.push(...result.errors);
      const k = key(result);
      const seen = k.key === null ? undefined : first.get(k.key);
      if (seen !== undefined) errors.push(enterpriseRowError(r.row, ctx.columnName(k.field), k.value, 'ENT_ROW_DUPLICATE', { first: seen, what: k.what }));
      else {
        if (k.key !== null) first.set(k.key, r.row);
        if (result.value !== null) out.push(result.value);
      }
      if (n % 20_000 === 0) onProgress({ phase: 'validate', done: n, total: table.rows.length });
    });
    return out;
  }
  switch (kind) {
    case 'enterprises':
      return {
        kind,
        rows: each(parseEnterpriseRow, (r) => ({ key: r.uscc, field: 'uscc', value: r.uscc ?? '', what: { zh: '同一统一社会信用代码', en: 'the same USCC' } })),
      };
    case 'years':
      return {
        kind,
        rows: each(parseYearRow, (r) => ({
          key: r.value && `${r.value.uscc}|${r.value.year}`,
          field: 'year',
          value: String(r.value?.year ?? ''),
          what: { zh: '同一企业、同一年度', en: 'the same enterprise and year' },
        })),
      };
    case 'qualifications':
      return {
        kind,
        rows: each(parseQualificationRow, (r) => ({
          key: r.value && `${r.value.kind}|${r.value.certificateNo}`,
          field: 'certificateNo',
          value: r.value?.certificateNo ?? '',
          what: { zh: '同一资质类型、证书编号', en: 'the same qualification and certificate number' },
        })),
      };
  }
}

async function checkAgainstRegistry(db: Db, scope: Scope, p: Parsed, columnName: (f: string) => string): Promise<{ errors: RowError[]; ready: Ready }> {
  switch (p.kind) {
    case 'enterprises': {
      const c = await checkEnterprises(db, scope, p.rows, columnName);
      return { errors: c.errors, ready: { kind: p.kind, rows: c.ready } };
    }
    case 'years': {
      const c = await checkYears(db, scope, p.rows, columnName);
      return { errors: c.errors, ready: { kind: p.kind, rows: c.ready } };
    }
    case 'qualifications': {
      const c = await checkQualifications(db, scope, p.rows, columnName);
      return { errors: c.errors, ready: { kind: p.kind, rows: c.ready } };
    }
  }
}
