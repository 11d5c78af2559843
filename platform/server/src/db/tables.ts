/**
 * The tables the platform owns (migrations/0001_platform.sql; notifications: 0019). Every room lists its own in its `db/tables.ts`;
 * a room's SQL names only its own tables and the shared ones below, and reaches everything else through the
 * owner's exported functions (a test fails otherwise: apps/server/src/test/table-ownership.test.ts).
 */
export const TABLES = ['settings', 'regions', 'users', 'sessions', 'login_attempts', 'audit_log', 'import_runs', 'data_versions', 'notifications'] as const;

/**
 * The platform tables a room's SQL may name, and how. `read`: in reads and joins only — a write goes through
 * the platform's functions (createUser, updateUser, moveBoundAccounts …). `ownRows`: a room reads and writes
 * its own rows (its import kinds, its setting keys). The others — sessions, login_attempts, audit_log,
 * data_versions — only through the platform's functions (audit(), bumpVersion(), readVersion() …).
 */
export const SHARED_TABLES: Record<string, { use: 'read' | 'ownRows'; why: string }> = {
  regions: { use: 'read', why: "a row's region name, and jurisdiction as a prefix of the region's path" },
  users: { use: 'read', why: 'the name of who changed a row (updated_by, published_by …)' },
  import_runs: { use: 'ownRows', why: "each room's import runs, of its own kinds, until the one import pipeline (issue 10 item 2) keeps them" },
  settings: { use: 'ownRows', why: "a room's own keys (the registry's rule version)" },
};
