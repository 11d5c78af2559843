/**
 * The market's events (issue 11 item 5): matchmaking fairs, roadshows and achievement auctions with the listings
 * attached (an auction's lots with start and final price in 万元), the sign-ups and the outcomes. The web client
 * takes its types from here (types only) and its constants from event-kinds.ts.
 */
import { z } from 'zod';
import { EVENT_KINDS, EVENT_STATUSES } from './event-kinds.ts';
import { LISTING_KINDS } from './kinds.ts';

export * from './event-kinds.ts';

export const ZEventKind = z.enum(EVENT_KINDS);
export const ZEventStatus = z.enum(EVENT_STATUSES);

const ID = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** 万元, two decimals at most */
const price = z.number().finite().max(1e10);

export const ZEventWrite = z.object({
  kind: ZEventKind,
  title: z.string().trim().min(1).max(200),
  date: z.iso.date('日期格式应为 YYYY-MM-DD'),
  time: z
    .string()
    .trim()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, '时间格式应为 HH:MM')
    .nullable()
    .optional(),
  place: z.string().trim().max(200).default(''),
  onlineLink: z
    .url({ protocol: /^https?$/, error: '应为 http(s) 链接' })
    .max(500)
    .nullable()
    .optional(),
  organiser: z.string().trim().max(200).default(''),
  description: z.string().trim().max(5000).default(''),
  /** the region it belongs to (a town, or the district); the bureau's home district when left out */
  regionCode: z
    .string()
    .trim()
    .regex(/^[0-9]{6,12}$/, '应为行政区划代码')
    .optional(),
});
export type EventWrite = z.infer<typeof ZEventWrite>;
export const ZEventPatch = ZEventWrite.omit({ kind: true }).partial();

export const ZEventMove = z.object({ status: ZEventStatus, reason: z.string().trim().max(500).optional() });

export const ZEventListingAdd = z.object({
  listingKind: z.enum(LISTING_KINDS),
  listingId: ID,
  /** an auction's lot: its start price in 万元 (required at an auction) and number */
  startPrice: price.positive('起拍价应大于 0').nullable().optional(),
  lotNo: z.number().int().min(1).max(999).nullable().optional(),
});

export const ZSignupCreate = z.object({
  /** the bureau signs up a name and contact it typed; an account signs up itself (both left out) */
  name: z.string().trim().max(200).optional(),
  contact: z.string().trim().max(200).optional(),
});

export const ZOutcomes = z.object({
  contactsMade: z.number().int().min(0).max(1_000_000).nullable().optional(),
  intentionsSigned: z.number().int().min(0).max(1_000_000).nullable().optional(),
  note: z.string().trim().max(5000).optional(),
  /** an auction's lots: each lot's final price (万元, ≥ 0) and whether it sold */
  lots: z
    .array(z.object({ entryId: ID, finalPrice: price.min(0, '成交价不能小于 0').nullable(), sold: z.boolean() }))
    .max(500)
    .optional(),
});

export const ZEventQuery = z.object({
  kind: ZEventKind.optional(),
  status: ZEventStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZAuctionTotals = z.object({
  lots: z.number(),
  sold: z.number(),
  startTotal: z.number(),
  finalTotal: z.number(),
  premium: z.number().nullable(),
});

export const ZMarketEvent = z.object({
  id: z.number(),
  kind: ZEventKind,
  title: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  place: z.string(),
  onlineLink: z.string().nullable(),
  organiser: z.string(),
  description: z.string(),
  status: ZEventStatus,
  cancelReason: z.string().nullable(),
  contactsMade: z.number().nullable(),
  intentionsSigned: z.number().nullable(),
  outcomeNote: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  isSynthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  listingCount: z.number(),
  signupCount: z.number(),
  /** the caller's own sign-up, if any */
  mySignupId: z.number().nullable(),
  auction: ZAuctionTotals.nullable(),
});
export type MarketEvent = z.infer<typeof ZMarketEvent>;

export const ZEventListing = z.object({
  id: z.number(),
  listingKind: z.enum(LISTING_KINDS),
  listingId: z.number(),
  title: z.string(),
  status: z.string(),
  lotNo: z.number().nullable(),
  startPrice: z.number().nullable(),
  finalPrice: z.number().nullable(),
  sold: z.boolean().nullable(),
  premium: z.number().nullable(),
});

export const ZEventSignup = z.object({
  id: z.number(),
  name: z.string(),
  /** shown to the region's users and to the account itself */
  contact: z.string(),
  boundKind: z.string().nullable(),
  byAccount: z.boolean(),
  createdAt: z.string(),
});

export const ZEventDetail = ZMarketEvent.extend({
  listings: z.array(ZEventListing),
  /** all of them for the region's users; the caller's own for others */
  signups: z.array(ZEventSignup),
  mayManage: z.boolean(),
});
export type EventDetail = z.infer<typeof ZEventDetail>;

export const ZEventList = z.object({ items: z.array(ZMarketEvent) });
