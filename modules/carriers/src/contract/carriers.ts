/**
 * The performance review's carriers (科创载体: 产业技术研究院, 孵化器, 众创空间) and their yearly figures:
 * API shapes (zod) the carrier routes validate with and the web client takes its types from.
 * Figures come from the bureau ('manual'), an Excel import ('import') or the carrier's own account
 * ('selfReport', role carrierUser).
 */
import { z } from 'zod';
import { CARRIER_KINDS, CARRIER_LEVELS, FIGURE_SOURCES, REVIEW_KINDS } from '../domain/index.ts';

export const ZCarrierKind = z.enum(CARRIER_KINDS);
export const ZCarrierLevel = z.enum(CARRIER_LEVELS);
export const ZFigureSource = z.enum(FIGURE_SOURCES);
export const ZId = z.object({ id: z.coerce.number().int().positive() });
export const ZYearParams = ZId.extend({ year: z.coerce.number().int().min(2000).max(2100) });

export const ZCarrier = z.object({
  id: z.number(),
  name: z.string(),
  kind: ZCarrierKind,
  level: ZCarrierLevel.nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  createdAt: z.string(),
  /** active accounts of role carrierUser bound to this carrier */
  accounts: z.number(),
});
export type Carrier = z.infer<typeof ZCarrier>;

/** A carrier in the list, with how many of its review's figures of the year are reported. */
export const ZCarrierListItem = ZCarrier.extend({ reported: z.number(), required: z.number() });
export const ZCarrierQuery = z.object({
  kind: ZCarrierKind.optional(),
  /** the review of institutes, or of incubators with maker spaces */
  review: z.enum(REVIEW_KINDS).optional(),
  /** counts `reported` against this year (default: last year) */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZCarrierCreate = z.object({
  name: z.string().trim().min(1).max(200),
  kind: ZCarrierKind,
  level: ZCarrierLevel.nullable().default(null),
  regionCode: z.string().trim().min(1).max(20),
});
export const ZCarrierPatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  level: ZCarrierLevel.nullable().optional(),
  regionCode: z.string().trim().min(1).max(20).optional(),
});

export const ZFigure = z.object({
  indicator: z.string(),
  label: z.string(),
  unit: z.string(),
  group: z.string(),
  value: z.number().nullable(),
  source: ZFigureSource.nullable(),
  updatedBy: z.string().nullable(),
  /** who last wrote it: username, and display name for people to read */
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const ZCarrierFigures = z.object({ carrier: ZCarrier, year: z.number(), figures: z.array(ZFigure), missing: z.array(z.string()) });
/** indicator code → value (≥ 0; a percentage ≤ 100); null removes the figure; codes left out are kept as they are */
export const ZFiguresPut = z.object({ figures: z.record(z.string(), z.number().nullable()) });
export const ZCarrierList = z.object({ year: z.number(), items: z.array(ZCarrierListItem) });
export const ZCarrierDeleted = z.object({ ok: z.literal(true), figuresDeleted: z.number(), accountsDeactivated: z.number() });
