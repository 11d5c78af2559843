/**
 * What the routes do with a contract: who sees it and who may act on it, building a stored contract from a
 * request (parties resolved against the registry and the district's towns, amounts in yuan, the domain's
 * checks), the submission, the register clerk's decisions and corrections, the income received. Every write is
 * one transaction with its history row, its audit row and the room's data version; registering, correcting
 * and deregistering a registered contract recompute the technology-transaction indicator of its year.
 */
import { AppError, bureauToday } from '@kechuang/platform-core';
import { audit, boundIdOf, bumpVersion, getRegion, reportingUnits, type Actor, type Db, type Region, type Scope } from '@kechuang/platform-server';
import { diagnosedEnterprise } from '@kechuang/enterprises/server';
import type { ContractBody, TechContract, TechContractDetail } from '../contract/tech-contracts.ts';
import {
  addHistory,
  addInstalment,
  getContract,
  historyOf,
  insertContract,
  instalmentsOf,
  isParty,
  nextRegistrationNo,
  registrationNoTaken,
  sees,
  setAmounts,
  setStatus,
  updateTerms,
  type ContractRecord,
  type StoredParty,
  type Visibility,
} from '../db/contracts.ts';
import {
  ACTIONS_FROM,
  carrierSetsUnusual,
  contractIssues,
  normaliseType,
  regimeOn,
  registrationDeadline,
  STATUS_LABELS,
  STATUS_LABELS_EN,
  technicalAmount,
  toYuan,
  typeRegimeOf,
  unitFactor,
  type NonTechnicalItem,
  type RefusalGround,
} from '../domain/index.ts';
import { issueError, techContractError } from './errors.ts';
import { writeTransactionActuals } from './indicator-actuals.ts';
import { CLERK_ROLES, ENTERPRISE_KIND, TECH_CONTRACTS_ROOM } from './room.ts';

type Located = TechContract & { sellerPath: string | null; buyerPath: string | null };

export const isClerk = (actor: Actor) => CLERK_ROLES.includes(actor.role);

/** the district as a region scope: the registry's enterprises of the whole district (a party may be any of them) */
async function districtScope(db: Db, district: string): Promise<Scope> {
  const home = (await getRegion(db, district))!;
  return { kind: 'region', regionCode: home.code, regionName: home.name, path: home.path };
}

/** the enterprise an enterprise account acts for, with its USCC; null for any other account */
export async function ownEnterprise(db: Db, actor: Actor) {
  const id = boundIdOf(actor.scope, ENTERPRISE_KIND);
  if (id === null) return null;
  return diagnosedEnterprise(db, actor.scope, id);
}

export async function visibilityOf(db: Db, actor: Actor): Promise<Visibility> {
  if (actor.scope.kind === 'region') return { kind: 'region', path: actor.scope.path };
  const own = await ownEnterprise(db, actor);
  if (!own) throw new AppError('FORBIDDEN_SCOPE');
  return { kind: 'enterprise', enterpriseId: own.id, uscc: own.uscc };
}

/** The contract if the user sees it: 404 when there is none, 403 when it is another organisation's or out of the jurisdiction. */
export async function visibleContract(db: Db, actor: Actor, id: number): Promise<{ contract: Located; v: Visibility }> {
  const contract = await getContract(db, id);
  if (!contract) throw techContractError('TC_NOT_FOUND', { details: { field: 'id', value: id } });
  const v = await visibilityOf(db, actor);
  if (!sees(v, contract)) throw techContractError('TC_NOT_YOURS', { details: { field: 'id', value: id } });
  return { contract, v };
}

/** the clerk, or the enterprise that is the contract's seller */
function mayEdit(actor: Actor, v: Visibility, c: TechContract): boolean {
  return isClerk(actor) || (v.kind === 'enterprise' && isParty(v, c.seller));
}

export async function contractDetail(db: Db, actor: Actor, id: number): Promise<TechContractDetail> {
  const { contract, v } = await visibleContract(db, actor, id);
  const { sellerPath: _s, buyerPath: _b, ...c } = contract;
  return {
    ...c,
    instalments: await instalmentsOf(db, id),
    history: await historyOf(db, id),
    carrierSetsUnusual: carrierSetsUnusual(c.items),
    canDecide: isClerk(actor),
    canEdit: mayEdit(actor, v, c),
  };
}

