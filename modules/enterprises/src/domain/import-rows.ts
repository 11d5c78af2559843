/**
 * One row of a registry import, checked (pure: regions, chains, fields and today's date come in
 * through the context). Every problem is a row error naming the row as the spreadsheet shows it, the
 * column as the file heads it, the value and the reason in Chinese. What a row does not say (an
 * empty cell, a column the file lacks) is null: the import keeps what the registry already holds.
 */
import type { ImportRowError, RowParams } from '@kechuang/platform-core';
import { QUALIFICATION_KINDS, TIER_LABELS, type QualificationKind } from './tier.ts';
import { foundedOnProblem, usccProblem, yearFigureChecks, type YearFigureValues } from './validate.ts';
import { validateUscc } from './uscc.ts';
import { cellReasonCode, enterpriseRowError, figureLabel, type EnterpriseRowErrorCode } from './import-row-errors.ts';
import { AMOUNT_FIELDS, COUNT_FIELDS, FLAG_FIELDS, type AmountField, type CountField, type FlagField, type MoneyUnit } from './import-columns.ts';
import { cellText, isMoneyUnitText, parseAmount, parseCount, parseDate, parseYesNo, type CellValue } from './import-cells.ts';

export * from './import-columns.ts';
export * from './import-cells.ts';
export * from './import-row-errors.ts';

export type RowError = ImportRowError;

export interface RowContext {
  /** YYYY-MM-DD, the bureau's calendar day */
  today: string;
  /** the column as the file heads it (or the template's name when the file lacks it) */
  columnName: (field: string) => string;
  /** the money unit the file's header gives a column, if any */
  headerUnit: (field: string) => MoneyUnit | undefined;
  /** a town, park or district by name or GB/T 2260 code; undefined when there is none such */
  region: (text: string) => { code: string; name: string; inScope: boolean } | undefined;
  /** an industry chain's code, by its name or code */
  chain: (text: string) => string | undefined;
  /** an HNTE field's code, by its Chinese label or code */
  hnteField: (text: string) => string | undefined;
  /** USCCs already checked in this file */
  usccMemo?: Map<string, { uscc: string; message: string | null }>;
}

/** A row's cell by field (undefined when the file has no such column). */
export type Get = (field: string) => CellValue;

export interface Row<T> {
  /** the USCC when it is valid, for finding duplicates whatever else is wrong with the row */
  uscc: string | null;
  value: T | null;
  errors: RowError[];
}

/** One row's checks (methods rather than closures made per row: an import reads 100,000 rows). */
class RowChecker {
  readonly errors: RowError[] = [];
  constructor(
    readonly row: number,
    readonly get: Get,
    readonly ctx: RowContext,
  ) {}

  fail(field: string, value: string, code: EnterpriseRowErrorCode, params?: RowParams): void {
    this.errors.push(enterpriseRowError(this.row, this.ctx.columnName(field), value, code, params));
  }

  /** a cell reader's reason (import-cells.ts) as its code */
  failCell(field: string, value: string, reason: string): void {
    const c = cellReasonCode(reason);
    this.fail(field, value, c.code, c.params);
  }

  text(field: string, max: number): string | null {
    const t = cellText(this.get(field));
    if (t === '') return null;
    if (t.length > max) this.fail(field, t, 'ENT_ROW_TOO_LONG', { max });
    return t;
  }

  uscc(): string | null {
    const raw = this.get('uscc');
    if (typeof raw === 'number') {
      this.fail('uscc', cellText(raw), 'ENT_ROW_USCC_NUMBER');
      return null;
    }
    const t = cellText(raw);
    if (t === '') {
      this.fail('uscc', '', 'ENT_ROW_USCC_EMPTY');
      return null;
    }
    // a years file names each enterprise once a year: check each code once
    let p = this.ctx.usccMemo?.get(t);
    if (!p) {
      p = usccProblem(t);
      this.ctx.usccMemo?.set(t, p);
    }
    if (p.message) this.usccFailed(t);
    return p.message ? null : p.uscc;
  }

