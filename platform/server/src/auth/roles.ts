import type { Role } from '@kechuang/platform-core';

export { ROLES, BUREAU_ROLES, READ_ROLES, VALUE_WRITE_ROLES, ADMIN_ROLES, BOUND_ROLES, type Role } from '@kechuang/platform-core';

export const ROLE_LABELS: Record<Role, string> = {
  bureauAdmin: '科技局管理员',
  bureauStaff: '科技局工作人员',
  leader: '领导（驾驶舱只读）',
  townOfficer: '镇街/园区专员',
  enterpriseUser: '企业用户',
  carrierUser: '载体填报员',
};


/**
 * A user's jurisdiction: a region subtree (path prefix) or one enterprise.
 * Every read of regional data filters by it; every write checks it.
 */
export type Scope =
  | { kind: 'region'; regionCode: string; regionName: string; path: string }
  | { kind: 'enterprise'; enterpriseId: number | null; regionCode: string | null }
  | { kind: 'carrier'; carrierId: number | null; regionCode: string | null };

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  enterpriseId: number | null;
  carrierId: number | null;
  scope: Scope;
}
