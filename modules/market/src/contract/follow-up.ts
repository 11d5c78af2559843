/**
 * The market's push and follow-up (issue 11 items 3 and 4): the matches the push kept with each side's feedback,
 * the brokers' leads and their moves, and the figures the bureau reads.
 */
import { z } from 'zod';
import { LEAD_STATUSES } from './lead-stages.ts';

export const FEEDBACKS = ['useful', 'notUseful'] as const;
export const ZFeedback = z.enum(FEEDBACKS);
export type Feedback = z.infer<typeof ZFeedback>;

export { LEAD_MOVES, LEAD_STATUSES, type LeadStatus } from './lead-stages.ts';
export const ZLeadStatus = z.enum(LEAD_STATUSES);

export const ZMarketMatch = z.object({
  id: z.number(),
  demandId: z.number(),
  demandTitle: z.string(),
  regionCode: z.string(),
  counterpartKind: z.enum(['achievement', 'expert', 'provider']),
  counterpartId: z.number(),
  counterpartTitle: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  firstPushedAt: z.string(),
  pushedAt: z.string(),
  demandFeedback: ZFeedback.nullable(),
  counterpartFeedback: ZFeedback.nullable(),
  leadId: z.number().nullable(),
  leadStatus: ZLeadStatus.nullable(),
  brokerId: z.number().nullable(),
  brokerName: z.string().nullable(),
});
export type MarketMatch = z.infer<typeof ZMarketMatch>;

export const ZMatchQuery = z.object({
  feedback: z.enum(['useful', 'notUseful', 'none']).optional(),
  lead: z.enum(['with', 'without']).optional(),
  demandId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** one match (a broker's notification links to it) */
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ZMatchPage = z.object({ items: z.array(ZMarketMatch), total: z.number() });

export const ZFeedbackBody = z.object({ feedback: ZFeedback });

export const ZMarketLead = z.object({
  id: z.number(),
  matchId: z.number(),
  brokerId: z.number(),
  brokerName: z.string(),
  status: ZLeadStatus,
  reason: z.string().nullable(),
  contractId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  demandId: z.number(),
  demandTitle: z.string(),
  counterpartKind: z.string(),
  counterpartId: z.number(),
  counterpartTitle: z.string(),
  regionCode: z.string(),
});
export type MarketLead = z.infer<typeof ZMarketLead>;

export const ZLeadDetail = ZMarketLead.extend({
  history: z.array(z.object({ from: z.string().nullable(), to: z.string(), reason: z.string().nullable(), by: z.string().nullable(), at: z.string() })),
});

/** a bureau account names the broker who owns the lead; a broker's account owns it itself */
export const ZLeadCreate = z.object({ brokerId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() });

export const ZLeadMove = z.object({
  status: ZLeadStatus,
  reason: z.string().trim().max(500).optional(),
  /** the technology contract registered for a signed lead (its id in 技术合同登记) */
  contractId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

export const ZLeadQuery = z.object({ status: ZLeadStatus.optional() });

export const ZFollowUpQuery = z.object({ since: z.iso.date().optional() });
export const ZFollowUpFigures = z.object({
  since: z.string(),
  demandsPublished: z.number(),
  demandsWithMatch: z.number(),
  demandsWithUsefulMatch: z.number(),
  medianDaysToUsefulMatch: z.number().nullable(),
  demandsContactedWithin10Days: z.number(),
  /** demandsContactedWithin10Days ÷ demandsPublished, null without demands */
  shareContactedWithin10Days: z.number().nullable(),
  leads: z.record(ZLeadStatus, z.number()),
  feedback: z.object({
    demandUseful: z.number(),
    demandNotUseful: z.number(),
    counterpartUseful: z.number(),
    counterpartNotUseful: z.number(),
    none: z.number(),
  }),
});