  /** a USCC usccProblem refused, by what is wrong with it */
  usccFailed(t: string): void {
    const v = validateUscc(t);
    if (v.problem === 'length') this.fail('uscc', t, 'ENT_ROW_USCC_LENGTH', { length: v.uscc.length });
    else if (v.problem === 'character') this.fail('uscc', t, 'ENT_ROW_USCC_CHARACTER');
    else if (v.problem === 'region') this.fail('uscc', t, 'ENT_ROW_USCC_REGION');
    else this.fail('uscc', t, 'ENT_ROW_USCC_CHECK', { expected: v.expected ?? '' });
  }

  date(field: string, required: boolean): string | null {
    const v = this.get(field);
    if (cellText(v) === '') {
      if (required) this.fail(field, '', 'ENT_ROW_DATE_EMPTY');
      return null;
    }
    const d = parseDate(v);
    if (!d.ok) this.failCell(field, cellText(v), d.reason);
    return d.ok ? d.value : null;
  }

  yesNo(field: string): boolean | null {
    const v = this.get(field);
    if (cellText(v) === '') return null;
    const p = parseYesNo(v);
    if (!p.ok) this.failCell(field, cellText(v), p.reason);
    return p.ok ? p.value : null;
  }
}

// ———————————————————————————————————————— 企业名录

