/**
 * 技术合同导入: the register clerk's Excel (.xlsx / .csv) of contracts, one row each, under the export's headers
 * (columns.ts): Chinese or English headers, labels or codes for the type, subtype, field and location, an amount
 * as a number, '1,234.5' or '12万元' (the header may name the unit: 合同成交额（万元）). A row with a registration date
 * is a registered contract (its number given or the register's next); without, a submitted one whose clock starts
 * today. All or nothing through the platform's import pipeline (run kind techContracts): every problem is a row
 * error naming the row and the column, and nothing is written; else one transaction inserts the contracts with
 * their history, one audit row, the indicator's actuals of the registered years, and the room's data version.
 * Parties are stored as written (name, USCC, town); they are not linked to registry records (an enterprise
 * account still sees its contracts, by its USCC).
 */
import { AppError, bureauToday, type ImportRowError, type RowParams } from '@kechuang/platform-core';
import {
  audit,
  BUREAU_ROLES,
  bumpVersion,
  cellText,
  columnLetter,
  getRegion,
  reportingUnits,
  runImport,
  type Actor,
  type Cell,
  type Db,
  type ImportRunKind,
  type ParseIo,
  type ParseJobResult,
  type Region,
  type Table,
  type Upload,
  type YieldingDb,
} from '@kechuang/platform-server';
import type { ImportResult } from '../contract/tech-contracts.ts';
import { addHistory, insertContract, nextRegistrationNo, type ContractRecord, type StoredParty } from '../db/contracts.ts';
import {
  contractIssues,
  LOCATION_LABELS,
  normaliseType,
  REGIMES,
  registrationDeadline,
  SUBTYPE_LABELS,
  SUBTYPE_LABELS_EN,
  TECH_FIELDS,
  TECH_FIELDS_EN,
  technicalAmount,
  toYuan,
  TYPE_LABELS,
  TYPE_LABELS_EN,
  typeRegimeOf,
  unitFactor,
  type NonTechnicalItem,
  type PartyLocation,
  type TechContractSubtype,
  type TechContractType,
  type TechField,
} from '../domain/index.ts';
import { AMOUNT_COLUMNS, COLUMNS, EXPORT_ONLY, norm, REQUIRED, type Column } from './columns.ts';
import { techContractRowError } from './errors.ts';
import { LOCATION_LABELS_EN } from './export-contracts.ts';
import { writeTransactionActuals } from './indicator-actuals.ts';
import { TECH_CONTRACTS_ROOM } from './room.ts';

export const TC_RUN_KIND = 'techContracts';
export const techContractImportKinds: ImportRunKind[] = [{ kind: TC_RUN_KIND, roles: BUREAU_ROLES, label: { zh: '技术合同', en: 'Technology contracts' } }];

const byText = <K extends string>(...tables: Record<K, string>[]): Map<string, K> => {
  const m = new Map<string, K>();
  for (const t of tables) for (const [k, v] of Object.entries(t) as [K, string][]) m.set(norm(v), k).set(norm(k), k);
  return m;
};
const TYPES = byText<TechContractType>(TYPE_LABELS, TYPE_LABELS_EN);
const SUBTYPES = byText<TechContractSubtype>(SUBTYPE_LABELS, SUBTYPE_LABELS_EN);
const FIELDS = byText<TechField>(TECH_FIELDS, TECH_FIELDS_EN);
const LOCATIONS = byText<PartyLocation>(LOCATION_LABELS, LOCATION_LABELS_EN);
for (const [t, l] of [
  ['区外', 'domestic'],
  ['境内', 'domestic'],
  ['国外', 'abroad'],
] as const)
  LOCATIONS.set(t, l);

const HEADERS = new Map<string, Column>(
  (Object.keys(COLUMNS) as Column[]).flatMap((c) => [COLUMNS[c].zh, COLUMNS[c].en, ...COLUMNS[c].also].map((h) => [norm(h), c])),
);

const SIGNED_ON = { zh: '签订日期', en: 'The signing date' };
const REGISTERED_ON = { zh: '登记日期', en: 'The registration date' };
const SIDES = { seller: { zh: '卖方', en: 'seller' }, buyer: { zh: '买方', en: 'buyer' } };

interface Columns {
  index: Partial<Record<Column, number>>;
  /** yuan per unit of an amount column, by its header */
  factor: Partial<Record<Column, number>>;
}