/** Towns and parks of the district (and the district) by code, name or short name (招宝山 for 招宝山街道). */
export async function townResolver(db: Db, district: string): Promise<(text: string) => Region | undefined> {
  const units = [...(await reportingUnits(db, district)), (await getRegion(db, district))!];
  const by = new Map<string, Region>();
  for (const u of units) {
    by.set(u.code, u);
    by.set(u.name, u);
    const short = u.name.replace(/(街道|镇|乡)$/, '');
    if (short.length >= 2 && !by.has(short)) by.set(short, u);
  }
  return (text) => by.get(text.trim());
}

export interface BuildContext {
  db: Db;
  district: string;
  today: string;
  /** set for an enterprise account: the seller must be this enterprise */
  own: { id: number; uscc: string } | null;
  town: (text: string) => Region | undefined;
  scope: Scope;
}

export async function buildContext(db: Db, actor: Actor | null, district: string): Promise<BuildContext> {
  const own = actor ? await ownEnterprise(db, actor) : null;
  return { db, district, today: bureauToday(), own, town: await townResolver(db, district), scope: await districtScope(db, district) };
}

type PartyInput = ContractBody['seller'];

async function resolveParty(ctx: BuildContext, p: PartyInput, side: 'seller' | 'buyer'): Promise<StoredParty> {
  if (p.enterpriseId) {
    try {
      const e = await diagnosedEnterprise(ctx.db, ctx.scope, p.enterpriseId);
      return { name: e.name, uscc: e.uscc, location: 'district', regionCode: e.regionCode, enterpriseId: e.id };
    } catch (e) {
      if (e instanceof AppError && e.status === 404)
        throw techContractError('TC_ENTERPRISE_UNKNOWN', { details: { field: `${side}.enterpriseId`, value: p.enterpriseId } });
      throw e;
    }
  }
  let regionCode: string | null = null;
  if (p.location === 'district' && p.regionCode) {
    const town = ctx.town(p.regionCode);
    if (!town)
      throw techContractError('TC_REGION_UNKNOWN', { params: { region: p.regionCode }, details: { field: `${side}.regionCode`, value: p.regionCode } });
    regionCode = town.code;
  }
  return { name: p.name, uscc: p.uscc ? p.uscc.trim().toUpperCase() : null, location: p.location, regionCode, enterpriseId: null };
}

/** yuan per unit of the body, or the room's error naming `unit` */
export function factorOf(unit: string | undefined): number {
  const factor = unitFactor(unit);
  if (factor === null) throw techContractError('TC_UNIT_UNKNOWN', { params: { unit: unit ?? '' }, details: { field: 'unit', value: unit } });
  return factor;
}

const inYuan = (items: ContractBody['items'], factor: number): NonTechnicalItem[] =>
  items.map((i) => ({ kind: i.kind, name: i.name, amount: toYuan(i.amount, factor), quantity: i.quantity ?? null, carrier: i.carrier }));

/** The first issue as the room's error, with every issue in its details. */
function throwIssues(issues: { code: string; field: string; params?: Record<string, string | number> }[]): void {
  if (issues.length === 0) return;
  const e = issueError(issues[0]);
  throw new AppError(e.code, { message: e.messages, details: { field: issues[0].field, issues } }, { status: e.status, ...e.messages });
}

