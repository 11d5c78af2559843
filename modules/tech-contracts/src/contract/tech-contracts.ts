/**
 * Technology contract registration (技术合同认定登记): API shapes (zod) the routes validate with and the web client
 * takes its types from. Amounts go in with a unit (元 or 万元, `unit`, default 元) and come out in yuan. Negative
 * amounts, a technical amount above the total and the same two parties pass these shapes and are refused by the
 * domain's checks with the room's code and the field (domain/contract-check.ts).
 */
import { z } from 'zod';
import { ZPage, ZPageQuery } from '@kechuang/platform-core';
import { STATS_BY } from './stats-by.ts';
import {
  ITEM_KINDS,
  PARTY_LOCATIONS,
  REFUSAL_GROUNDS,
  RULES_VERSIONS,
  STATUSES,
  SUBTYPE_LABELS,
  TECH_CONTRACT_TYPES,
  TECH_FIELD_KEYS,
  type TechContractSubtype,
} from '../domain/index.ts';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ZUscc = z.string().trim().max(18).nullish();
export const ZId = z.object({ id: z.coerce.number().int().positive() });
export const ZType = z.enum(TECH_CONTRACT_TYPES);
export const ZSubtype = z.enum(Object.keys(SUBTYPE_LABELS) as [TechContractSubtype, ...TechContractSubtype[]]);
export const ZStatus = z.enum(STATUSES);
export const ZField = z.enum(TECH_FIELD_KEYS);
/** the unit of every amount in the body: 元 (default) or 万元; another is refused naming `unit` */
const ZUnit = z.string().trim().max(20).optional();

export const ZPartyInput = z.object({
  name: z.string().trim().min(1).max(200),
  uscc: ZUscc,
  location: z.enum(PARTY_LOCATIONS),
  regionCode: z.string().trim().max(12).nullish(),
  /** a party of the enterprise registry: its name, USCC and town are the registry's */
  enterpriseId: z.number().int().positive().nullish(),
});
export const ZItem = z.object({
  kind: z.enum(ITEM_KINDS),
  name: z.string().trim().min(1).max(200),
  amount: z.number(),
  quantity: z.number().int().min(0).nullish(),
  /** the subject's carrier (normally 1–2 sets of equipment): kept in the technical amount */
  carrier: z.boolean().default(false),
});

export const ZContractInput = z.object({
  title: z.string().trim().min(1).max(300),
  contractNo: z.string().trim().max(100).nullish(),
  type: ZType,
  subtype: ZSubtype,
  signedOn: ZDate,
  seller: ZPartyInput,
  buyer: ZPartyInput,
  unit: ZUnit,
  contractAmount: z.number(),
  /** 技术交易额 as written in the contract; computed from the items when absent */
  techAmount: z.number().nullish(),
  items: z.array(ZItem).max(100).default([]),
  field: ZField,
  chainTag: z.string().trim().max(40).nullish(),
});
export type ContractBody = z.infer<typeof ZContractInput>;

export const ZParty = z.object({
  name: z.string(),
  uscc: z.string().nullable(),
  location: z.enum(PARTY_LOCATIONS),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  enterpriseId: z.number().nullable(),
});

export const ZTechContract = z.object({
  id: z.number(),
  registrationNo: z.string().nullable(),
  contractNo: z.string().nullable(),
  title: z.string(),
  type: ZType,
  subtype: ZSubtype,
  rulesVersion: z.enum(RULES_VERSIONS),
  signedOn: z.string(),
  seller: ZParty,
  buyer: ZParty,
  contractAmount: z.number(),
  techAmount: z.number(),
  items: z.array(z.object({ kind: z.enum(ITEM_KINDS), name: z.string(), amount: z.number(), quantity: z.number().nullable(), carrier: z.boolean() })),
  field: ZField,
  chainTag: z.string().nullable(),
  status: ZStatus,
  refusalGround: z.enum(REFUSAL_GROUNDS).nullable(),
  statusNote: z.string().nullable(),
  submittedOn: z.string(),
  registeredOn: z.string().nullable(),
  deadline: z.string(),
  /** while submitted: days to the deadline (0 on the day, negative once overdue); else null */
  daysLeft: z.number().nullable(),
  overdue: z.boolean(),
  isLarge: z.boolean(),
  clerkName: z.string().nullable(),
  createdByName: z.string().nullable(),
  receivedTotal: z.number(),
  isSynthetic: z.boolean(),
  updatedAt: z.string(),
});
export type TechContract = z.infer<typeof ZTechContract>;