/** the room's message of a code in Chinese (a row error's reason) */
type RowCode = Parameters<typeof techContractRowError>[3];

function mapColumns(table: Table, errors: ImportRowError[]): Columns {
  const cols: Columns = { index: {}, factor: {} };
  const seen = new Map<Column, string>();
  table.headers.forEach((header, i) => {
    const err = (code: RowCode, params?: RowParams) => errors.push(techContractRowError(1, header || columnLetter(i), header, code, params));
    let key = norm(header);
    if (key === '') {
      if (table.rows.some((r) => cellText(r.cells[i]) !== '')) err('TC_ROW_HEADERLESS_COLUMN', { letter: columnLetter(i) });
      return;
    }
    // a unit in brackets: 合同成交额（万元）, Contract amount (CNY)
    const unit = /^(.+)\(([^()]*)\)$/.exec(key);
    let factor = 1;
    if (unit && HEADERS.has(unit[1])) {
      key = unit[1];
      const f = unitFactor(unit[2]);
      if (f === null) {
        // the column is there, its unit is wrong: one error, not also a missing column
        seen.set(HEADERS.get(key)!, header);
        return void err('TC_UNIT_UNKNOWN', { unit: unit[2] });
      }
      factor = f;
    }
    const col = HEADERS.get(key);
    if (!col) return void err('TC_ROW_COLUMN_UNKNOWN', { header });
    if (seen.has(col)) return void err('TC_ROW_COLUMN_TWICE', { header, first: seen.get(col)! });
    seen.set(col, header);
    if (unit && !AMOUNT_COLUMNS.includes(col)) return void err('TC_ROW_COLUMN_NOT_AMOUNT', { header });
    // the register's bookkeeping, written by the export for reading: not imported
    if (EXPORT_ONLY.includes(col)) return;
    cols.index[col] = i;
    cols.factor[col] = factor;
  });
  for (const c of REQUIRED) if (!seen.has(c)) errors.push(techContractRowError(1, COLUMNS[c].zh, '', 'TC_ROW_COLUMN_MISSING', { header: COLUMNS[c].zh }));
  return cols;
}

/** A date as typed: an Excel date, 2026-03-01, 2026/3/1, 2026年3月1日. */
function parseDate(cell: Cell | undefined): string | null | undefined {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const t = cellText(cell);
  if (t === '') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) return undefined;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return Number.isNaN(Date.parse(d)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d ? undefined : d;
}

/** An amount in yuan: a number in the column's unit, or text with its own unit ('12万元'); a string is the problem. */
function parseAmount(cell: Cell | undefined, factor: number): number | null | { code: RowCode; params?: RowParams } {
  if (typeof cell === 'number') return toYuan(cell, factor);
  let t = norm(cellText(cell));
  if (t === '') return null;
  t = t.replace(/^(-?)¥/, '$1');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?/.test(t)) t = t.replace(/,/g, '');
  const m = /^(-?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/.exec(t);
  if (!m) return { code: 'TC_ROW_AMOUNT_NOT_NUMBER' };
  if (m[2] === '') return toYuan(Number(m[1]), factor);
  const f = unitFactor(m[2]);
  if (f === null) return { code: 'TC_UNIT_UNKNOWN', params: { unit: m[2] } };
  return toYuan(Number(m[1]), f);
}

interface Planned {
  row: number;
  record: ContractRecord;
  registrationNo: string | null;
  registeredOn: string | null;
}

interface CheckInput {
  district: string;
  today: string;
}

interface Checked {
  rowCount: number;
  errors: ImportRowError[];
}

const ISSUE_COLUMN: Record<string, Column> = {
  signedOn: 'signedOn',
  subtype: 'subtype',
  'seller.uscc': 'sellerUscc',
  'seller.regionCode': 'sellerRegion',
  'seller.location': 'sellerLocation',
  'buyer.uscc': 'buyerUscc',
  'buyer.regionCode': 'buyerRegion',
  'buyer.name': 'buyerName',
  contractAmount: 'contractAmount',
  techAmount: 'techAmount',
  items: 'nonTechnical',
};

/**
 * The parse step's job, run in a parse worker on the table read: the columns, every row on its own, the towns,
 * registration numbers repeated in the file or already registered. Every problem is a row error.
 */
