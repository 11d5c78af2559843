/**
 * The room's reads and writes of its tables (migrations/0018): contracts as the API shapes them, the list with
 * its filters and scope, the history and the instalments. Who may see a contract (`visibility`):
 * - a region account (bureau, leader, town officer): contracts whose seller or buyer is in its region subtree;
 * - an enterprise account: contracts its enterprise is a party to (by registry id, or by its USCC when the
 *   contract came from an import and names the party by USCC only).
 */
import { bureauToday } from '@kechuang/platform-core';
import { likePattern, limitOffset, orderBy, whereClause, type Db } from '@kechuang/platform-server';
import type { ContractQuery, TechContract } from '../contract/tech-contracts.ts';
import { deadlineClock, type NonTechnicalItem, type PartyLocation } from '../domain/index.ts';

/** whose contracts a user sees */
export type Visibility = { kind: 'region'; path: string } | { kind: 'enterprise'; enterpriseId: number; uscc: string | null };

export interface StoredParty {
  name: string;
  uscc: string | null;
  location: PartyLocation;
  regionCode: string | null;
  enterpriseId: number | null;
}

/** what is written for a contract (amounts in yuan) */
export interface ContractRecord {
  title: string;
  contractNo: string | null;
  type: string;
  subtype: string;
  rulesVersion: string;
  signedOn: string;
  seller: StoredParty;
  buyer: StoredParty;
  contractAmount: number;
  techAmount: number;
  items: NonTechnicalItem[];
  field: string;
  chainTag: string | null;
}

export const SELECT = `
  select c.id::int as id, c.registration_no as "registrationNo", c.contract_no as "contractNo", c.title, c.type, c.subtype,
    c.rules_version as "rulesVersion", c.signed_on::text as "signedOn",
    c.seller_name as "sellerName", c.seller_uscc as "sellerUscc", c.seller_location as "sellerLocation", c.seller_region_code as "sellerRegionCode",
    sr.name as "sellerRegionName", c.seller_enterprise_id::int as "sellerEnterpriseId",
    c.buyer_name as "buyerName", c.buyer_uscc as "buyerUscc", c.buyer_location as "buyerLocation", c.buyer_region_code as "buyerRegionCode",
    br.name as "buyerRegionName", c.buyer_enterprise_id::int as "buyerEnterpriseId",
    c.contract_amount::float8 as "contractAmount", c.tech_amount::float8 as "techAmount", c.non_technical as items, c.field, c.chain_tag as "chainTag",
    c.status, c.refusal_ground as "refusalGround", c.status_note as "statusNote", c.submitted_on::text as "submittedOn",
    c.registered_on::text as "registeredOn", c.deadline::text as deadline, c.is_large as "isLarge",
    cu.display_name as "clerkName", bu.display_name as "createdByName",
    coalesce((select sum(i.amount) from tech_contract_instalments i where i.contract_id = c.id), 0)::float8 as "receivedTotal",
    c.is_synthetic as "isSynthetic", c.updated_at as "updatedAt"
  from tech_contracts c
  left join regions sr on sr.code = c.seller_region_code
  left join regions br on br.code = c.buyer_region_code
  left join users cu on cu.id = c.clerk_id
  left join users bu on bu.id = c.created_by`;

export interface Row {
  id: number;
  registrationNo: string | null;
  contractNo: string | null;
  title: string;
  type: TechContract['type'];
  subtype: TechContract['subtype'];
  rulesVersion: TechContract['rulesVersion'];
  signedOn: string;
  sellerName: string;
  sellerUscc: string | null;
  sellerLocation: PartyLocation;
  sellerRegionCode: string | null;
  sellerRegionName: string | null;
  sellerEnterpriseId: number | null;
  buyerName: string;
  buyerUscc: string | null;
  buyerLocation: PartyLocation;
  buyerRegionCode: string | null;
  buyerRegionName: string | null;
  buyerEnterpriseId: number | null;
  contractAmount: number;
  techAmount: number;
  items: (NonTechnicalItem & { quantity?: number | null })[] | string;
  field: TechContract['field'];
  chainTag: string | null;
  status: TechContract['status'];
  refusalGround: TechContract['refusalGround'];
  statusNote: string | null;
  submittedOn: string;
  registeredOn: string | null;
  deadline: string;
  isLarge: boolean;
  clerkName: string | null;
  createdByName: string | null;
  receivedTotal: number;
  isSynthetic: boolean;
  updatedAt: string | Date;
}

