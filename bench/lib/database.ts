/**
 * A fresh database for one benchmark, set up the way the server starts (migrate → region tree →
 * prepare with demo data), on the embedded database (PGlite in memory) or in a throwaway database
 * on the PostgreSQL server named by BENCH_DATABASE_URL / TEST_DATABASE_URL (created here, dropped
 * on close, like apps/server/src/test-app.ts does).
 *
 * Each one also offers a bare COPY into the same database, the reference the import is measured
 * against: on PGlite through the raw instance (`COPY … FROM '/dev/blob'`), on PostgreSQL through
 * pg-copy-streams on a connection of its own.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadRegionTree, migrate, openEmbedded, openPostgres, type Db } from '@kechuang/platform-server';
import { clearCache } from '@kechuang/indicators/server';
import { prepare } from '@kechuang/server/boot';
import { loadConfig, type Config } from '../../apps/server/src/config.ts';

export type Mode = 'embedded' | 'postgres';

export interface BenchDatabase {
  mode: Mode;
  db: Db;
  config: Config;
  /** Loads CSV text (no header) into `table` with a bare COPY; answers the milliseconds it took. */
  copyCsv(table: string, csv: string): Promise<number>;
  close(): Promise<void>;
}

export const serverUrl = (): string | undefined => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

export function modes(): Mode[] {
  return serverUrl() ? ['embedded', 'postgres'] : ['embedded'];
}

/**
 * openEmbedded() keeps its PGlite to itself; COPY FROM '/dev/blob' needs the raw instance, so the
 * one PGlite.create() call that openEmbedded makes is observed (the app's own code path is unchanged).
 */
async function openEmbeddedWithRaw(): Promise<{ db: Db; raw: PGlite }> {
  const statics = PGlite as unknown as { create: (...args: unknown[]) => Promise<PGlite> };
  const original = statics.create;
  let raw: PGlite | undefined;
  statics.create = async (...args: unknown[]) => {
    raw = await original.apply(PGlite, args);
    return raw;
  };
  try {
    const db = await openEmbedded(undefined);
    if (!raw) throw new Error('bench: openEmbedded() did not go through PGlite.create()');
    return { db, raw };
  } finally {
    statics.create = original;
  }
}

export async function openBenchDatabase(mode: Mode, opts: { demo?: boolean } = {}): Promise<BenchDatabase> {
  const config = loadConfig({ KECHUANG_DEMO: opts.demo === false ? 'false' : 'true', LOG_LEVEL: 'silent' });
  let db: Db;
  let copyCsv: BenchDatabase['copyCsv'];
  let drop = async (): Promise<void> => undefined;
  if (mode === 'embedded') {
    const opened = await openEmbeddedWithRaw();
    db = opened.db;
    const raw = opened.raw;
    copyCsv = async (table, csv) => {
      const blob = new Blob([csv]);
      const t = performance.now();
      await raw.query(`copy ${table} from '/dev/blob' with (format csv)`, [], { blob });
      return performance.now() - t;
    };
  } else {
    const admin = serverUrl();
    if (!admin) throw new Error('bench: postgres mode needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
    const name = `kc_bench_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    db = await openPostgres(url.toString()); // the app's default pool size
    copyCsv = async (table, csv) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const t = performance.now();
        await pipeline(Readable.from([csv]), client.query(copyFrom(`copy ${table} from stdin with (format csv)`)));
        return performance.now() - t;
      } finally {
        await client.end();
      }
    };
    drop = async () => {
      const a = new pg.Client({ connectionString: admin });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  await migrate(db);
  await loadRegionTree(db);
  await prepare(db, config);
  clearCache();
  return {
    mode,
    db,
    config,
    copyCsv,
    async close() {
      await db.close();
      await drop();
    },
  };
}
