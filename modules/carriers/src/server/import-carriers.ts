/**
 * 绩效评价 · 载体年度数据导入: the bureau's Excel (.xlsx / .csv, UTF-8 or GBK) of carriers' figures of a year, one
 * row per carrier, one column per indicator of its review (domain/review-catalogue.ts), and the template to fill.
 * Officers work in Excel, so the import reads what they type: Chinese or code headers, a label with its unit,
 * '1,234', full-width digits, '85%'. All-or-nothing per file: every problem is listed (row as the sheet shows it,
 * column, value, Chinese message) and nothing is written; else one transaction creates the carriers not yet known
 * (given their town in the jurisdiction), upserts the figures (source 'import'), writes one audit row with each
 * figure's before → after and bumps the `carriers` version. A blank cell changes nothing, so the same file twice
 * writes nothing the second time. The platform's import pipeline (platform/server imports/pipeline.ts) reads and
 * checks the file in a parse worker, keeps the run (kind carrierFigures: accepted with its counts of figures, or
 * refused with every error) and answers a refusal as 422 IMPORT_INVALID. The columns are import-columns.ts', the
 * template carrier-template.ts', the routes import-routes.ts'.
 */
import { AppError, type ImportRowError, type Localized } from '@kechuang/platform-core';
import {
  audit,
  bumpVersion,
  cellText,
  columnLetter,
  isInScope,
  reportingUnits,
  runImport,
  type Actor,
  type Cell,
  type Db,
  type ImportRunKind,
  type ParseIo,
  type ParseJobResult,
  type Table,
  type Upload,
  type YieldingDb,
} from '@kechuang/platform-server';
import type { CarrierImportResult } from '../contract/carrier-import.ts';
import { writeFigures } from '../db/carrier-figures.ts';
import {
  CARRIER_KIND_LABELS,
  CARRIER_KIND_LABELS_EN,
  REVIEW_INDICATORS,
  REVIEW_KINDS,
  REVIEW_LABELS,
  REVIEW_LABELS_EN,
  reviewOf,
  unitEn,
  type CarrierKind,
  type CarrierLevel,
  type ReviewIndicator,
  type ReviewKind,
} from '../domain/index.ts';
import { carrierError, carrierRowError, type CarrierRowErrorCode } from './errors.ts';
import { FIXED, FIXED_EN, LEVEL_LABELS, LEVEL_LABELS_EN, templateHeaderEn, type Fixed } from './import-columns.ts';
import { BUREAU_ROLES } from '@kechuang/platform-server';
import { CARRIERS_ROOM } from './room.ts';

/** import_runs.kind of this import */
export const CARRIER_RUN_KIND = 'carrierFigures';
/** the carriers' runs, read through the platform's /api/import-runs by the bureau, who imports them */
export const carrierImportKinds: ImportRunKind[] = [{ kind: CARRIER_RUN_KIND, roles: BUREAU_ROLES, label: { zh: '载体年度数据', en: "Carriers' figures" } }];
type CarrierImportError = ImportRowError;
type Level = CarrierLevel;
type RowParams = Parameters<typeof carrierRowError>[4];

/** an indicator's name and unit in both languages, for its row errors */
const labelOf = (ind: ReviewIndicator): Localized => ({ zh: ind.label, en: ind.labelEn });
const unitOf = (ind: ReviewIndicator): Localized => ({ zh: ind.unit, en: unitEn(ind.unit) });
const kindOf = (kind: CarrierKind): Localized => ({ zh: CARRIER_KIND_LABELS[kind], en: CARRIER_KIND_LABELS_EN[kind].toLowerCase() });
/** a problem of a value, before it knows its row and column */
interface ValueProblem {
  code: CarrierRowErrorCode;
  params?: RowParams;
}

/** Full-width ASCII (０-９, （）, ％, ，) as half-width, spaces dropped, lower case: how headers and values are compared. */
const norm = (s: string) =>
  s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();

