/** The platform's roles, shared with the server (plain constants from platform/core). */
export {
  PLATFORM_ROLES,
  BUREAU_ROLES,
  ADMIN_ROLES,
  READ_ROLES,
  VALUE_WRITE_ROLES,
  isPlatformRole,
  roleNeedsRegion,
  type Role,
} from '@kechuang/platform-core/roles';