/** A request's contract as it is stored (amounts in yuan, parties resolved, type normalised), or the first problem. */
export async function buildRecord(ctx: BuildContext, body: ContractBody): Promise<ContractRecord> {
  const factor = factorOf(body.unit);
  if (ctx.own) {
    const other =
      (body.seller.enterpriseId && body.seller.enterpriseId !== ctx.own.id) ||
      (!body.seller.enterpriseId && body.seller.uscc && body.seller.uscc.trim().toUpperCase() !== ctx.own.uscc);
    if (other) throw techContractError('TC_NOT_OWN_SELLER', { details: { field: 'seller' } });
  }
  const seller = await resolveParty(ctx, ctx.own ? { ...body.seller, enterpriseId: ctx.own.id } : body.seller, 'seller');
  const buyer = await resolveParty(ctx, body.buyer, 'buyer');
  const items = inYuan(body.items, factor);
  const contractAmount = toYuan(body.contractAmount, factor);
  const given = body.techAmount === undefined || body.techAmount === null ? null : toYuan(body.techAmount, factor);
  const input = { type: body.type, subtype: body.subtype, signedOn: body.signedOn, seller, buyer, contractAmount, techAmount: given, items };
  throwIssues(contractIssues(input, ctx.today));
  if (!(seller.location === 'district' || (seller.location === 'abroad' && buyer.location === 'district')))
    throw techContractError('TC_SELLER_ELSEWHERE', { details: { field: 'seller.location', value: seller.location } });
  return {
    title: body.title,
    contractNo: body.contractNo ?? null,
    type: normaliseType(body.type, body.subtype),
    subtype: body.subtype,
    rulesVersion: typeRegimeOf(body.signedOn).version,
    signedOn: body.signedOn,
    seller,
    buyer,
    contractAmount,
    techAmount: given ?? technicalAmount(contractAmount, items),
    items,
    field: body.field,
    chainTag: body.chainTag ?? null,
  };
}

const regionOf = (c: { seller: { regionCode: string | null }; buyer: { regionCode: string | null } }) => c.seller.regionCode ?? c.buyer.regionCode;

/** Submits a contract (an enterprise for itself as seller, or the clerk for any seller): status submitted, the clock started. */
export async function submitContract(db: Db, actor: Actor, district: string, body: ContractBody): Promise<number> {
  if (actor.scope.kind === 'bound' && boundIdOf(actor.scope, ENTERPRISE_KIND) === null) throw new AppError('FORBIDDEN');
  const record = await buildRecord(await buildContext(db, actor, district), body);
  const today = bureauToday();
  const clock = registrationDeadline(today, record.techAmount);
  return db.transaction(async (tx) => {
    const id = await insertContract(tx, record, {
      status: 'submitted',
      submittedOn: today,
      deadline: clock.deadline,
      isLarge: clock.large,
      createdBy: actor.id,
    });
    await addHistory(tx, id, actor, { action: 'submit', after: { ...record, deadline: clock.deadline } });
    await audit(tx, actor, { action: 'techContract.submit', entity: 'techContract', entityId: id, regionCode: regionOf(record), after: record });
    await bumpVersion(tx, TECH_CONTRACTS_ROOM);
    return id;
  });
}

function assertStatus(c: TechContract, action: keyof typeof ACTIONS_FROM, words: { zh: string; en: string }): void {
  if (!ACTIONS_FROM[action].includes(c.status))
    throw techContractError('TC_STATUS', {
      message: {
        zh: `合同当前状态为“${STATUS_LABELS[c.status]}”，不能${words.zh}`,
        en: `The contract is ${STATUS_LABELS_EN[c.status].toLowerCase()}: it cannot be ${words.en}`,
      },
      details: { field: 'status', value: c.status },
    });
}

const termsOf = (c: TechContract) => ({
  title: c.title,
  contractNo: c.contractNo,
  type: c.type,
  subtype: c.subtype,
  signedOn: c.signedOn,
  seller: c.seller,
  buyer: c.buyer,
  contractAmount: c.contractAmount,
  techAmount: c.techAmount,
  items: c.items,
  field: c.field,
  chainTag: c.chainTag,
});

/** Edits a waiting or returned contract's terms (its seller or the clerk). */
export async function editContract(db: Db, actor: Actor, district: string, id: number, body: ContractBody): Promise<void> {
  const { contract, v } = await visibleContract(db, actor, id);
  if (!mayEdit(actor, v, contract)) throw techContractError('TC_NOT_YOURS', { details: { field: 'id', value: id } });
  if (contract.status !== 'submitted' && contract.status !== 'returned') assertStatus(contract, 'resubmit', { zh: '修改', en: 'edited' });
  const record = await buildRecord(await buildContext(db, actor, district), body);
  await db.transaction(async (tx) => {
    await updateTerms(tx, id, record);
    await addHistory(tx, id, actor, { action: 'edit', before: termsOf(contract), after: record });
    await audit(tx, actor, {
      action: 'techContract.edit',
      entity: 'techContract',
      entityId: id,
      regionCode: regionOf(record),
      before: termsOf(contract),
      after: record,
    });
    await bumpVersion(tx, TECH_CONTRACTS_ROOM);
  });
}

