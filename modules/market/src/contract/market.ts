/**
 * The technology market's API shapes (zod): listings of every kind in one shape (a kind's own fields optional,
 * the others absent), their writes, search, moderation, matches and institutes. The web client takes its types
 * from here (types only) and its constants from kinds.ts.
 */
import { z } from 'zod';
import {
  CERTIFICATE_KINDS,
  INSTITUTE_KINDS,
  LISTING_ACTIONS,
  LISTING_KINDS,
  LISTING_STATUSES,
  MARKET_FIELDS,
  PROVIDER_KINDS,
  TRANSFER_MODES,
} from './kinds.ts';

export * from './kinds.ts';

export const ZListingKind = z.enum(LISTING_KINDS);
export const ZListingStatus = z.enum(LISTING_STATUSES);
export const ZId = z.object({ id: z.coerce.number().int().positive() });

const text = (max: number) => z.string().max(max);
const words = z.array(z.string().trim().min(1).max(50)).max(20);
/** a chain tag of the registry's catalogue (greenPetrochem, newMaterials …) */
const chainTags = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_-]{0,49}$/, '应为产业链代码'),
  )
  .max(10);
/** a GB/T 4754 code: a section letter and up to four digits (C, C26, C2614) */
const industryCode = z
  .string()
  .trim()
  .regex(/^[A-T]([0-9]{2}([0-9]{1,2})?)?$/, '应为国民经济行业分类代码（GB/T 4754，如 C26、C2614）');

/** an amount with its unit: the unit is checked by the server, which names the field when it is not 万元, 元 or 面议 */
export const ZPriceIn = z.object({ amount: z.number().nonnegative().max(1e9).nullable().optional(), unit: z.string().max(20) });
export const ZBudgetIn = z.object({
  min: z.number().nonnegative().max(1e9).nullable().optional(),
  max: z.number().nonnegative().max(1e9).nullable().optional(),
  unit: z.string().max(20),
});

/**
 * A listing written by its owner or the bureau. `title` is the achievement's or demand's title and the expert's,
 * broker's or provider's name; `text` its abstract, description, past projects, deals record or description;
 * `keywords` its keywords (a broker's specialities). The other fields belong to one kind each. A field left out
 * keeps its value (an edit) or is empty (a new listing).
 */
export const ZListingWrite = z.object({
  title: z.string().trim().min(1).max(200),
  text: text(5000).optional(),
  keywords: words.optional(),
  field: z.enum(MARKET_FIELDS).nullable().optional(),
  chainTags: chainTags.optional(),
  industryCode: industryCode.nullable().optional(),
  contact: text(200).optional(),
  // achievement
  instituteId: z.number().int().positive().nullable().optional(),
  trl: z.number().int().min(1).max(9).nullable().optional(),
  ip: text(2000).optional(),
  modes: z.array(z.enum(TRANSFER_MODES)).max(4).optional(),
  price: ZPriceIn.nullable().optional(),
  // demand
  enterpriseId: z.number().int().positive().optional(),
  budget: ZBudgetIn.nullable().optional(),
  deadline: z.iso.date().nullable().optional(),
  // expert
  proTitle: text(100).optional(),
  affiliation: text(200).optional(),
  // broker
  organisation: text(200).optional(),
  certificateKind: z.enum(CERTIFICATE_KINDS).optional(),
  certificateNo: z.string().trim().min(1).max(100).optional(),
  // provider
  providerKind: z.enum(PROVIDER_KINDS).optional(),
  uscc: z.string().trim().length(18).nullable().optional(),
});
export type ListingWrite = z.infer<typeof ZListingWrite>;

/** an edit: any of the fields; the owner is not changed */
export const ZListingPatch = ZListingWrite.omit({ instituteId: true, enterpriseId: true }).partial();
export type ListingPatch = z.infer<typeof ZListingPatch>;

export const ZOwner = z.object({ kind: z.enum(['institute', 'enterprise', 'broker', 'bureau']), id: z.number().nullable(), name: z.string() });