const KIND_BY_TEXT = new Map<string, CarrierKind>([
  ...Object.entries(CARRIER_KIND_LABELS_EN).map(([k, label]) => [norm(label), k as CarrierKind] as const),
  ['产业技术研究院', 'industrialResearchInstitute'],
  ['研究院', 'industrialResearchInstitute'],
  ['industrialresearchinstitute', 'industrialResearchInstitute'],
  ['科技企业孵化器', 'incubator'],
  ['孵化器', 'incubator'],
  ['incubator', 'incubator'],
  ['众创空间', 'makerspace'],
  ['makerspace', 'makerspace'],
]);
const LEVEL_BY_TEXT = new Map<string, Level>(
  Object.entries(LEVEL_LABELS).flatMap(([code, label]) => [
    [code.toLowerCase(), code as Level],
    [label, code as Level],
    [norm(LEVEL_LABELS_EN[code as Level]), code as Level],
  ]),
);
const FIXED_BY_HEADER = new Map<string, Fixed>(
  Object.entries(FIXED).flatMap(([f, texts]) => [...texts, FIXED_EN[f as Fixed]].map((t) => [norm(t), f as Fixed])),
);
/**
 * Every indicator of both reviews by its code, its label and its label with unit, in Chinese and as the English
 * template heads it (codes and labels are unique across reviews).
 */
const INDICATOR_BY_HEADER = new Map<string, { ind: ReviewIndicator; review: ReviewKind }>(
  REVIEW_KINDS.flatMap((review) =>
    REVIEW_INDICATORS[review].flatMap((ind) =>
      [ind.code, ind.label, `${ind.label}(${ind.unit})`, ind.labelEn, templateHeaderEn(ind)].map((h) => [norm(h), { ind, review }] as const),
    ),
  ),
);

interface Columns {
  fixed: Partial<Record<Fixed, number>>;
  indicators: { index: number; ind: ReviewIndicator; review: ReviewKind }[];
}
interface ParsedRow {
  row: number;
  name: string;
  kind: CarrierKind;
  regionText: string;
  level: Level | null;
  figures: { code: string; value: number }[];
}

/** Maps the header row; an unknown, repeated or unnamed (but filled) column is an error naming it. */
function mapColumns(table: Table, errors: CarrierImportError[]): Columns {
  const columns: Columns = { fixed: {}, indicators: [] };
  const seen = new Map<string, string>();
  table.headers.forEach((header, index) => {
    const key = norm(header);
    const err = (code: CarrierRowErrorCode, params: RowParams) => errors.push(carrierRowError(1, header || `${columnLetter(index)} 列`, header, code, params));
    if (key === '') {
      if (table.rows.some((r) => cellText(r.cells[index]) !== '')) err('CAR_ROW_HEADERLESS_COLUMN', { letter: columnLetter(index) });
      return;
    }
    const fixed = FIXED_BY_HEADER.get(key);
    const indicator = INDICATOR_BY_HEADER.get(key);
    const id = fixed ?? indicator?.ind.code;
    if (id === undefined) {
      const unit = /^(.+)\(([^()]*)\)$/.exec(key);
      const sameLabel = unit && INDICATOR_BY_HEADER.get(unit[1]);
      return void (sameLabel
        ? err('CAR_ROW_COLUMN_UNIT', { header, label: labelOf(sameLabel.ind), unit: unitOf(sameLabel.ind) })
        : err('CAR_ROW_COLUMN_UNKNOWN', { header }));
    }
    if (seen.has(id)) return void err('CAR_ROW_COLUMN_TWICE', { header, first: seen.get(id)! });
    seen.set(id, header);
    if (fixed) columns.fixed[fixed] = index;
    else if (indicator) columns.indicators.push({ index, ...indicator });
  });
  for (const f of ['name', 'kind'] as const) {
    if (columns.fixed[f] === undefined)
      errors.push(carrierRowError(1, FIXED[f][0], '', 'CAR_ROW_COLUMN_MISSING', { column: { zh: FIXED[f][0], en: FIXED_EN[f] } }));
  }
  return columns;
}

/** A figure as typed: a number, or text such as '1,234', '１２', '85%' (a percentage indicator only); ≥ 0, a percentage ≤ 100. */
function parseValue(cell: Cell, ind: ReviewIndicator): number | ValueProblem {
  const params = { label: labelOf(ind), unit: unitOf(ind) };
  let n: number;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string') {
    let t = norm(cell);
    if (t.endsWith('%')) {
      if (ind.unit !== '%') return { code: 'CAR_ROW_PERCENT_NOT_ALLOWED', params };
      t = t.slice(0, -1);
    }
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
    if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { code: 'CAR_ROW_NOT_A_NUMBER', params };
    n = Number(t);
  } else return { code: 'CAR_ROW_NOT_A_NUMBER', params };
  if (n < 0) return { code: 'CAR_ROW_NEGATIVE', params };
  if (ind.unit === '%' && n > 100) return { code: 'CAR_ROW_OVER_100', params };
  return n;
}

