/**
 * The indicators routes' own small shapes (zod): queries, path parameters and bodies that are not records of the
 * room (those are schemas.ts'), kept here so that the routes declare no schema of their own.
 */
import { z } from 'zod';
import { ZPageQuery } from '@kechuang/platform-core';
import { ZPlan, ZValueKind } from './schemas.ts';

export const ZIndicatorQuery = ZPageQuery.extend({
  category: z.string().max(32).optional(),
  headline: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const ZPlanList = z.object({ items: z.array(ZPlan) });
/** the periods with actuals, newest first, and the one the pages open on (the newest well covered: see defaultPeriod) */
export const ZPeriodList = z.object({ items: z.array(z.string()), default: z.string().nullable() });
export const ZTrendQuery = z.object({ region: z.string().max(20), indicator: z.string().max(48), plan: z.string().max(32).optional() });
export const ZCockpitQuery = z.object({ period: z.string().min(4).max(16), region: z.string().max(20).optional() });

export const ZImportRunsQuery = ZPageQuery.extend({ status: z.enum(['accepted', 'refused']).optional() });
export const ZImportRunIdParams = z.object({ id: z.coerce.number().int() });
export const ZValuePut = z.object({
  region: z.string().max(20),
  indicator: z.string().max(48),
  period: z.string().max(16),
  kind: ZValueKind,
  value: z.union([z.string().max(40), z.number(), z.null()]),
});
export const ZValueSaved = z.object({ region: z.string(), indicator: z.string(), kind: z.string(), period: z.string(), value: z.string().nullable() });
export const ZIndicatorCode = z.object({ code: z.string().max(48) });
export const ZPlanCode = z.object({ code: z.string().max(32) });
export const ZPlanInput = z.object({
  name: z.string().min(2).max(64),
  startYear: z.number().int().min(1990).max(2100),
  endYear: z.number().int().min(1990).max(2100),
  yellowThreshold: z.number().min(0).max(1),
  isCurrent: z.boolean(),
});
