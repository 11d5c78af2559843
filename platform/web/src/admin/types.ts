import type { Role } from '../roles.ts';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
  enterpriseId: number | null;
  isActive: boolean;
  createdAt: string;
}

export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
}
