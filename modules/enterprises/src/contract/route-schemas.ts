/**
 * The registry's routes' own small shapes (zod): path parameters, queries and answers that are not records of the
 * registry (those are schemas.ts'), kept here so that the routes declare no schema of their own.
 */
import { z } from 'zod';
import { ZPage } from '@kechuang/platform-core';
import { WORK_LISTS } from '../domain/work-list-names.ts';
import { ZIpHolding, ZUnitCounts, ZWorkListItem } from './schemas.ts';
import { ZRegistryImportKind } from './import-schemas.ts';

const ZPositive = z.coerce.number().int().positive();
const ZYear = z.coerce.number().int().min(2000).max(2100);

export const ZId = z.object({ id: ZPositive });
export const ZIdYear = ZId.extend({ year: z.coerce.number().int().min(1990).max(2100) });
export const ZQualificationParams = ZId.extend({ qualificationId: ZPositive });
export const ZInstitutionParams = ZId.extend({ institutionId: ZPositive });
export const ZOk = z.object({ ok: z.literal(true) });
export const ZCreatedId = z.object({ id: z.number() });
export const ZYears = z.object({ from: ZYear, to: ZYear });
export const ZAsOfQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export const ZYearSource = z.object({ source: z.string(), confirmed: z.boolean() });
export const ZIpHoldings = z.object({ items: z.array(ZIpHolding).max(50) });
export const ZQualificationStatus = z.object({ status: z.enum(['active', 'revoked']) });
export const ZListName = z.object({ list: z.enum(WORK_LISTS) });
export const ZWorkListPage = ZPage(ZWorkListItem).extend({ asOf: z.string(), title: z.string() });
export const ZUnitCountsList = z.object({ items: z.array(ZUnitCounts) });
export const ZRegionQuery = z.object({ region: z.string().max(20).optional() });
export const ZChainList = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), sort: z.number() })) });
export const ZChainCode = z.object({ code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,31}$/, '代码为字母开头的字母、数字') });
export const ZChainInput = z.object({ name: z.string().trim().min(1).max(32), sort: z.number().int().default(0) });
/** the registry import's routes */
export const ZImportKindQuery = z.object({ kind: ZRegistryImportKind });
export const ZRunId = z.object({ id: ZPositive });