export async function checkContractTable(table: Table, input: CheckInput, io: ParseIo): Promise<ParseJobResult<Planned, Checked>> {
  if (table.rows.length === 0) throw new AppError('IMPORT_EMPTY');
  const errors: ImportRowError[] = [];
  const cols = mapColumns(table, errors);
  if (errors.length > 0) return { rows: [], rowCount: table.rows.length, errors };
  const units: Region[] = [...(await reportingUnits(io.db, input.district)), (await getRegion(io.db, input.district))!];
  const towns = new Map<string, Region>();
  for (const u of units) {
    towns.set(u.code, u).set(u.name, u);
    const short = u.name.replace(/(街道|镇|乡)$/, '');
    if (short.length >= 2 && !towns.has(short)) towns.set(short, u);
  }
  const planned: Planned[] = [];
  const numbers = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const at = (c: Column) => (cols.index[c] === undefined ? undefined : cells[cols.index[c]]);
    const text = (c: Column) => cellText(at(c));
    const before = errors.length;
    const err = (c: Column, code: RowCode, params?: RowParams) =>
      errors.push(techContractRowError(row, cols.index[c] === undefined ? COLUMNS[c].zh : table.headers[cols.index[c]], text(c), code, params));
    const title = text('title');
    if (title === '') err('title', 'TC_ROW_TITLE_EMPTY');
    else if (title.length > 300) err('title', 'TC_ROW_TOO_LONG', { label: { zh: '合同名称', en: 'The title' }, max: 300 });
    const type = TYPES.get(norm(text('type')));
    if (!type) err('type', 'TC_ROW_TYPE_UNKNOWN');
    const signedOn = parseDate(at('signedOn'));
    if (!signedOn) err('signedOn', signedOn === null ? 'TC_ROW_DATE_EMPTY' : 'TC_ROW_DATE_INVALID', { label: SIGNED_ON });
    let subtype = text('subtype') === '' ? undefined : SUBTYPES.get(norm(text('subtype')));
    if (text('subtype') !== '' && !subtype) err('subtype', 'TC_ROW_SUBTYPE_UNKNOWN', { value: text('subtype') });
    if (type && signedOn && text('subtype') === '') subtype = (typeRegimeOf(signedOn).types[type] ?? REGIMES[1].types[type])![0];
    const field = FIELDS.get(norm(text('field')));
    if (!field) err('field', 'TC_ROW_FIELD_UNKNOWN', { value: text('field') });
    const party = (side: 'seller' | 'buyer'): StoredParty | null => {
      const [nameC, usccC, locC, regionC] = [`${side}Name`, `${side}Uscc`, `${side}Location`, `${side}Region`] as Column[];
      const name = text(nameC);
      if (name === '') err(nameC, 'TC_ROW_NAME_EMPTY', { side: SIDES[side] });
      else if (name.length > 200) err(nameC, 'TC_ROW_TOO_LONG', { label: { zh: '名称', en: 'The name' }, max: 200 });
      const regionText = text(regionC);
      const locText = text(locC);
      const location = locText === '' ? (regionText ? 'district' : text(usccC) ? 'domestic' : 'abroad') : LOCATIONS.get(norm(locText));
      if (!location) err(locC, 'TC_ROW_LOCATION_UNKNOWN');
      let regionCode: string | null = null;
      if (location === 'district' && regionText !== '') {
        const town = towns.get(regionText.toUpperCase()) ?? towns.get(regionText);
        if (!town) err(regionC, 'TC_REGION_UNKNOWN', { region: regionText });
        else regionCode = town.code;
      }
      const uscc = text(usccC).toUpperCase();
      return name && location ? { name, uscc: uscc || null, location, regionCode, enterpriseId: null } : null;
    };
    const seller = party('seller');
    const buyer = party('buyer');
    const amount = (c: Column): number | null => {
      const v = parseAmount(at(c), cols.factor[c] ?? 1);
      if (v !== null && typeof v === 'object') {
        err(c, v.code, v.params);
        return null;
      }
      return v;
    };
    const contractAmount = amount('contractAmount');
    if (contractAmount === null && text('contractAmount') === '') err('contractAmount', 'TC_ROW_AMOUNT_EMPTY');
    const techAmount = amount('techAmount');
    const nonTechnical = amount('nonTechnical');
    const registeredOn = parseDate(at('registeredOn'));
    if (registeredOn === undefined) err('registeredOn', 'TC_ROW_DATE_INVALID', { label: REGISTERED_ON });
    else if (registeredOn && registeredOn > input.today) err('registeredOn', 'TC_ROW_REGISTERED_IN_FUTURE');
    const registrationNo = text('registrationNo') || null;
    if (registrationNo && !registeredOn) err('registeredOn', 'TC_ROW_REGISTRATION_DATE_MISSING');
    if (registrationNo) {
      const first = numbers.get(registrationNo);
      if (first !== undefined) err('registrationNo', 'TC_ROW_REGISTRATION_NO_REPEATED', { first });
      else numbers.set(registrationNo, row);
    }
    if (errors.length > before || !type || !subtype || !signedOn || !field || !seller || !buyer || contractAmount === null) continue;
    const items: NonTechnicalItem[] = nonTechnical ? [{ kind: 'other', name: '非技术性费用', amount: nonTechnical, quantity: null, carrier: false }] : [];
    const issues = contractIssues({ type, subtype, signedOn, seller, buyer, contractAmount, techAmount, items }, input.today);
    for (const i of issues) err(ISSUE_COLUMN[i.field] ?? 'contractAmount', i.code as RowCode, i.params);
    if (!(seller.location === 'district' || (seller.location === 'abroad' && buyer.location === 'district'))) err('sellerLocation', 'TC_SELLER_ELSEWHERE');
    if (errors.length > before) continue;
    planned.push({
      row,
      registrationNo,
      registeredOn: registeredOn ?? null,
      record: {
        title,
        contractNo: text('contractNo') || null,
        type: normaliseType(type, subtype),
        subtype,
        rulesVersion: typeRegimeOf(signedOn).version,
        signedOn,
        seller,
        buyer,
        contractAmount,
        techAmount: techAmount ?? technicalAmount(contractAmount, items),
        items,
        field,
        chainTag: text('chainTag') || null,
      },
    });
  }
  if (numbers.size > 0) {
    const taken = await io.db.query<{ no: string }>('select registration_no as no from tech_contracts where registration_no = any($1::text[])', [
      [...numbers.keys()],
    ]);
    for (const { no } of taken) {
      const row = numbers.get(no)!;
      errors.push(techContractRowError(row, table.headers[cols.index.registrationNo!], no, 'TC_REGISTRATION_NO_TAKEN', { no }));
    }
  }
  return { rows: errors.length > 0 ? [] : planned, rowCount: table.rows.length, errors };
}

