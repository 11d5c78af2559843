/** What the room's routes share: its data version, its OpenAPI tag, who reads, who submits, who decides. */
import { BUREAU_ROLES, READ_ROLES, type Role } from '@kechuang/platform-server';

/** the room's data version, bumped by every write of a contract */
export const TECH_CONTRACTS_ROOM = 'techContracts';
export const tags = ['tech-contracts'];
/** the register clerk (技术合同登记员): the bureau's staff and administrators */
export const CLERK_ROLES: readonly Role[] = BUREAU_ROLES;
/** the enterprise registry's kind of bound account (enterprise users act for their enterprise) */
export const ENTERPRISE_KIND = 'enterprise';
export const READERS = { roles: [...READ_ROLES, 'enterpriseUser'] as Role[] };
export const SUBMITTERS = { roles: [...BUREAU_ROLES, 'enterpriseUser'] as Role[] };
export const CLERKS = { roles: CLERK_ROLES };
/** statistics and the export: the region accounts */
export const REGION_READERS = { roles: READ_ROLES };