export interface EnterpriseRow {
  row: number;
  uscc: string;
  name: string;
  regionCode: string;
  address: string | null;
  foundedOn: string | null;
  /** whole yuan */
  registeredCapital: string | null;
  industryCode: string | null;
  hnteField: string | null;
  chainTags: string[] | null;
  isAboveScale: boolean | null;
  isListed: boolean | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

export function parseEnterpriseRow(row: number, get: Get, ctx: RowContext): Row<EnterpriseRow> {
  const c = new RowChecker(row, get, ctx);
  const { errors } = c;
  const fail = c.fail.bind(c);
  const uscc = c.uscc();
  const name = c.text('name', 200);
  if (name === null) fail('name', '', 'ENT_ROW_NAME_EMPTY');

  const townText = cellText(get('town'));
  const region = townText === '' ? undefined : ctx.region(townText);
  if (townText === '') fail('town', '', 'ENT_ROW_TOWN_EMPTY');
  else if (!region) fail('town', townText, 'ENT_ROW_TOWN_UNKNOWN', { town: townText });
  else if (!region.inScope) fail('town', townText, 'ENT_ROW_TOWN_OUT_OF_SCOPE', { town: region.name });

  const foundedOn = c.date('foundedOn', false);
  const founded = foundedOnProblem(foundedOn, ctx.today);
  if (founded && foundedOn !== null)
    fail('foundedOn', foundedOn, Number.isNaN(Date.parse(foundedOn)) ? 'ENT_ROW_FOUNDED_INVALID' : 'ENT_ROW_FOUNDED_FUTURE', { date: foundedOn });

  let registeredCapital: string | null = null;
  const capital = get('registeredCapital');
  if (cellText(capital) !== '') {
    const a = parseAmount(capital, ctx.headerUnit('registeredCapital') ?? '万元');
    if (!a.ok) c.failCell('registeredCapital', cellText(capital), a.reason);
    else if (a.value.startsWith('-')) fail('registeredCapital', cellText(capital), 'ENT_ROW_CAPITAL_NEGATIVE');
    else registeredCapital = a.value;
  }

  let industryCode = c.text('industryCode', 10);
  if (industryCode !== null) {
    industryCode = industryCode.toUpperCase();
    if (!/^[A-T](\d{2,4})?$/.test(industryCode)) fail('industryCode', industryCode, 'ENT_ROW_INDUSTRY_CODE');
  }

  const fieldText = cellText(get('hnteField'));
  const hnteField = fieldText === '' ? null : (ctx.hnteField(fieldText) ?? null);
  if (fieldText !== '' && hnteField === null) fail('hnteField', fieldText, 'ENT_ROW_HNTE_FIELD');

  let chainTags: string[] | null = null;
  const chainText = cellText(get('chains'));
  if (chainText !== '') {
    chainTags = [];
    for (const part of chainText
      .split(/[、,，;；/]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const code = ctx.chain(part);
      if (!code) fail('chains', chainText, 'ENT_ROW_CHAIN_UNKNOWN', { chain: part });
      else if (!chainTags.includes(code)) chainTags.push(code);
    }
  }

  const isAboveScale = c.yesNo('isAboveScale');
  const isListed = c.yesNo('isListed');
  const contactName = c.text('contactName', 50);
  const contactPhone = c.text('contactPhone', 50);
  const contactEmail = c.text('contactEmail', 100);
  if (contactEmail !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contactEmail)) fail('contactEmail', contactEmail, 'ENT_ROW_EMAIL');
  const address = c.text('address', 300);

  if (errors.length > 0 || uscc === null || name === null || !region) return { uscc, value: null, errors };
  return {
    uscc,
    errors,
    value: {
      row,
      uscc,
      name,
      regionCode: region.code,
      address,
      foundedOn,
      registeredCapital,
      industryCode,
      hnteField,
      chainTags,
      isAboveScale,
      isListed,
      contactName,
      contactPhone,
      contactEmail,
    },
  };
}

// ———————————————————————————————————————— 年度数据

export interface YearRow {
  row: number;
  uscc: string;
  year: number;
  /** whole yuan, as decimal text; null: keep what the registry holds */
  amounts: Record<AmountField, string | null>;
  counts: Record<CountField, number | null>;
  /** yes/no; null: keep what the registry holds */
  flags: Record<FlagField, boolean | null>;
}

export const EARLIEST_YEAR = 1990;
const num = (a: string | null) => (a === null ? null : Number(a));

export function parseYearRow(row: number, get: Get, ctx: RowContext): Row<YearRow> {
  const c = new RowChecker(row, get, ctx);
  const { errors } = c;
  const fail = c.fail.bind(c);
  const uscc = c.uscc();

  const yearText = cellText(get('year')).replace(/年(度)?$/, '');
  const latest = Number(ctx.today.slice(0, 4));
  let year: number | null = null;
  if (yearText === '') fail('year', '', 'ENT_ROW_YEAR_EMPTY');
  else if (!/^\d{4}$/.test(yearText)) fail('year', yearText, 'ENT_ROW_YEAR_FORMAT');
  else if (Number(yearText) < EARLIEST_YEAR || Number(yearText) > latest) fail('year', yearText, 'ENT_ROW_YEAR_RANGE', { from: EARLIEST_YEAR, to: latest });
  else year = Number(yearText);

  // a unit in the cell (12.5万元) comes first, then one in the column's header (营业收入（万元）), then the row's 金额单位
  const unitText = cellText(get('amountUnit'));
  let rowUnit: MoneyUnit | undefined;
  if (unitText !== '') {
    if (isMoneyUnitText(unitText)) rowUnit = unitText;
    else fail('amountUnit', unitText, 'ENT_ROW_AMOUNT_UNIT');
  }
  const amounts: Record<AmountField, string | null> = {
    revenue: null,
    totalIncome: null,
    highTechRevenue: null,
    rdExpense: null,
    rdExpenseDomestic: null,
    totalCost: null,
    totalAssets: null,
    netAssets: null,
  };
  for (const f of AMOUNT_FIELDS) {
    const v = get(f);
    if (v === undefined || v === null || v === '') continue;
    const a = parseAmount(v, ctx.headerUnit(f) ?? rowUnit ?? '元');
    if (a.ok) amounts[f] = a.value;
    else if (cellText(v) !== '') c.failCell(f, cellText(v), a.reason);
  }
  const counts: Record<CountField, number | null> = { employees: null, sciTechStaff: null, conversions: null };
  for (const f of COUNT_FIELDS) {
    const v = get(f);
    if (v === undefined || v === null || v === '') continue;
    const n = parseCount(v);
    if (n.ok) counts[f] = n.value;
    else if (cellText(v) !== '') c.failCell(f, cellText(v), n.reason);
  }
  const flags: Record<FlagField, boolean | null> = { resident: null, industryExcluded: null, restrictedCatalogue: null, dishonestyListed: null };
  for (const f of FLAG_FIELDS) flags[f] = c.yesNo(f);

  const figures: YearFigureValues = {
    revenue: num(amounts.revenue),
    totalIncome: num(amounts.totalIncome),
    highTechRevenue: num(amounts.highTechRevenue),
    rdExpense: num(amounts.rdExpense),
    rdExpenseDomestic: num(amounts.rdExpenseDomestic),
    totalCost: num(amounts.totalCost),
    totalAssets: num(amounts.totalAssets),
    ...counts,
  };
  for (const p of yearFigureChecks(figures)) {
    const value = String((p.field in amounts ? amounts[p.field as AmountField] : counts[p.field as CountField]) ?? '');
    if (p.kind === 'more') fail(p.field, value, 'ENT_ROW_FIGURE_MORE', { small: figureLabel(p.label), a: p.a!, big: figureLabel(p.big!), b: p.b! });
    else fail(p.field, value, p.kind === 'negative' ? 'ENT_ROW_FIGURE_NEGATIVE' : 'ENT_ROW_FIGURE_NOT_WHOLE', { label: figureLabel(p.label) });
  }

  if (errors.length > 0 || uscc === null || year === null) return { uscc, value: null, errors };
  return { uscc, errors, value: { row, uscc, year, amounts, counts, flags } };
}

// ———————————————————————————————————————— 资质名单

export interface QualificationRow {
  row: number;
  uscc: string;
  /** the name the list gives, to check against the registry */
  name: string | null;
  kind: QualificationKind;
  certificateNo: string;
  issuedOn: string;
  /** null: the default validity of the kind (defaultValidUntil) */
  validUntil: string | null;
}

const KIND_NAMES = new Map<string, QualificationKind>([
  ...QUALIFICATION_KINDS.map((k) => [k.toLowerCase(), k] as const),
  ...QUALIFICATION_KINDS.map((k) => [TIER_LABELS[k], k] as const),
  ['高企', 'hnte'],
  ['国家高新技术企业', 'hnte'],
  ['科技型中小企业入库', 'techSme'],
  ['科小', 'techSme'],
  ['科技小巨人企业', 'techLittleGiant'],
  ['小巨人', 'techLittleGiant'],
  ['省科技小巨人', 'techLittleGiant'],
  ['创新型领军企业', 'techLeader'],
  ['领军企业', 'techLeader'],
]);

export function parseQualificationRow(row: number, get: Get, ctx: RowContext): Row<QualificationRow> {
  const c = new RowChecker(row, get, ctx);
  const { errors } = c;
  const fail = c.fail.bind(c);
  const uscc = c.uscc();
  const name = c.text('name', 200);
  const kindText = cellText(get('kind'));
  const kind = KIND_NAMES.get(kindText) ?? KIND_NAMES.get(kindText.toLowerCase());
  if (kindText === '') fail('kind', '', 'ENT_ROW_KIND_EMPTY');
  else if (!kind) fail('kind', kindText, 'ENT_ROW_KIND_UNKNOWN');
  const certificateNo = c.text('certificateNo', 64);
  if (certificateNo === null) fail('certificateNo', '', 'ENT_ROW_CERTIFICATE_EMPTY');
  const issuedOn = c.date('issuedOn', true);
  if (issuedOn !== null && issuedOn > ctx.today) fail('issuedOn', issuedOn, 'ENT_ROW_ISSUED_FUTURE', { date: issuedOn });
  const validUntil = c.date('validUntil', false);
  if (issuedOn !== null && validUntil !== null && validUntil < issuedOn) fail('validUntil', validUntil, 'ENT_ROW_VALID_BEFORE_ISSUE', { validUntil, issuedOn });

  if (errors.length > 0 || uscc === null || !kind || certificateNo === null || issuedOn === null) return { uscc, value: null, errors };
  return { uscc, errors, value: { row, uscc, name, kind, certificateNo, issuedOn, validUntil } };
}

/** Names compared as people read them: full- and half-width brackets alike, no spaces. */
export const sameName = (a: string, b: string): boolean => normaliseName(a) === normaliseName(b);
const normaliseName = (s: string) =>
  s
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
