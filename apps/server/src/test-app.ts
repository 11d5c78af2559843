/**
 * The integration-test harness: a real app on a fresh database, PGlite in memory always, and a
 * throwaway database on the PostgreSQL server named by TEST_DATABASE_URL when it is set.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { describe } from 'vitest';
import { loadRegionTree, migrate, openEmbedded, openPostgres, type Db } from '@kechuang/platform-server';
import { clearCache, warmupsSettled } from '@kechuang/indicators/server';
import { loadConfig } from './config.ts';
import { appContext, prepare, DEMO_PASSWORD } from './boot.ts';
import { buildApp } from './app.ts';

export type DatabaseMode = 'embedded' | 'postgres';
export const DATABASE_MODES: DatabaseMode[] = process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

/** Runs a suite once per database mode. */
export function describeEachDatabase(name: string, fn: (mode: DatabaseMode) => void): void {
  for (const mode of DATABASE_MODES) describe(`${name} [${mode}]`, () => fn(mode));
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** logs in and returns the cookie header value */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestApp(mode: DatabaseMode, opts: { demo?: boolean; env?: Record<string, string>; serveWeb?: boolean } = {}): Promise<TestApp> {
  let db: Db;
  let dropDatabase = async () => undefined as void;
  if (mode === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL!;
    const name = `kc_test_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
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
    db = await openEmbedded(undefined);
  }
  await migrate(db);
  await loadRegionTree(db);
  const config = loadConfig({ KECHUANG_DEMO: opts.demo === false ? 'false' : 'true', ...opts.env });
  await prepare(db, config);
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
