/**
 * A contract's two amounts and its checks, pure (no database, no zod): the server's routes and import and the
 * web form share them.
 * - 合同成交额 (contractAmount): the contract's total.
 * - 技术交易额 (techAmount): the total less the itemised non-technical parts (purchased equipment, instruments,
 *   parts, raw materials); the subject's carriers in reasonable quantity (normally 1–2 sets of equipment, the
 *   technical documents, media, strains needed to master the technology) are not deducted. Never above the total.
 * Every problem is an issue: the room's error code, the field it names, the values its message fills.
 */
// the USCC check alone: the registry's domain index would bring zod (its input schemas) into the web bundle
import { validateUscc } from '@kechuang/enterprises/uscc';
import { subtypeAllowed, typeRegimeOf, type TechContractSubtype, type TechContractType } from './rules.ts';

export const ITEM_KINDS = ['equipment', 'materials', 'parts', 'other'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = { equipment: '设备仪器', materials: '原材料', parts: '零部件', other: '其他非技术性费用' };

/** one itemised non-technical part of the contract; `carrier`: the subject's carrier, not deducted */
export interface NonTechnicalItem {
  kind: ItemKind;
  name: string;
  amount: number;
  /** sets (台/套) of equipment, for the carrier rule */
  quantity?: number | null;
  carrier: boolean;
}

/** the usual most sets of equipment kept in the technical amount as the subject's carrier */
export const CARRIER_SETS_USUAL = 2;

export const PARTY_LOCATIONS = ['district', 'domestic', 'abroad'] as const;
export type PartyLocation = (typeof PARTY_LOCATIONS)[number];
export const LOCATION_LABELS: Record<PartyLocation, string> = { district: '本区', domestic: '区外（境内）', abroad: '境外' };

export interface Party {
  name: string;
  uscc?: string | null;
  location: PartyLocation;
  regionCode?: string | null;
}

/** Amount units the API and the import accept: 元 and 万元, by their usual spellings. */
const UNITS = new Map<string, number>([
  ['元', 1],
  ['yuan', 1],
  ['cny', 1],
  ['rmb', 1],
  ['人民币元', 1],
  ['万元', 10_000],
  ['万', 10_000],
  ['wan', 10_000],
  ['10kyuan', 10_000],
  ['tenthousandyuan', 10_000],
]);

/** yuan per unit, or null for a unit the platform does not know */
export function unitFactor(unit: string | null | undefined): number | null {
  if (unit === undefined || unit === null || unit.trim() === '') return 1;
  return UNITS.get(unit.replace(/[\s\u3000]+/g, '').toLowerCase()) ?? null;
}

/** yuan to two decimals */
export const toYuan = (amount: number, factor: number): number => Math.round(amount * factor * 100) / 100;

/** What is deducted from the total: every non-technical part except the subject's carriers. */
export function deductible(items: readonly NonTechnicalItem[]): number {
  return Math.round(items.filter((i) => !i.carrier).reduce((s, i) => s + i.amount, 0) * 100) / 100;
}

/** 技术交易额 = 合同成交额 − the deductible non-technical parts, never below 0 nor above the total. */
export function technicalAmount(total: number, items: readonly NonTechnicalItem[]): number {
  return Math.min(total, Math.max(0, Math.round((total - deductible(items)) * 100) / 100));
}

export interface Issue {
  code: string;
  field: string;
  params?: Record<string, string | number>;
}

export interface ContractInput {
  type: TechContractType;
  subtype: TechContractSubtype;
  signedOn: string;
  seller: Party;
  buyer: Party;
  contractAmount: number;
  /** as written in the contract; computed from the items when absent */
  techAmount?: number | null;
  items: readonly NonTechnicalItem[];
}

function partyIssues(p: Party, side: 'seller' | 'buyer', out: Issue[]): void {
  if (p.location === 'district' && !p.regionCode) out.push({ code: 'TC_REGION_REQUIRED', field: `${side}.regionCode` });
  if (p.uscc) {
    const { problem } = validateUscc(p.uscc);
    if (problem) out.push({ code: 'TC_USCC_INVALID', field: `${side}.uscc`, params: { uscc: p.uscc } });
  } else if (p.location !== 'abroad') out.push({ code: 'TC_USCC_REQUIRED', field: `${side}.uscc` });
}

const norm = (s: string) => s.replace(/[\s\u3000（）()]/g, '').toLowerCase();

/** Every problem of a contract, in field order; none: it may be stored. `today` bounds the signing date. */
export function contractIssues(c: ContractInput, today: string): Issue[] {
  const out: Issue[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.signedOn) || Number.isNaN(Date.parse(c.signedOn))) out.push({ code: 'TC_DATE_INVALID', field: 'signedOn' });
  else if (c.signedOn > today) out.push({ code: 'TC_SIGNED_IN_FUTURE', field: 'signedOn', params: { date: c.signedOn } });
  else {
    const regime = typeRegimeOf(c.signedOn);
    if (!subtypeAllowed(regime, c.type, c.subtype)) out.push({ code: 'TC_SUBTYPE_MISMATCH', field: 'subtype', params: { version: regime.version } });
  }
  partyIssues(c.seller, 'seller', out);
  partyIssues(c.buyer, 'buyer', out);
  const sameUscc = !!c.seller.uscc && !!c.buyer.uscc && c.seller.uscc.trim().toUpperCase() === c.buyer.uscc.trim().toUpperCase();
  if (sameUscc || norm(c.seller.name) === norm(c.buyer.name)) out.push({ code: 'TC_PARTIES_SAME', field: sameUscc ? 'buyer.uscc' : 'buyer.name' });
  if (!(c.contractAmount >= 0)) out.push({ code: 'TC_AMOUNT_NEGATIVE', field: 'contractAmount' });
  c.items.forEach((item, i) => {
    if (!(item.amount >= 0)) out.push({ code: 'TC_AMOUNT_NEGATIVE', field: `items.${i}.amount` });
  });
  const items = c.items.filter((i) => i.amount >= 0);
  if (c.contractAmount >= 0 && deductible(items) > c.contractAmount) out.push({ code: 'TC_ITEMS_EXCEED_TOTAL', field: 'items' });
  if (c.techAmount !== undefined && c.techAmount !== null) {
    if (!(c.techAmount >= 0)) out.push({ code: 'TC_AMOUNT_NEGATIVE', field: 'techAmount' });
    else if (c.contractAmount >= 0 && c.techAmount > c.contractAmount) out.push({ code: 'TC_TECH_EXCEEDS_TOTAL', field: 'techAmount' });
  }
  return out;
}

/** A warning, not a refusal: more carrier sets kept in the technical amount than usual (the clerk decides). */
export function carrierSetsUnusual(items: readonly NonTechnicalItem[]): boolean {
  const sets = items.filter((i) => i.carrier && i.kind === 'equipment').reduce((s, i) => s + (i.quantity ?? 1), 0);
  return sets > CARRIER_SETS_USUAL;
}
