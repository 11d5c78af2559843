/**
 * Writing a large import without holding the event loop. The embedded database (PGlite) runs in this
 * thread: each statement is one synchronous stretch of WebAssembly, and the promises of a chain of
 * statements resolve as microtasks, so a transaction of 100,000 rows never let the event loop turn —
 * /api/health waited for the whole of it. An import therefore writes in chunks (one staging COPY and a
 * few set-based statements per chunk, all in the import's one transaction: still all or nothing), and
 * its transaction goes through `yielding(tx)`, which lets the event loop turn before every statement.
 *
 * On PGlite the chunk size follows the time the statements take: a statement runs ~30 µs a row on a
 * quiet machine and several times that when the cores are shared, so a fixed size either stalls the loop
 * or writes slowly; while other requests arrive, `writeInChunks` aims at TARGET_STATEMENT_MS for a
 * chunk's longest statement, and when none arrived during a chunk it doubles the next one (up to the
 * bound), since short chunks cost an import on its own about half its speed. On PostgreSQL the
 * statements run in the server, the loop is free while they do, and the size is fixed.
 *
 * What other requests can do meanwhile: anything that does not read the database (the health check,
 * static files) is answered between two statements. On PGlite, a request that reads the database (a
 * session lookup, the cockpit) waits for the import's transaction to end, because PGlite has one
 * connection and serialises every query behind an open transaction; on PostgreSQL it runs on another
 * connection of the pool and sees the data as it was before the import until it commits.
 */
import type { Db } from '../db/db.ts';

/** PostgreSQL: rows per chunk. */
export const WRITE_CHUNK_ROWS = 5_000;
/** PGlite: a chunk's longest stretch without a turn of the event loop is aimed at this, between the bounds below. */
export const TARGET_STATEMENT_MS = 40;
const EMBEDDED = { first: 1_000, min: 250, max: 10_000 };

/**
 * A table never analysed has no statistics — always on PGlite, which has no autovacuum, and on PostgreSQL
 * until autovacuum comes round (a database just filled) — and the planner, taking every equality for 1 row
 * in 200, may probe a chunk's keys through any index that covers some of them (indicator_values_year_idx
 * instead of the primary key: a scan that grows with the table; it made 100,000 rows take a minute on
 * PostgreSQL). Analyses the given columns once, when the table has no statistics for them yet.
 */
export async function ensureStatistics(db: Db, table: string, columns: string[]): Promise<void> {
  const [{ known }] = await db.query<{ known: number }>('select count(*) as known from pg_stats where tablename = $1 and attname = any($2::text[])', [
    table,
    columns,
  ]);
  if (known < columns.length) await db.query(`analyze ${table} (${columns.join(', ')})`);
}

let requestsSeen = 0;

/** Counts a request to the server (an onRequest hook calls it), so that a chunked write knows whether anyone else is waiting. */
export function noteRequest(): void {
  requestsSeen++;
}

/** Resolves after the event loop has had a turn (its I/O and timers included). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A database (or transaction) that lets the event loop turn before each statement, and times the stretches between turns. */
export interface YieldingDb extends Db {
  /** the longest stretch without a turn of the event loop since the last call (a statement and the code around it), in milliseconds */
  takeLongestMs(): number;
}

/** The same database (or transaction), letting the event loop turn before each statement. */
export function yielding(db: Db): YieldingDb {
  let resumed = performance.now();
  let longest = 0;
  const turn = async () => {
    longest = Math.max(longest, performance.now() - resumed);
    await yieldToEventLoop();
    resumed = performance.now();
  };
  const wrapped: YieldingDb = {
    kind: db.kind,
    async query<T>(sql: string, params?: unknown[]) {
      await turn();
      return db.query<T>(sql, params);
    },
    async exec(script) {
      await turn();
      return db.exec(script);
    },
    async copyRows(table, columns, rows) {
      await turn();
      return db.copyRows(table, columns, rows);
    },
    transaction: (fn) => db.transaction((tx) => fn(tx === db ? wrapped : yielding(tx))),
    close: () => db.close(),
    takeLongestMs() {
      const ms = Math.max(longest, performance.now() - resumed);
      longest = 0;
      return ms;
    },
  };
  return wrapped;
}

/** The next chunk's size on PGlite: in proportion to how far the last chunk's longest stretch was from the target, growing at most twofold. */
export function nextChunkSize(size: number, longestMs: number): number {
  const scaled = Math.round((size * TARGET_STATEMENT_MS) / Math.max(longestMs, 1));
  return Math.max(EMBEDDED.min, Math.min(EMBEDDED.max, size * 2, scaled));
}

/**
 * Calls `write` on consecutive chunks of `rows`, in order, each after the event loop has turned; on
 * PGlite the chunks are sized so that each statement stays short while other requests arrive (see
 * nextChunkSize) and grow while none do. `write` must stage its chunk afresh: it is called once per
 * chunk in the same transaction.
 */
export async function writeInChunks<T>(tx: YieldingDb, rows: readonly T[], write: (chunk: T[]) => Promise<void>): Promise<void> {
  let size = tx.kind === 'embedded' ? EMBEDDED.first : WRITE_CHUNK_ROWS;
  for (let i = 0; i < rows.length;) {
    const chunk = rows.slice(i, i + size);
    await yieldToEventLoop();
    tx.takeLongestMs();
    const seen = requestsSeen;
    await write(chunk);
    i += chunk.length;
    if (tx.kind === 'embedded') {
      const longest = tx.takeLongestMs();
      size = requestsSeen === seen ? Math.min(EMBEDDED.max, size * 2) : nextChunkSize(size, longest);
    }
  }
}
