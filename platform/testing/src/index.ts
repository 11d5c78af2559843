/**
 * The integration-test harness (`@kechuang/testing`): a real app on a fresh database, PGlite in memory
 * always, and a throwaway database on the PostgreSQL server named by TEST_DATABASE_URL when it is set.
 * The database starts as a copy of a template the run's globalSetup built (apps/server/src/test/global-setup.ts)
 * when there is one.
 *
 * Which app it starts is not known here: apps/server registers it (registerTestApp, in its test-app.ts, which
 * vitest.config.ts's setup file imports), so the rooms' tests import this workspace and not the server that
 * is built from the rooms.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Db } from '@kechuang/platform-server';

export type DatabaseMode = 'embedded' | 'postgres';
export const DATABASE_MODES: DatabaseMode[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

/** Runs a suite once per database mode. */
export function describeEachDatabase(name: string, fn: (mode: DatabaseMode) => void): void {
  for (const mode of DATABASE_MODES) describe(`${name} [${mode}]`, () => fn(mode));
}

/** A fresh test database's state, built once per run: a PGlite data directory's dump (a file), a template database. */
export interface DatabaseTemplate {
  dump?: string;
  database?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** by AppUnderTest.templateKey(); provided by apps/server/src/test/global-setup.ts */
    kcDatabaseTemplates?: Record<string, DatabaseTemplate>;
  }
}

/** What a test asks of its app: the demo unless `demo: false`, `env` over the defaults (not process.env). */
export interface TestAppOptions {
  demo?: boolean;
  env?: Record<string, string>;
  serveWeb?: boolean;
}

/** The app the harness starts, registered by the application (apps/server/src/test-app.ts). */
export interface AppUnderTest {
  /** the key of the template a fresh database for these options starts from; the same options, the same key */
  templateKey(opts: TestAppOptions): string;
  /** what the app does to a migrated database with the region tree at start-up (demo seed, catalogues …) */
  prepare(db: Db, opts: TestAppOptions): Promise<void>;
  build(db: Db, opts: TestAppOptions): Promise<FastifyInstance>;
  /** the demo accounts' password, login()'s default */
  password: string;
  /** before each app starts: forget what the previous one cached in this process */
  beforeStart?(): void;
  /** before an app closes: let its background work settle */
  settle?(): Promise<void>;
}

let registered: AppUnderTest | (() => Promise<AppUnderTest>) | undefined;

/** Registers the app, or how to load it: a test file that starts no app then loads none of it. */
export function registerTestApp(app: AppUnderTest | (() => Promise<AppUnderTest>)): void {
  registered = app;
}

async function appUnderTest(): Promise<AppUnderTest> {
  if (!registered) throw new Error('no test app registered: vitest.config.ts runs apps/server/src/test/setup-test-app.ts (setupFiles), which registers it');
  if (typeof registered === 'function') registered = await registered();
  return registered;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** logs in and returns the cookie header value */
  login(username: string, password?: string): Promise<string>;
  /** runs the app's start-up preparation on this database again, as its next start would */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(mode: DatabaseMode, opts: TestAppOptions = {}): Promise<TestApp> {
  const under = await appUnderTest();
  const { loadRegionTree, migrate, openEmbedded, openPostgres } = await import('@kechuang/platform-server');
  const template = inject('kcDatabaseTemplates')?.[under.templateKey(opts)];
  let db: Db;
  let fromTemplate: boolean;
  let dropDatabase = async () => undefined as void;
  if (mode === 'postgres') {
    fromTemplate = !!template?.database;
    const admin = process.env.TEST_DATABASE_URL!;
    const name = `kc_test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}${fromTemplate ? ` template ${template!.database}` : ''}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    db = await openPostgres(url.toString(), 4);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    fromTemplate = !!template?.dump;
    db = await openEmbedded(undefined, fromTemplate ? { loadDataDir: new Blob([await readFile(template!.dump!)]) } : {});
  }
  if (!fromTemplate) {
    await migrate(db);
    await loadRegionTree(db);
    await under.prepare(db, opts);
  }
  under.beforeStart?.();
  const app = await under.build(db, opts);
  await app.ready();
  return {
    app,
    db,
    async login(username, password = under.password) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'kc_session');
      return `kc_session=${cookie!.value}`;
    },
    prepare: () => under.prepare(db, opts),
    async close() {
      await under.settle?.();
      await app.close();
      await db.close();
      await dropDatabase();
    },
  };
}

/** A multipart/form-data body with one file in the field "file". */
export function multipartFile(fileName: string, data: Buffer | string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kc${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(data) ? data : Buffer.from(data), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function json<T = any>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