export const ZListing = z.object({
  kind: ZListingKind,
  id: z.number(),
  title: z.string(),
  text: z.string(),
  keywords: z.array(z.string()),
  field: z.string().nullable(),
  chainTags: z.array(z.string()),
  industryCode: z.string().nullable(),
  contact: z.string(),
  owner: ZOwner,
  status: ZListingStatus,
  statusReason: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  isSynthetic: z.boolean(),
  trl: z.number().nullable().optional(),
  ip: z.string().optional(),
  modes: z.array(z.string()).optional(),
  /** 万元; null with priceNegotiable is 面议, null without it is not given */
  price: z.number().nullable().optional(),
  priceNegotiable: z.boolean().optional(),
  budgetMin: z.number().nullable().optional(),
  budgetMax: z.number().nullable().optional(),
  deadline: z.string().nullable().optional(),
  proTitle: z.string().optional(),
  affiliation: z.string().optional(),
  organisation: z.string().optional(),
  certificateKind: z.string().optional(),
  certificateNo: z.string().optional(),
  providerKind: z.string().optional(),
  uscc: z.string().nullable().optional(),
  /** a search's score and reasons (the engine's), best first */
  score: z.number().optional(),
  reasons: z.array(z.string()).optional(),
});
export type Listing = z.infer<typeof ZListing>;

export const ZHistoryEntry = z.object({
  id: z.number(),
  action: z.enum(LISTING_ACTIONS),
  fromStatus: ZListingStatus.nullable(),
  toStatus: ZListingStatus.nullable(),
  reason: z.string().nullable(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  actor: z.string().nullable(),
  at: z.string(),
});
export type HistoryEntry = z.infer<typeof ZHistoryEntry>;

export const ZListingDetail = ZListing.extend({
  history: z.array(ZHistoryEntry),
  /** what the asking user may do with it */
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canModerate: z.boolean(),
});
export type ListingDetail = z.infer<typeof ZListingDetail>;

/** a search or a list: filters, an optional search text (ranked by the engine), a page */
export const ZListingSearch = z.object({
  /** checked by the server (at least 2, at most 200 characters), which names the field */
  q: z.string().max(100_000).optional(),
  field: z.enum(MARKET_FIELDS).optional(),
  chain: z.string().max(50).optional(),
  trlMin: z.number().int().min(1).max(9).optional(),
  trlMax: z.number().int().min(1).max(9).optional(),
  mode: z.enum(TRANSFER_MODES).optional(),
  /** achievements asking at most this much (万元; 面议 included) */
  priceMax: z.number().nonnegative().optional(),
  /** demands whose budget reaches this much (万元; 面议 included) */
  budgetMin: z.number().nonnegative().optional(),
  status: ZListingStatus.optional(),
  /** a town's (or park's) region code */
  town: z.string().max(20).optional(),
  /** the asking user's own listings only */
  mine: z.boolean().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListingSearch = z.input<typeof ZListingSearch>;

export const ZListingPage = z.object({ items: z.array(ZListing), total: z.number(), page: z.number(), pageSize: z.number(), ranked: z.boolean() });
export type ListingPage = z.infer<typeof ZListingPage>;

export const ZReason = z.object({ reason: z.string().trim().min(1).max(1000).optional() });

export const ZMatchItem = z.object({
  kind: ZListingKind,
  id: z.number(),
  title: z.string(),
  ownerName: z.string(),
  field: z.string().nullable(),
  trl: z.number().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export type MatchItem = z.infer<typeof ZMatchItem>;
/** a listing's best counterparts by kind: a demand's achievements, experts and providers; anything else's demands */
export const ZMatches = z.object({ groups: z.array(z.object({ kind: ZListingKind, items: z.array(ZMatchItem) })) });
export type Matches = z.infer<typeof ZMatches>;

export const ZQueueItem = z.object({
  kind: ZListingKind,
  id: z.number(),
  title: z.string(),
  ownerName: z.string(),
  regionName: z.string(),
  updatedAt: z.string(),
});
export const ZQueue = z.object({ items: z.array(ZQueueItem) });
export type QueueItem = z.infer<typeof ZQueueItem>;

export const ZInstitute = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(INSTITUTE_KINDS),
  uscc: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  contact: z.string(),
  isSynthetic: z.boolean(),
  accounts: z.number(),
});
export type Institute = z.infer<typeof ZInstitute>;
export const ZInstituteCreate = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(INSTITUTE_KINDS),
  uscc: z.string().trim().length(18).nullable().default(null),
  regionCode: z.string().trim().min(1).max(20),
  contact: text(200).default(''),
});

/** what the asking user is in the market: whose listings it writes, whether it moderates */
export const ZMarketMe = z.object({
  owner: ZOwner.nullable(),
  moderator: z.boolean(),
  /** the kinds it may create */
  creates: z.array(ZListingKind),
});
export type MarketMe = z.infer<typeof ZMarketMe>;