export const ZInstalment = z.object({
  id: z.number(),
  receivedOn: z.string(),
  amount: z.number(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export const ZHistoryEntry = z.object({
  id: z.number(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  /** who: their display name (the username of an account since removed, or system) */
  username: z.string(),
  at: z.string(),
});
export const ZTechContractDetail = ZTechContract.extend({
  instalments: z.array(ZInstalment),
  history: z.array(ZHistoryEntry),
  /** more carrier sets kept in the technical amount than the usual 1–2: for the clerk to look at */
  carrierSetsUnusual: z.boolean(),
  /** whether this user may register, refuse, return, correct, deregister (the register clerk) */
  canDecide: z.boolean(),
  /** whether this user may edit and resubmit it, and record income (its seller, or the clerk) */
  canEdit: z.boolean(),
});
export type TechContractDetail = z.infer<typeof ZTechContractDetail>;

const ZBoolText = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ZContractQuery = ZPageQuery.extend({
  status: ZStatus.optional(),
  type: ZType.optional(),
  field: ZField.optional(),
  /** the registration year of registered (or deregistered) contracts; else the signing year */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** contracts whose seller or buyer is in this town */
  regionCode: z.string().max(12).optional(),
  /** 输出: the seller in the district; 吸纳: the buyer in the district */
  direction: z.enum(['exported', 'absorbed']).optional(),
  overdue: ZBoolText.optional(),
});
export type ContractQuery = z.infer<typeof ZContractQuery>;
export const ZContractList = ZPage(ZTechContract);

export const ZRegister = z.object({
  /** 登记编号; given by the register's numbering when absent */
  registrationNo: z.string().trim().min(1).max(40).optional(),
  registeredOn: ZDate.optional(),
});
export const ZRefuse = z.object({ ground: z.enum(REFUSAL_GROUNDS), note: z.string().trim().max(1000).optional() });
export const ZReturn = z.object({ note: z.string().trim().min(1).max(1000) });
export const ZReason = z.object({ reason: z.string().trim().min(2).max(1000) });
export const ZCorrection = z.object({
  unit: ZUnit,
  contractAmount: z.number().optional(),
  techAmount: z.number().nullish(),
  items: z.array(ZItem).max(100).optional(),
  reason: z.string().trim().min(2).max(1000),
});
export const ZInstalmentInput = z.object({ receivedOn: ZDate, amount: z.number(), unit: ZUnit, note: z.string().trim().max(300).optional() });

export const ZStatsQuery = z.object({
  by: z.enum(STATS_BY).default('year'),
  yearFrom: z.coerce.number().int().min(2000).max(2100).optional(),
  yearTo: z.coerce.number().int().min(2000).max(2100).optional(),
});
const ZFigures = z.object({ count: z.number(), contractAmount: z.number(), techAmount: z.number() });
export const ZStats = z.object({
  by: z.enum(STATS_BY),
  /** one row per registration year and key (a town's code, a field, a type; 'all' by year): 输出 and 吸纳 */
  rows: z.array(z.object({ year: z.number(), key: z.string(), label: z.string(), exported: ZFigures, absorbed: ZFigures })),
});
export type Stats = z.infer<typeof ZStats>;

export const ZExportQuery = ZContractQuery.omit({ page: true, pageSize: true });

export const ZImportResult = z.object({
  importRunId: z.number(),
  rows: z.number(),
  inserted: z.number(),
  registered: z.number(),
  years: z.array(z.number()),
});
export type ImportResult = z.infer<typeof ZImportResult>;