type Decision =
  | { action: 'register'; registrationNo?: string; registeredOn?: string }
  | { action: 'refuse'; ground: RefusalGround; note?: string }
  | { action: 'return'; note: string }
  | { action: 'resubmit' }
  | { action: 'deregister'; reason: string };

const WORDS: Record<Decision['action'], { zh: string; en: string }> = {
  register: { zh: '登记', en: 'registered' },
  refuse: { zh: '不予登记', en: 'refused' },
  return: { zh: '退回补正', en: 'returned' },
  resubmit: { zh: '重新提交', en: 'resubmitted' },
  deregister: { zh: '注销', en: 'deregistered' },
};

/** The clerk's decisions (register, refuse with a ground, return for papers, deregister) and the seller's resubmission. */
export async function decide(db: Db, actor: Actor, district: string, id: number, d: Decision): Promise<void> {
  const { contract: c, v } = await visibleContract(db, actor, id);
  if (d.action === 'resubmit' ? !mayEdit(actor, v, c) : !isClerk(actor)) throw new AppError('FORBIDDEN');
  assertStatus(c, d.action, WORDS[d.action]);
  const today = bureauToday();
  await db.transaction(async (tx) => {
    let after: Record<string, unknown>;
    let reason: string | null = null;
    const years: number[] = [];
    switch (d.action) {
      case 'register': {
        const registeredOn = d.registeredOn ?? today;
        if (d.registrationNo && (await registrationNoTaken(tx, d.registrationNo, id)))
          throw techContractError('TC_REGISTRATION_NO_TAKEN', {
            params: { no: d.registrationNo },
            details: { field: 'registrationNo', value: d.registrationNo },
          });
        const registrationNo = d.registrationNo ?? (await nextRegistrationNo(tx, district, Number(registeredOn.slice(0, 4))));
        after = { status: 'registered', registrationNo, registeredOn };
        await setStatus(tx, id, { status: 'registered', clerkId: actor.id, registrationNo, registeredOn });
        years.push(Number(registeredOn.slice(0, 4)));
        break;
      }
      case 'refuse': {
        const regime = regimeOn(c.submittedOn);
        if (!regime.refusalGrounds.includes(d.ground))
          throw techContractError('TC_GROUND_NOT_IN_REGIME', {
            params: { ground: d.ground, version: regime.version },
            details: { field: 'ground', value: d.ground },
          });
        after = { status: 'refused', ground: d.ground, note: d.note ?? null };
        reason = d.note ?? null;
        await setStatus(tx, id, { status: 'refused', refusalGround: d.ground, note: d.note ?? null, clerkId: actor.id });
        break;
      }
      case 'return':
        after = { status: 'returned', note: d.note };
        reason = d.note;
        await setStatus(tx, id, { status: 'returned', note: d.note, clerkId: actor.id });
        break;
      case 'resubmit': {
        // the clock restarts when the missing papers arrive
        const clock = registrationDeadline(today, c.techAmount);
        after = { status: 'submitted', submittedOn: today, deadline: clock.deadline };
        await setStatus(tx, id, { status: 'submitted', submittedOn: today, deadline: clock.deadline, isLarge: clock.large });
        break;
      }
      case 'deregister':
        after = { status: 'deregistered' };
        reason = d.reason;
        await setStatus(tx, id, { status: 'deregistered', note: d.reason, clerkId: actor.id });
        years.push(Number(c.registeredOn!.slice(0, 4)));
        break;
    }
    const before = { status: c.status, deadline: c.deadline, registrationNo: c.registrationNo };
    await addHistory(tx, id, actor, { action: d.action, before, after, reason });
    await audit(tx, actor, {
      action: `techContract.${d.action}`,
      entity: 'techContract',
      entityId: id,
      regionCode: regionOf(c),
      before,
      after: { ...after, reason },
    });
    if (years.length > 0) await writeTransactionActuals(tx, actor, district, years);
    await bumpVersion(tx, TECH_CONTRACTS_ROOM);
  });
}

