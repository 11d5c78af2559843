/**
 * The platform API's shapes (session, regions, users, audit): zod schemas the server validates and
 * documents with, and the web client takes its types from (type-only imports).
 */
import { z } from 'zod';
import { PLATFORM_ROLES } from './roles.ts';

/** a platform role, or the role of a kind of bound account a room registered (`<something>User`) */
export const ZRole = z.union([z.enum(PLATFORM_ROLES), z.templateLiteral([z.string(), 'User'])]);

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['province', 'city', 'district', 'town', 'park']),
  parentCode: z.string().nullable(),
  path: z.string(),
});

export const ZRegionScope = z.object({ kind: z.literal('region'), regionCode: z.string(), regionName: z.string(), path: z.string() });
/**
 * An account bound to one record of a kind a room registered (an enterprise's: its own profile; a carrier's: its
 * own figures …): the record's kind and id (null once the record is deleted), and the record's region.
 */
export const ZBoundScope = z.object({ kind: z.literal('bound'), boundKind: z.string(), boundId: z.number().nullable(), regionCode: z.string().nullable() });
export const ZScope = z.union([ZRegionScope, ZBoundScope]);

/**
 * The ids of an account's record under the names the API gave them before bound kinds (enterpriseId, carrierId):
 * derived from boundKind/boundId by the kinds that registered such a name; kept for the web and API clients.
 * A new kind adds none: its clients read boundKind and boundId.
 */
const ZLegacyBoundIds = { enterpriseId: z.number().nullable().optional(), carrierId: z.number().nullable().optional() };

export const ZActor = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  regionCode: z.string().nullable(),
  boundKind: z.string().nullable(),
  boundId: z.number().nullable(),
  ...ZLegacyBoundIds,
  scope: ZScope,
});
export const ZMe = z.object({ user: ZActor, role: ZRole, scope: ZScope });

export const ZUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  boundKind: z.string().nullable(),
  boundId: z.number().nullable(),
  /** the bound record's name, as its kind's registration finds it */
  boundName: z.string().nullable(),
  ...ZLegacyBoundIds,
  isActive: z.boolean(),
  createdAt: z.string(),
});

/** A kind of bound account as the admin pages show it: the kind, its role and what the record is called. */
export const ZBoundKind = z.object({ kind: z.string(), role: ZRole, label: z.object({ zh: z.string(), en: z.string() }) });

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
