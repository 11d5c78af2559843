/** The platform's roles, shared with the server (plain constants from platform/core). */
export { ROLES, BUREAU_ROLES, ADMIN_ROLES, READ_ROLES, VALUE_WRITE_ROLES, BOUND_ROLES, roleNeedsRegion, type Role } from '@kechuang/platform-core/roles';