/** The clerk corrects a contract's amounts with a reason (before any tax relief or reward is drawn); a registered one moves the indicator. */
export async function correctAmounts(
  db: Db,
  actor: Actor,
  district: string,
  id: number,
  body: { unit?: string; contractAmount?: number; techAmount?: number | null; items?: ContractBody['items']; reason: string },
): Promise<void> {
  const { contract: c } = await visibleContract(db, actor, id);
  if (!isClerk(actor)) throw new AppError('FORBIDDEN');
  if (c.status === 'deregistered' || c.status === 'refused') assertStatus(c, 'register', { zh: '更正', en: 'corrected' });
  const factor = factorOf(body.unit);
  const items = body.items ? inYuan(body.items, factor) : c.items;
  const contractAmount = body.contractAmount === undefined ? c.contractAmount : toYuan(body.contractAmount, factor);
  const given = body.techAmount === undefined || body.techAmount === null ? null : toYuan(body.techAmount, factor);
  // the issues of the amounts only (the parties and dates were checked when submitted)
  const issues = contractIssues({ ...c, contractAmount, techAmount: given, items }, '9999-12-31').filter((i) =>
    ['contractAmount', 'techAmount', 'items'].some((f) => i.field === f || i.field.startsWith(`${f}.`)),
  );
  throwIssues(issues);
  const techAmount =
    given ?? (body.items || body.contractAmount !== undefined ? technicalAmount(contractAmount, items) : Math.min(c.techAmount, contractAmount));
  const before = { contractAmount: c.contractAmount, techAmount: c.techAmount, items: c.items };
  const after = { contractAmount, techAmount, items };
  if (JSON.stringify(before) === JSON.stringify(after)) throw techContractError('TC_NOTHING_CHANGED', { details: { field: 'contractAmount' } });
  await db.transaction(async (tx) => {
    await setAmounts(tx, id, after);
    await addHistory(tx, id, actor, { action: 'correct', before, after, reason: body.reason });
    await audit(tx, actor, {
      action: 'techContract.correct',
      entity: 'techContract',
      entityId: id,
      regionCode: regionOf(c),
      before,
      after: { ...after, reason: body.reason },
    });
    if (c.status === 'registered') await writeTransactionActuals(tx, actor, district, [Number(c.registeredOn!.slice(0, 4))]);
    await bumpVersion(tx, TECH_CONTRACTS_ROOM);
  });
}

/** Income received by instalment (its seller or the clerk). */
export async function recordInstalment(
  db: Db,
  actor: Actor,
  id: number,
  body: { receivedOn: string; amount: number; unit?: string; note?: string },
): Promise<void> {
  const { contract: c, v } = await visibleContract(db, actor, id);
  if (!mayEdit(actor, v, c)) throw techContractError('TC_NOT_YOURS', { details: { field: 'id', value: id } });
  const amount = toYuan(body.amount, factorOf(body.unit));
  if (!(amount >= 0)) throw techContractError('TC_AMOUNT_NEGATIVE', { details: { field: 'amount', value: body.amount } });
  const today = bureauToday();
  if (body.receivedOn > today) throw techContractError('TC_DATE_INVALID', { details: { field: 'receivedOn', value: body.receivedOn } });
  await db.transaction(async (tx) => {
    const entry = { receivedOn: body.receivedOn, amount, note: body.note ?? null };
    await addInstalment(tx, id, entry, actor.id);
    await addHistory(tx, id, actor, { action: 'instalment', after: entry });
    await audit(tx, actor, { action: 'techContract.instalment', entity: 'techContract', entityId: id, regionCode: regionOf(c), after: entry });
    await bumpVersion(tx, TECH_CONTRACTS_ROOM);
  });
}
