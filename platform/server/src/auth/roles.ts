import type { PlatformRole } from '@kechuang/platform-core';
import { boundKindOfRole } from './bound-kinds.ts';
import type { Role } from '@kechuang/platform-core';

export {
  PLATFORM_ROLES,
  BUREAU_ROLES,
  READ_ROLES,
  VALUE_WRITE_ROLES,
  ADMIN_ROLES,
  isPlatformRole,
  type Role,
  type PlatformRole,
  type BoundRole,
} from '@kechuang/platform-core';

const PLATFORM_ROLE_LABELS: Record<PlatformRole, string> = {
  bureauAdmin: '科技局管理员',
  bureauStaff: '科技局工作人员',
  leader: '领导（驾驶舱只读）',
  townOfficer: '镇街/园区专员',
};

/** a role's name in Chinese: the platform's own, or as the room registered its kind */
export const roleLabel = (role: Role): string => (PLATFORM_ROLE_LABELS as Record<string, string>)[role] ?? boundKindOfRole(role)?.roleLabel ?? role;

/**
 * A user's jurisdiction: a region subtree (path prefix) or one record of a kind a room registered (an enterprise,
 * a carrier …; see bound-kinds.ts). Every read of regional data filters by it; every write checks it.
 */
export type Scope =
  | { kind: 'region'; regionCode: string; regionName: string; path: string }
  | { kind: 'bound'; boundKind: string; boundId: number | null; regionCode: string | null };

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  boundKind: string | null;
  boundId: number | null;
  scope: Scope;
}
