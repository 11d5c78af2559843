/**
 * The platform API's shapes (session, regions, users, audit): zod schemas the server validates and
 * documents with, and the web client takes its types from (type-only imports).
 */
import { z } from 'zod';
import { ROLES } from './roles.ts';

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['province', 'city', 'district', 'town', 'park']),
  parentCode: z.string().nullable(),
  path: z.string(),
});

export const ZRegionScope = z.object({ kind: z.literal('region'), regionCode: z.string(), regionName: z.string(), path: z.string() });
export const ZEnterpriseScope = z.object({ kind: z.literal('enterprise'), enterpriseId: z.number().nullable(), regionCode: z.string().nullable() });
/** a carrier's own account (载体填报员): its carrier's figures only */
export const ZCarrierScope = z.object({ kind: z.literal('carrier'), carrierId: z.number().nullable(), regionCode: z.string().nullable() });
export const ZScope = z.union([ZRegionScope, ZEnterpriseScope, ZCarrierScope]);

export const ZActor = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  enterpriseId: z.number().nullable(),
  carrierId: z.number().nullable(),
  scope: ZScope,
});
export const ZMe = z.object({ user: ZActor, role: z.enum(ROLES), scope: ZScope });

export const ZUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  enterpriseId: z.number().nullable(),
  carrierId: z.number().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
});

/** An account opened from a record's page (an enterprise's, a carrier's): its role and binding come from the record. */
export const ZBoundAccountCreate = z.object({
  username: z.string().trim().min(2).max(64),
  displayName: z.string().trim().max(64).optional(),
  password: z.string().min(1).max(200),
});

export const ZAuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  /** the person's name (users.display_name) when the account still exists */
  displayName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
