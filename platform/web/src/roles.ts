/** The platform's roles (mirrors the server's list; web code must not import server code). */
export type Role = 'bureauAdmin' | 'bureauStaff' | 'leader' | 'townOfficer' | 'enterpriseUser';

export const ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff', 'leader', 'townOfficer', 'enterpriseUser'];
export const BUREAU_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff'];
export const ADMIN_ROLES: readonly Role[] = ['bureauAdmin'];
/** who may read the monitoring pages */
export const READ_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff', 'leader', 'townOfficer'];
/** who may write values (town officers: actuals of their own town only) */
export const WRITE_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff', 'townOfficer'];

/** roles whose account belongs to one town or park */
export const roleNeedsRegion = (role: Role): boolean => role === 'townOfficer';
