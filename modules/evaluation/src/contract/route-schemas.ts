/**
 * The evaluation routes' own small shapes (zod): path parameters and the answers that are not records of the
 * room (those are schemas.ts'), kept here so that the routes declare no schema of their own.
 */
import { z } from 'zod';
import { PRESETS, ZPresetInfo, ZPresetScheme, ZPublishedSummary } from './schemas.ts';

const ZPositive = z.coerce.number().int().positive();

export const ZId = z.object({ id: ZPositive });
export const ZRunId = z.object({ runId: ZPositive });
export const ZEntityParams = ZId.extend({ entityId: z.string().min(1).max(200) });
export const ZCreated = z.object({ id: z.number() });
export const ZOk = z.object({ ok: z.literal(true) });
/** a saved scheme, with its warnings in the request's language */
export const ZSaved = z.object({ id: z.number(), warnings: z.array(z.string()) });
export const ZPublished = z.object({ count: z.number(), superseded: z.number().nullable() });
export const ZWithdrawn = z.object({ status: z.literal('withdrawn') });
export const ZPublishedQuery = z.object({ preset: z.enum([...PRESETS, 'upload']).optional() });
export const ZPublishedSummaries = z.object({ items: z.array(ZPublishedSummary) });
export const ZPresetInfos = z.object({ items: z.array(ZPresetInfo) });
export const ZPresetSchemes = z.object({ items: z.array(ZPresetScheme) });
