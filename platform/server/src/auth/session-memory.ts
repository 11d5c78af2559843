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
 * Each database has its own memory (a process may hold several: tests, benchmarks); forgetting forgets
 * them all, by moving the generation on. A lookup whose query started before a forgetting is not kept.
 * SQL that changes sessions, users or data_versions directly (a test, a script) calls forgetSessionMemory.
 * On PostgreSQL nothing is kept: several servers may share the database, and its pool runs lookups side by side.
 */

/** how long a session's row is trusted without the database (a change made outside the platform's code shows after this) */
export const MEMORY_MS = 2_000;
const MAX_SESSIONS = 10_000;

interface Memory {
  sessions: Map<string, { row: unknown; at: number; generation: number }>;
  versions: { value: Record<string, number>; generation: number } | null;
}

let generation = 0;
const memories = new WeakMap<object, Memory>();

function memoryOf(db: object): Memory {
  let memory = memories.get(db);
  if (!memory) memories.set(db, (memory = { sessions: new Map(), versions: null }));
  return memory;
}

/** Forgets every remembered session and the data versions, of every database. */
export function forgetSessionMemory(): void {
  generation++;
}

export function memoryGeneration(): number {
  return generation;
}

export function rememberedSession<T>(db: object, tokenHash: string): T | undefined {
  const { sessions } = memoryOf(db);
  const hit = sessions.get(tokenHash);
  if (!hit) return undefined;
  if (hit.generation !== generation || performance.now() - hit.at > MEMORY_MS) {
    sessions.delete(tokenHash);
    return undefined;
  }
  return hit.row as T;
}

export function rememberedVersions(db: object): Record<string, number> | null {
  const { versions } = memoryOf(db);
  return versions && versions.generation === generation ? versions.value : null;
}

/** Keeps a lookup's answers, unless something was forgotten since its query started (`since`). */
export function remember(db: object, since: number, tokenHash: string, row: unknown, dataVersions: Record<string, number>): void {
  if (since !== generation) return;
  const memory = memoryOf(db);
  if (memory.sessions.size >= MAX_SESSIONS) memory.sessions.clear();
  memory.sessions.set(tokenHash, { row, at: performance.now(), generation });
  memory.versions = { value: dataVersions, generation };
}

/** Keeps the data versions read on their own (the session's row was remembered). */
export function rememberVersions(db: object, since: number, dataVersions: Record<string, number>): void {
  if (since === generation) memoryOf(db).versions = { value: dataVersions, generation };
}
