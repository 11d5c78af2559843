/**
 * The audit log: every write records who, when, what, on which entity, and the before/after.
 * Called inside the write's own transaction, so a change and its audit row stand or fall together.
 */
import type { Db } from '../db/db.ts';
import { forgetSessionMemory } from '../auth/session-memory.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who did it: a signed-in user, or a command-line run (id null, username 'cli:…'). */
export interface AuditActor {
  id: number | null;
  username: string;
}

export async function audit(tx: Db, actor: AuditActor | null, e: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_log (user_id, username, action, entity, entity_id, region_code, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor?.id ?? null,
      actor?.username ?? 'system',
      e.action,
      e.entity,
      e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      e.regionCode ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

/**
 * Bumps a room's data version in the write's transaction (see data_versions in 0001_platform.sql), and
 * forgets the session lookups kept in memory, data versions included (auth/session-memory.ts).
 */
export async function bumpVersion(tx: Db, room: string): Promise<void> {
  await tx.query(`insert into data_versions (room, version) values ($1, 1) on conflict (room) do update set version = data_versions.version + 1`, [room]);
  forgetSessionMemory();
}

export async function currentVersion(db: Db, room: string): Promise<number> {
  const [r] = await db.query<{ version: number }>('select version from data_versions where room = $1', [room]);
  return r?.version ?? 0;
}
