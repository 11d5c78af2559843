/**
 * One small interface over both drivers: PGlite (embedded, file-backed) and node-postgres (served).
 * Every room talks SQL through it; numeric columns come back as exact decimal strings and bigint
 * counts as numbers in both modes.
 */
import { PGlite } from '@electric-sql/pglite';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type DatabaseKind = 'embedded' | 'postgres';
export type Row = Record<string, unknown>;

export interface Db {
  readonly kind: DatabaseKind;
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Bulk-loads rows into a table with COPY (the fastest way in on both drivers). Values are text
   * (null for NULL); the caller names the columns.
   */
  copyRows(table: string, columns: string[], rows: (string | null)[][]): Promise<void>;
  /** Runs fn in one transaction; nested calls reuse the outer one. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const NUMERIC = 1700;
const INT8 = 20;

/** `loadDataDir`: start from a dump of a data directory (PGlite's dumpDataDir) instead of an empty one. */
export async function openEmbedded(dataDir: string | undefined, opts: { loadDataDir?: Blob } = {}): Promise<Db> {
  const db = await PGlite.create(dataDir ?? 'memory://', {
    parsers: { [NUMERIC]: (v: string) => v, [INT8]: (v: string) => Number(v) },
    serializers: {},
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>, inTx: boolean): Db => ({
    kind: 'embedded',
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return r.rows;
    },
    async exec(script) {
      await q.exec(script);
    },
    async copyRows(table, columns, rows) {
      const blob = new Blob([toCsv(rows)]);
      await q.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob });
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (inTx) return fn(this);
      return db.transaction((tx) => fn(wrap(tx, true)));
    },
    async close() {
      if (!inTx) await db.close();
    },
  });
  return wrap(db, false);
}

pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => v);

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection can be closed under us (a server restart, an administrator); the pool drops it
  // and opens another on the next query. Without a listener the error would end the process.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') process.emitWarning(`PostgreSQL connection lost: ${err.message}`);
  });
  await pool.query('select 1');
  const wrap = (client: pg.Pool | pg.PoolClient, inTx: boolean): Db => ({
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const r = await client.query(sql, params as unknown[]);
      return r.rows as T[];
    },
    async exec(script) {
      await client.query(script); // no parameters: the simple protocol runs every statement
    },
    async copyRows(table, columns, rows) {
      const load = async (c: pg.PoolClient) => {
        const stream = c.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`));
        await pipeline(Readable.from([toCsv(rows)]), stream);
      };
      if (inTx) return load(client as pg.PoolClient);
      const c = await pool.connect();
      try {
        await load(c);
      } finally {
        c.release();
      }
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (inTx) return fn(this);
      const c = await pool.connect();
      try {
        await c.query('begin');
        const out = await fn(wrap(c, true));
        await c.query('commit');
        return out;
      } catch (e) {
        await c.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    async close() {
      if (!inTx) await pool.end();
    },
  });
  return wrap(pool, false);
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openEmbedded(opts.dataDir);
}

/** CSV for COPY: every value quoted, so commas, quotes and newlines in text survive; NULL stays unquoted. */
function toCsv(rows: (string | null)[][]): string {
  let out = '';
  for (const r of rows) out += `${r.map((v) => (v === null ? '' : `"${v.replaceAll('"', '""')}"`)).join(',')}\n`;
  return out;
}