export function toContract(r: Row, today = bureauToday()): TechContract {
  const items = typeof r.items === 'string' ? (JSON.parse(r.items) as NonTechnicalItem[]) : r.items;
  const clock = r.status === 'submitted' ? deadlineClock(r.deadline, today) : null;
  return {
    id: r.id,
    registrationNo: r.registrationNo,
    contractNo: r.contractNo,
    title: r.title,
    type: r.type,
    subtype: r.subtype,
    rulesVersion: r.rulesVersion,
    signedOn: r.signedOn,
    seller: {
      name: r.sellerName,
      uscc: r.sellerUscc,
      location: r.sellerLocation,
      regionCode: r.sellerRegionCode,
      regionName: r.sellerRegionName,
      enterpriseId: r.sellerEnterpriseId,
    },
    buyer: {
      name: r.buyerName,
      uscc: r.buyerUscc,
      location: r.buyerLocation,
      regionCode: r.buyerRegionCode,
      regionName: r.buyerRegionName,
      enterpriseId: r.buyerEnterpriseId,
    },
    contractAmount: r.contractAmount,
    techAmount: r.techAmount,
    items: items.map((i) => ({ kind: i.kind, name: i.name, amount: i.amount, quantity: i.quantity ?? null, carrier: !!i.carrier })),
    field: r.field,
    chainTag: r.chainTag,
    status: r.status,
    refusalGround: r.refusalGround,
    statusNote: r.statusNote,
    submittedOn: r.submittedOn,
    registeredOn: r.registeredOn,
    deadline: r.deadline,
    daysLeft: clock?.daysLeft ?? null,
    overdue: clock?.overdue ?? false,
    isLarge: r.isLarge,
    clerkName: r.clerkName,
    createdByName: r.createdByName,
    receivedTotal: r.receivedTotal,
    isSynthetic: r.isSynthetic,
    updatedAt: r.updatedAt instanceof Date ? r.updatedAt.toISOString() : String(r.updatedAt),
  };
}

/** the visibility condition on `c`, `sr`, `br` (see SELECT) */
function addVisibility(where: ReturnType<typeof whereClause>, v: Visibility): void {
  if (v.kind === 'region') where.add(`(sr.path like ? or br.path like ?)`, `${v.path}%`);
  // a party by registry id or by USCC (an id's digits never equal an 18-character USCC)
  else
    where.add(`array[c.seller_enterprise_id::text, c.buyer_enterprise_id::text, c.seller_uscc, c.buyer_uscc] && ?::text[]`, [
      String(v.enterpriseId),
      ...(v.uscc ? [v.uscc] : []),
    ]);
}

/** the year a contract counts in: its registration year once registered, else its signing year */
export const YEAR_OF = `extract(year from coalesce(c.registered_on, c.signed_on))::int`;

type Filters = Omit<ContractQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

function filtered(v: Visibility, q: Filters, today: string) {
  const where = whereClause();
  addVisibility(where, v);
  if (q.status) where.add('c.status = ?', q.status);
  if (q.type) where.add('c.type = ?', q.type);
  if (q.field) where.add('c.field = ?', q.field);
  if (q.year) where.add(`${YEAR_OF} = ?`, q.year);
  if (q.regionCode) where.add('(sr.path like ? or br.path like ?)', `%/${q.regionCode}/%`);
  if (q.direction === 'exported') where.add(`c.seller_location = ?`, 'district');
  if (q.direction === 'absorbed') where.add(`c.buyer_location = ?`, 'district');
  if (q.overdue !== undefined) where.add(`(c.status = 'submitted' and c.deadline < ?::date) = ${q.overdue ? 'true' : 'false'}`, today);
  if (q.q) where.add('(c.title ilike ? or c.seller_name ilike ? or c.buyer_name ilike ? or c.registration_no ilike ?)', likePattern(q.q));
  return where;
}

const SORTABLE = {
  signedOn: 'c.signed_on',
  deadline: 'c.deadline',
  contractAmount: 'c.contract_amount',
  techAmount: 'c.tech_amount',
  registeredOn: 'c.registered_on',
  submittedOn: 'c.submitted_on',
};

export async function listContracts(db: Db, v: Visibility, q: ContractQuery): Promise<{ items: TechContract[]; total: number }> {
  const today = bureauToday();
  const where = filtered(v, q, today);
  // waiting work first (the clock), then the newest
  const order = orderBy(q, SORTABLE, `(c.status = 'submitted') desc, case when c.status = 'submitted' then c.deadline end, c.submitted_on desc, c.id desc`);
  const rows = await db.query<Row>(`${SELECT} ${where.sql} ${order} ${limitOffset(q)}`, where.params);
  const [{ n }] = await db.query<{ n: number }>(
    `select count(*)::int as n from tech_contracts c left join regions sr on sr.code = c.seller_region_code left join regions br on br.code = c.buyer_region_code ${where.sql}`,
    where.params,
  );
  return { items: rows.map((r) => toContract(r, today)), total: n };
}