/** The file's year: the 年度 column where filled (one year per file, agreeing with `year=`), else the query's. */
function parseYear(cell: Cell | undefined, queryYear: number | undefined): number | ValueProblem {
  const text = norm(cellText(cell)).replace(/年$/, '');
  if (text === '') return queryYear ?? { code: 'CAR_ROW_YEAR_EMPTY' };
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) return { code: 'CAR_ROW_YEAR_INVALID' };
  if (queryYear !== undefined && year !== queryYear) return { code: 'CAR_ROW_YEAR_NOT_QUERY', params: { year: queryYear } };
  return year;
}

/** Each row on its own (name, kind, level, year, figures of its review), then the same carrier twice. */
function parseRows(
  table: Table,
  columns: Columns,
  queryYear: number | undefined,
  errors: CarrierImportError[],
): { rows: ParsedRow[]; year: number | undefined } {
  const rows: ParsedRow[] = [];
  const first = new Map<string, number>();
  let fileYear: number | undefined;
  for (const { row, cells } of table.rows) {
    const at = (f: Fixed) => (columns.fixed[f] === undefined ? undefined : cells[columns.fixed[f]]);
    const err = (index: number | undefined, column: string, code: CarrierRowErrorCode, params?: RowParams) =>
      errors.push(carrierRowError(row, index === undefined ? column : table.headers[index], index === undefined ? '' : cellText(cells[index]), code, params));
    const before = errors.length;
    const name = cellText(at('name'));
    if (name === '' || name.length > 200) err(columns.fixed.name, FIXED.name[0], name === '' ? 'CAR_ROW_NAME_EMPTY' : 'CAR_ROW_NAME_TOO_LONG');
    const kind = KIND_BY_TEXT.get(norm(cellText(at('kind'))));
    if (!kind) err(columns.fixed.kind, FIXED.kind[0], 'CAR_ROW_KIND_UNKNOWN');
    const levelText = norm(cellText(at('level')));
    const level = levelText === '' ? null : LEVEL_BY_TEXT.get(levelText);
    if (level === undefined) err(columns.fixed.level, FIXED.level[0], 'CAR_ROW_LEVEL_UNKNOWN');
    const year = parseYear(at('year'), queryYear);
    if (typeof year === 'object') err(columns.fixed.year, FIXED.year[0], year.code, year.params);
    else if (fileYear !== undefined && year !== fileYear) err(columns.fixed.year, FIXED.year[0], 'CAR_ROW_YEAR_NOT_FILE', { year: fileYear });
    else fileYear = year;
    const figures: ParsedRow['figures'] = [];
    for (const c of columns.indicators) {
      const cell = cells[c.index];
      if (cellText(cell) === '') continue;
      if (kind && reviewOf(kind) !== c.review) {
        err(c.index, '', 'CAR_ROW_OTHER_REVIEW', {
          label: labelOf(c.ind),
          review: { zh: REVIEW_LABELS[c.review], en: REVIEW_LABELS_EN[c.review].toLowerCase() },
          kind: kindOf(kind),
        });
        continue;
      }
      const value = parseValue(cell ?? null, c.ind);
      if (typeof value === 'object') err(c.index, '', value.code, value.params);
      else figures.push({ code: c.ind.code, value });
    }
    if (errors.length > before || !kind || level === undefined) continue;
    const key = `${kind}|${name}`;
    const dup = first.get(key);
    if (dup !== undefined) err(columns.fixed.name, FIXED.name[0], 'CAR_ROW_DUPLICATE', { first: dup });
    else {
      first.set(key, row);
      rows.push({ row, name, kind, regionText: cellText(at('region')), level, figures });
    }
  }
  return { rows, year: fileYear };
}

type Planned = ParsedRow & ({ id: number; regionCode?: undefined } | { id?: undefined; regionCode: string });

