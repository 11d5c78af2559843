/**
 * The platform's roles and who may do what, shared by the server (route access) and the web client
 * (which menu entries to show). Plain constants, no dependencies, so the client can import them.
 */
export const PLATFORM_ROLES = ['bureauAdmin', 'bureauStaff', 'leader', 'townOfficer'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
/**
 * The role of an account bound to one record of a kind a room registers (enterpriseUser: one enterprise,
 * carrierUser: one carrier of the performance review …), named `<something>User`. The room registers it with
 * its kind (platform/server auth/bound-kinds.ts); the platform lists none of them.
 */
export type BoundRole = `${string}User`;
export type Role = PlatformRole | BoundRole;

export const isPlatformRole = (role: string): role is PlatformRole => (PLATFORM_ROLES as readonly string[]).includes(role);
/** a well-formed bound role's name; whether a room registered it is the server's to say */
export const isBoundRoleName = (role: string): role is BoundRole => /^[a-z][A-Za-z0-9]*User$/.test(role);

/** Bureau roles work on the whole home district. */
export const BUREAU_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff'];
export const ADMIN_ROLES: readonly Role[] = ['bureauAdmin'];
/** who may read the monitoring pages */
export const READ_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff', 'leader', 'townOfficer'];
/** who may write indicator values (a town officer: actuals of their own town only) */
export const VALUE_WRITE_ROLES: readonly Role[] = ['bureauAdmin', 'bureauStaff', 'townOfficer'];

/** roles whose account belongs to one town or park */
export const roleNeedsRegion = (role: Role): boolean => role === 'townOfficer';