/** every contract the filters select, for the export (at most `max`) */
export async function allContracts(db: Db, v: Visibility, q: Filters, max: number): Promise<TechContract[]> {
  const today = bureauToday();
  const where = filtered(v, q, today);
  const rows = await db.query<Row>(`${SELECT} ${where.sql} order by c.signed_on, c.id limit ${max}`, where.params);
  return rows.map((r) => toContract(r, today));
}

export async function getContract(db: Db, id: number): Promise<(TechContract & { sellerPath: string | null; buyerPath: string | null }) | undefined> {
  const [r] = await db.query<Row & { sellerPath: string | null; buyerPath: string | null }>(
    `${SELECT.replace('from tech_contracts c', ', sr.path as "sellerPath", br.path as "buyerPath" from tech_contracts c')} where c.id = $1`,
    [id],
  );
  return r && { ...toContract(r), sellerPath: r.sellerPath, buyerPath: r.buyerPath };
}

/** whether the user sees this contract */
export function sees(v: Visibility, c: TechContract & { sellerPath: string | null; buyerPath: string | null }): boolean {
  if (v.kind === 'region') return !!(c.sellerPath?.startsWith(v.path) || c.buyerPath?.startsWith(v.path));
  return isParty(v, c.seller) || isParty(v, c.buyer);
}

export const isParty = (v: Visibility & { kind: 'enterprise' }, p: { enterpriseId: number | null; uscc: string | null }) =>
  p.enterpriseId === v.enterpriseId || (!!v.uscc && p.uscc === v.uscc);

const partyParams = (p: StoredParty) => [p.name, p.uscc, p.location, p.regionCode, p.enterpriseId];