async function writeImport(tx: YieldingDb, actor: Actor, district: string, fileName: string, runId: number, planned: Planned[]) {
  const today = bureauToday();
  const years = new Set<number>();
  let registered = 0;
  for (const p of planned) {
    const clock = registrationDeadline(p.registeredOn ?? today, p.record.techAmount);
    let registrationNo = p.registrationNo;
    if (p.registeredOn) {
      registrationNo ??= await nextRegistrationNo(tx, district, Number(p.registeredOn.slice(0, 4)));
      years.add(Number(p.registeredOn.slice(0, 4)));
      registered++;
    }
    const id = await insertContract(tx, p.record, {
      status: p.registeredOn ? 'registered' : 'submitted',
      submittedOn: p.registeredOn ?? today,
      deadline: clock.deadline,
      isLarge: clock.large,
      createdBy: actor.id,
      registrationNo,
      registeredOn: p.registeredOn,
      clerkId: p.registeredOn ? actor.id : null,
      importRunId: runId,
    });
    await addHistory(tx, id, actor, { action: 'import', after: { file: fileName, row: p.row, registrationNo } });
  }
  await audit(tx, actor, {
    action: 'techContract.import',
    entity: 'techContract',
    regionCode: district,
    after: { file: fileName, importRunId: runId, rows: planned.length, registered },
  });
  if (years.size > 0) await writeTransactionActuals(tx, actor, district, [...years]);
  await bumpVersion(tx, TECH_CONTRACTS_ROOM);
  return { inserted: planned.length, updated: 0, unchanged: 0, registered, years: [...years].sort() };
}

export async function importContracts(db: Db, actor: Actor, district: string, file: Upload): Promise<ImportResult> {
  const fileName = file.name;
  const r = await runImport(db, {
    kind: TC_RUN_KIND,
    file,
    runner: actor,
    check: { module: import.meta.url, name: 'checkContractTable', input: { district, today: bureauToday() } satisfies CheckInput },
    write: (tx, run, checked: ParseJobResult<Planned, Checked>) => writeImport(tx, actor, district, fileName, run.id, checked.rows),
  });
  return { importRunId: r.importRunId, rows: r.inserted, inserted: r.inserted, registered: r.registered, years: r.years };
}