/** Matches each row to a carrier of the jurisdiction by (kind, name), or plans to create it in its town. */
async function matchCarriers(
  db: Db,
  actor: Actor,
  homeRegion: string,
  table: Table,
  columns: Columns,
  rows: ParsedRow[],
  errors: CarrierImportError[],
): Promise<Planned[]> {
  const existing = await db.query<{ id: number; name: string; kind: CarrierKind; path: string }>(
    `select c.id::int as id, c.name, c.kind, r.path from carriers c join regions r on r.code = c.region_code
      where (c.kind, c.name) in (select * from unnest($1::text[], $2::text[]))`,
    [rows.map((r) => r.kind), rows.map((r) => r.name)],
  );
  const byKey = new Map(existing.map((c) => [`${c.kind}|${c.name}`, c]));
  const region = await regionResolver(
    db,
    homeRegion,
    rows.map((r) => r.regionText),
  );
  const planned: Planned[] = [];
  for (const r of rows) {
    const nameErr = (code: CarrierRowErrorCode) =>
      errors.push(carrierRowError(r.row, table.headers[columns.fixed.name!], r.name, code, { kind: kindOf(r.kind), name: r.name }));
    const found = byKey.get(`${r.kind}|${r.name}`);
    if (found) {
      if (isInScope(actor.scope, found)) planned.push({ ...r, id: found.id });
      else nameErr('CAR_ROW_CARRIER_UNKNOWN');
    } else if (r.regionText === '') nameErr('CAR_ROW_CARRIER_UNKNOWN_NO_TOWN');
    else {
      const town = region(r.regionText);
      const regionErr = (code: CarrierRowErrorCode, name: string) =>
        errors.push(carrierRowError(r.row, table.headers[columns.fixed.region!], r.regionText, code, { town: name }));
      if (!town) regionErr('CAR_ROW_TOWN_UNKNOWN', r.regionText);
      else if (!isInScope(actor.scope, town)) regionErr('CAR_ROW_TOWN_OUT_OF_SCOPE', town.name);
      else planned.push({ ...r, regionCode: town.code });
    }
  }
  return planned;
}

/** Towns and parks of the district by code, name or short name (招宝山 for 招宝山街道); other regions by code. */
async function regionResolver(
  db: Db,
  homeRegion: string,
  texts: string[],
): Promise<(text: string) => { code: string; name: string; path: string } | undefined> {
  type Ref = { code: string; name: string; path: string };
  const units: Ref[] = await reportingUnits(db, homeRegion);
  const codes = [...new Set(texts.map((t) => t.toUpperCase()))].filter((t) => /^\d{6}/.test(t));
  if (codes.length > 0) units.push(...(await db.query<Ref>('select code, name, path from regions where code = any($1::text[])', [codes])));
  const by = new Map<string, Ref>();
  for (const u of units) {
    by.set(u.code, u);
    by.set(u.name, u);
    const short = u.name.replace(/(街道|镇|乡)$/, '');
    if (short.length >= 2 && !by.has(short)) by.set(short, u);
  }
  return (text) => by.get(text.toUpperCase()) ?? by.get(text);
}

/**
 * The import's write, in the pipeline's transaction: new carriers, changed figures, the audit row, the data
 * version; nothing when nothing changed. The event loop turns before each statement (the pipeline's tx yields),
 * so a file of many new carriers holds no other request. The run counts figures: inserted, updated, unchanged.
 */
