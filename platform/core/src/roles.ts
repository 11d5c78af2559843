/**
 * The platform's roles and who may do what, shared by the server (route access) and the web client
 * (which menu entries to show). Plain constants, no dependencies, so the client can import them.
 */
export const ROLES = ['bureauAdmin', 'bureauStaff', 'leader', 'townOfficer', 'enterpriseUser', 'carrierUser'] as const;
export type Role = (typeof ROLES)[number];

/** Bureau roles work on the whole home district. */
export const BUREAU_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff'];
export const ADMIN_ROLES: readonly Role[] = ['bureauAdmin'];
/** who may read the monitoring pages */
export const READ_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff', 'leader', 'townOfficer'];
/** who may write indicator values (a town officer: actuals of their own town only) */
export const VALUE_WRITE_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff', 'townOfficer'];

/** roles whose account belongs to one record (an enterprise, a carrier of the performance review) and are made from its page */
export const BOUND_ROLES: readonly Role[] = ['enterpriseUser', 'carrierUser'];

/** roles whose account belongs to one town or park */
export const roleNeedsRegion = (role: Role): boolean => role === 'townOfficer';