/** Inserts a contract as submitted (or as given) and answers its id. */
export async function insertContract(
  tx: Db,
  c: ContractRecord,
  meta: {
    status: string;
    submittedOn: string;
    deadline: string;
    isLarge: boolean;
    createdBy: number | null;
    registrationNo?: string | null;
    registeredOn?: string | null;
    clerkId?: number | null;
    importRunId?: number | null;
    isSynthetic?: boolean;
  },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into tech_contracts (title, contract_no, type, subtype, rules_version, signed_on,
       seller_name, seller_uscc, seller_location, seller_region_code, seller_enterprise_id,
       buyer_name, buyer_uscc, buyer_location, buyer_region_code, buyer_enterprise_id,
       contract_amount, tech_amount, non_technical, field, chain_tag,
       status, submitted_on, deadline, is_large, created_by, registration_no, registered_on, clerk_id, import_run_id, is_synthetic)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31)
     returning id::int as id`,
    [
      c.title,
      c.contractNo,
      c.type,
      c.subtype,
      c.rulesVersion,
      c.signedOn,
      ...partyParams(c.seller),
      ...partyParams(c.buyer),
      c.contractAmount,
      c.techAmount,
      JSON.stringify(c.items),
      c.field,
      c.chainTag,
      meta.status,
      meta.submittedOn,
      meta.deadline,
      meta.isLarge,
      meta.createdBy,
      meta.registrationNo ?? null,
      meta.registeredOn ?? null,
      meta.clerkId ?? null,
      meta.importRunId ?? null,
      meta.isSynthetic ?? false,
    ],
  );
  return id;
}

/** Rewrites a contract's terms (a returned or waiting contract edited by its seller or the clerk). */
export async function updateTerms(tx: Db, id: number, c: ContractRecord): Promise<void> {
  await tx.query(
    `update tech_contracts set title = $2, contract_no = $3, type = $4, subtype = $5, rules_version = $6, signed_on = $7,
       seller_name = $8, seller_uscc = $9, seller_location = $10, seller_region_code = $11, seller_enterprise_id = $12,
       buyer_name = $13, buyer_uscc = $14, buyer_location = $15, buyer_region_code = $16, buyer_enterprise_id = $17,
       contract_amount = $18, tech_amount = $19, non_technical = $20, field = $21, chain_tag = $22, updated_at = now()
     where id = $1`,
    [
      id,
      c.title,
      c.contractNo,
      c.type,
      c.subtype,
      c.rulesVersion,
      c.signedOn,
      ...partyParams(c.seller),
      ...partyParams(c.buyer),
      c.contractAmount,
      c.techAmount,
      JSON.stringify(c.items),
      c.field,
      c.chainTag,
    ],
  );
}

export async function setStatus(
  tx: Db,
  id: number,
  s: {
    status: string;
    refusalGround?: string | null;
    note?: string | null;
    clerkId?: number | null;
    registrationNo?: string | null;
    registeredOn?: string | null;
    submittedOn?: string;
    deadline?: string;
    isLarge?: boolean;
  },
): Promise<void> {
  await tx.query(
    `update tech_contracts set status = $2, refusal_ground = $3, status_note = $4, clerk_id = coalesce($5, clerk_id),
       registration_no = coalesce($6, registration_no), registered_on = coalesce($7::date, registered_on),
       submitted_on = coalesce($8::date, submitted_on), deadline = coalesce($9::date, deadline), is_large = coalesce($10, is_large), updated_at = now()
     where id = $1`,
    [
      id,
      s.status,
      s.refusalGround ?? null,
      s.note ?? null,
      s.clerkId ?? null,
      s.registrationNo ?? null,
      s.registeredOn ?? null,
      s.submittedOn ?? null,
      s.deadline ?? null,
      s.isLarge ?? null,
    ],
  );
}

export async function setAmounts(tx: Db, id: number, a: { contractAmount: number; techAmount: number; items: NonTechnicalItem[] }): Promise<void> {
  await tx.query('update tech_contracts set contract_amount = $2, tech_amount = $3, non_technical = $4, updated_at = now() where id = $1', [
    id,
    a.contractAmount,
    a.techAmount,
    JSON.stringify(a.items),
  ]);
}

export async function addHistory(
  tx: Db,
  id: number,
  actor: { id: number | null; username: string },
  e: { action: string; before?: unknown; after?: unknown; reason?: string | null },
): Promise<void> {
  await tx.query(`insert into tech_contract_history (contract_id, action, before, after, reason, user_id, username) values ($1, $2, $3, $4, $5, $6, $7)`, [
    id,
    e.action,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.reason ?? null,
    actor.id,
    actor.username,
  ]);
}

export async function historyOf(db: Db, id: number) {
  const rows = await db.query<{ id: number; action: string; before: unknown; after: unknown; reason: string | null; username: string; at: string | Date }>(
    `select h.id::int as id, h.action, h.before, h.after, h.reason, coalesce(u.display_name, h.username) as username, h.at
       from tech_contract_history h left join users u on u.id = h.user_id where h.contract_id = $1 order by h.at, h.id`,
    [id],
  );
  return rows.map((r) => ({ ...r, at: r.at instanceof Date ? r.at.toISOString() : String(r.at) }));
}

export async function instalmentsOf(db: Db, id: number) {
  return db.query<{ id: number; receivedOn: string; amount: number; note: string | null; createdByName: string | null }>(
    `select i.id::int as id, i.received_on::text as "receivedOn", i.amount::float8 as amount, i.note, u.display_name as "createdByName"
       from tech_contract_instalments i left join users u on u.id = i.created_by where i.contract_id = $1 order by i.received_on, i.id`,
    [id],
  );
}

export async function addInstalment(tx: Db, id: number, i: { receivedOn: string; amount: number; note: string | null }, userId: number | null): Promise<void> {
  await tx.query('insert into tech_contract_instalments (contract_id, received_on, amount, note, created_by) values ($1, $2, $3, $4, $5)', [
    id,
    i.receivedOn,
    i.amount,
    i.note,
    userId,
  ]);
}

/** The next free registration number of a year: district code, year, a six-digit sequence (3302112026000123). */
export async function nextRegistrationNo(tx: Db, district: string, year: number): Promise<string> {
  const prefix = `${district}${year}`;
  const [{ max }] = await tx.query<{ max: string | null }>(
    `select max(registration_no) as max from tech_contracts where registration_no like $1 and length(registration_no) = $2`,
    [`${prefix}%`, prefix.length + 6],
  );
  const next = max ? Number(max.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(6, '0')}`;
}

export async function registrationNoTaken(db: Db, no: string, exceptId = 0): Promise<boolean> {
  const [r] = await db.query('select 1 from tech_contracts where registration_no = $1 and id <> $2', [no, exceptId]);
  return !!r;
}

export async function hasTechContracts(db: Db): Promise<boolean> {
  const [r] = await db.query('select 1 from tech_contracts limit 1');
  return !!r;
}

/** Waiting contracts (submitted, or returned to their seller) visible to the user, the nearest deadline first. */
export async function waitingContracts(db: Db, v: Visibility, status: 'submitted' | 'returned', limit: number) {
  const where = whereClause();
  addVisibility(where, v);
  where.add('c.status = ?', status);
  const join = 'from tech_contracts c left join regions sr on sr.code = c.seller_region_code left join regions br on br.code = c.buyer_region_code';
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n ${join} ${where.sql}`, where.params);
  const items = await db.query<{ id: number; title: string; deadline: string; statusNote: string | null; updatedAt: string | Date }>(
    `select c.id::int as id, c.title, c.deadline::text as deadline, c.status_note as "statusNote", c.updated_at as "updatedAt" ${join} ${where.sql}
      order by c.deadline, c.id limit ${Math.max(0, Math.floor(limit))}`,
    where.params,
  );
  return { count: n, items };
}