async function writeImport(
  tx: YieldingDb,
  actor: Actor,
  fileName: string,
  year: number,
  rows: number,
  planned: Planned[],
): Promise<Omit<CarrierImportResult, 'importRunId'> & { inserted: number; updated: number; unchanged: number }> {
  const carriers: CarrierImportResult['carriers'] = [];
  for (const p of planned) {
    if (p.id !== undefined) {
      carriers.push({ id: p.id, name: p.name, kind: p.kind, created: false });
      continue;
    }
    const [row] = await tx.query<{ id: number }>(
      'insert into carriers (name, kind, level, region_code) values ($1, $2, $3, $4) on conflict (kind, name) do nothing returning id::int as id',
      [p.name, p.kind, p.level, p.regionCode],
    );
    if (!row) throw carrierError('CAR_NAME_TAKEN_WHILE_IMPORTING', { params: { name: p.name }, details: { row: p.row, field: 'name', value: p.name } });
    carriers.push({ id: row.id, name: p.name, kind: p.kind, created: true });
  }
  const stored = await tx.query<{ carrierId: number; indicator: string; value: number }>(
    'select carrier_id::int as "carrierId", indicator, value::float8 as value from carrier_figures where carrier_id = any($1::bigint[]) and year = $2',
    [carriers.map((c) => c.id), year],
  );
  const old = new Map(stored.map((s) => [`${s.carrierId}|${s.indicator}`, s.value]));
  const changes = planned
    .flatMap((p, i) => p.figures.map((f) => ({ carrierId: carriers[i].id, ...f, before: old.get(`${carriers[i].id}|${f.code}`) ?? null })))
    .filter((c) => c.before !== c.value);
  const given = planned.reduce((n, p) => n + p.figures.length, 0);
  const created = carriers.filter((c) => c.created);
  const inserted = changes.filter((c) => c.before === null).length;
  const counts = { inserted, updated: changes.length - inserted, unchanged: given - changes.length };
  const result = { year, rows, carriersCreated: created.length, figuresWritten: changes.length, figuresUnchanged: given - changes.length, carriers, ...counts };
  if (changes.length === 0 && created.length === 0) return result;
  await writeFigures(tx, year, changes, 'import', actor.id);
  const figures = (pick: (c: (typeof changes)[number]) => number | null) => {
    const out: Record<string, Record<string, number | null>> = {};
    for (const c of changes) (out[c.carrierId] ??= {})[c.code] = pick(c);
    return out;
  };
  await audit(tx, actor, {
    action: 'carrierFigures.import',
    entity: 'carrier',
    regionCode: actor.scope.kind === 'region' ? actor.scope.regionCode : null,
    before: { year, figures: figures((c) => c.before) },
    after: {
      file: fileName,
      year,
      rows,
      figuresWritten: changes.length,
      figuresUnchanged: result.figuresUnchanged,
      created: created.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
      figures: figures((c) => c.value),
    },
  });
  await bumpVersion(tx, CARRIERS_ROOM);
  return result;
}

/** Reads, checks and writes one uploaded file through the platform's pipeline; any problem refuses the whole file with every problem listed. */
export async function importCarrierFigures(
  db: Db,
  actor: Actor,
  homeRegion: string,
  file: Upload,
  queryYear: number | undefined,
): Promise<CarrierImportResult> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN');
  const fileName = file.name;
  const r = await runImport(db, {
    kind: CARRIER_RUN_KIND,
    file,
    runner: actor,
    // read and checked in a parse worker (checkCarrierTable below)
    check: { module: import.meta.url, name: 'checkCarrierTable', input: { actor, homeRegion, queryYear } satisfies CheckInput },
    write: (tx, _run, checked: ParseJobResult<Planned, Checked>) => writeImport(tx, actor, fileName, checked.year, checked.rowCount, checked.rows),
  });
  return {
    importRunId: r.importRunId,
    year: r.year,
    rows: r.rows,
    carriersCreated: r.carriersCreated,
    figuresWritten: r.figuresWritten,
    figuresUnchanged: r.figuresUnchanged,
    carriers: r.carriers,
  };
}

interface Checked {
  year: number;
  rowCount: number;
  errors: CarrierImportError[];
}

interface CheckInput {
  actor: Actor;
  homeRegion: string;
  queryYear: number | undefined;
}

/**
 * The parse step's job, run in a parse worker on the table read: the columns, every row, the carriers
 * matched or planned (its reads go to the request thread's database). Refuses with every problem listed.
 */
export async function checkCarrierTable(table: Table, input: CheckInput, io: ParseIo): Promise<ParseJobResult<Planned, Checked>> {
  const { actor, homeRegion, queryYear } = input;
  if (table.rows.length === 0) throw new AppError('IMPORT_EMPTY');
  const errors: CarrierImportError[] = [];
  const columns = mapColumns(table, errors);
  if (errors.length === 0 && columns.fixed.year === undefined && queryYear === undefined) {
    throw carrierError('CAR_IMPORT_YEAR_MISSING', { details: { field: 'year' } });
  }
  const parsed = errors.length === 0 ? parseRows(table, columns, queryYear, errors) : { rows: [], year: undefined };
  const planned = errors.length === 0 ? await matchCarriers(io.db, actor, homeRegion, table, columns, parsed.rows, errors) : [];
  // with errors the pipeline refuses the file (every error kept with its run), the year unused
  return { rows: errors.length > 0 ? [] : planned, year: parsed.year ?? 0, rowCount: table.rows.length, errors };
}
