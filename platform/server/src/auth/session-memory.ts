/**
 * The session lookups of the embedded database, kept in memory for a moment.
 *
 * Every signed-in request looks up its session, its user, its scope's region and the rooms' data
 * versions (sessions.ts actorForToken): one query. On PGlite every query waits its turn on the one
 * connection, so under load that lookup was the ceiling of every cached page (the registry list served
 * what /api/auth/me served, ~600 requests/s on a quiet machine, issue 15 item 7). PGlite's data directory
 * belongs to one process, so this process sees every change that goes through the platform's code:
 * - a session's row is kept for MEMORY_MS at most, and forgotten at once by a logout, a revocation, a
 *   change of a user (users.ts) or a password, and any write that bumps a data version (a room deleting
 *   a bound record, whose trigger ends its accounts' sessions, bumps its room's version);
 * - the data versions are kept until the next bumpVersion, which forgets them inside the writing
 *   transaction: the next lookup queries them again and, PGlite serialising every query behind an open
 *   transaction, reads them once the write has committed (or rolled back).
 * A lookup whose query started before a forgetting is not remembered (the generation moved on).
 * SQL that changes sessions, users or data_versions directly (a test, a script) calls forgetSessionMemory.
 * On PostgreSQL nothing is kept: several servers may share the database, and its pool runs lookups side by side.
 */

/** how long a session's row is trusted without the database (a change made outside the platform's code shows after this) */
export const MEMORY_MS = 2_000;
const MAX_SESSIONS = 10_000;

let generation = 0;
const sessions = new Map<string, { row: unknown; at: number }>();
let versions: Record<string, number> | null = null;

/** Forgets every remembered session and the data versions. */
export function forgetSessionMemory(): void {
  generation++;
  sessions.clear();
  versions = null;
}

export function memoryGeneration(): number {
  return generation;
}

export function rememberedSession<T>(tokenHash: string): T | undefined {
  const hit = sessions.get(tokenHash);
  if (!hit) return undefined;
  if (performance.now() - hit.at > MEMORY_MS) {
    sessions.delete(tokenHash);
    return undefined;
  }
  return hit.row as T;
}

export function rememberedVersions(): Record<string, number> | null {
  return versions;
}

/** Keeps a lookup's answers, unless something was forgotten since its query started (`since`). */
export function remember(since: number, tokenHash: string, row: unknown, dataVersions: Record<string, number>): void {
  if (since !== generation) return;
  if (sessions.size >= MAX_SESSIONS) sessions.clear();
  sessions.set(tokenHash, { row, at: performance.now() });
  versions = dataVersions;
}

/** Keeps the data versions read on their own (the session's row was remembered). */
export function rememberVersions(since: number, dataVersions: Record<string, number>): void {
  if (since === generation) versions = dataVersions;
}
