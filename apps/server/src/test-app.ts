/**
 * The integration-test harness: a real app on a fresh database, PGlite in memory always, and a
 * throwaway database on the PostgreSQL server named by TEST_DATABASE_URL when it is set. The database
 * starts as a copy of a template the run's globalSetup built (test/global-setup.ts) when there is one.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { loadRegionTree, migrate, openEmbedded, openPostgres, type Db } from '@kechuang/platform-server';
import { clearCache, warmupsSettled } from '@kechuang/indicators/server';
import { loadConfig, type Config } from './config.ts';
import { appContext, prepare, DEMO_PASSWORD } from './boot.ts';
import { buildApp } from './app.ts';

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
    /** by templateKey(); provided by test/global-setup.ts */
    kcDatabaseTemplates?: Record<string, DatabaseTemplate>;
  }
}

/** The configuration a test app runs with: the demo unless `demo: false`, and `env` over the defaults (not process.env). */
export function testConfig(opts: { demo?: boolean; env?: Record<string, string> }): Config {
  return loadConfig({ KECHUANG_DEMO: opts.demo === false ? 'false' : 'true', ...opts.env });
}

/** The settings that decide what a fresh test database holds: prepare() reads these two and no other. */
export function templateKey(config: Pick<Config, 'KECHUANG_DEMO' | 'KECHUANG_HOME_REGION'>): string {
  return `${config.KECHUANG_DEMO ? 'demo' : 'plain'}-${config.KECHUANG_HOME_REGION}`;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** logs in and returns the cookie header value */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApp(mode: DatabaseMode, opts: { demo?: boolean; env?: Record<string, string>; serveWeb?: boolean } = {}): Promise<TestApp> {
  const config = testConfig(opts);
  const template = inject('kcDatabaseTemplates')?.[templateKey(config)];
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
    await prepare(db, config);
  }
  clearCache();
  const app = await buildApp(appContext(db, config), { serveWeb: opts.serveWeb ?? false, logLevel: process.env.KC_TEST_LOG ?? 'silent' });
  await app.ready();
  return {
    app,
    db,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'kc_session');
      return `kc_session=${cookie!.value}`;
    },
    async close() {
      await warmupsSettled();
      await app.close();
      await db.close();
      await dropDatabase();
    },
  };
}

/** A multipart/form-data body with one file in the field "file". */
export function multipartFile(fileName: string, data: Buffer | string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kc${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(data) ? data : Buffer.from(data), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function json<T = any>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
