import type { z } from 'zod';
import type { ZAuditEntry, ZBoundKind, ZUser } from '@kechuang/platform-core/contract';

export type UserRow = z.infer<typeof ZUser>;
export type AuditRow = z.infer<typeof ZAuditEntry>;
export type BoundKindRow = z.infer<typeof ZBoundKind>;
