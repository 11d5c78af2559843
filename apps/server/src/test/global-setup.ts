/**
 * Vitest globalSetup (vitest.config.ts, e2e/vitest.config.ts): builds, once per run, the database each
 * kind of test app starts with (startTestApp in ../test-app.ts): migrations applied, the region tree
 * loaded, and prepare() run, with the demo (the default) and without it ({ demo: false }). For PGlite the
 * data directory is dumped to a file under os.tmpdir(); on the TEST_DATABASE_URL server it is a template
 * database. A test app then starts from a copy of it (PGlite's loadDataDir, `create database … template`)
 * in seconds instead of redoing the work (~20 s a start). Nothing is built when no test file of the run
 * starts an app. When a template is missing (not built, another config, another home region),
 * startTestApp builds its database the slow way, with the same result.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadRegionTree, migrate, openEmbedded, openPostgres, type Db } from '@kechuang/platform-server';
import { prepare } from '../boot.ts';
import { templateKey, testConfig, type DatabaseTemplate } from '../test-app.ts';

// the non-demo state first: the demo's is the same plus what prepare() seeds, so it is built on top
const CONFIGS = [testConfig({ demo: false }), testConfig({})];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const files = await runFiles(project);
  const uses = (pattern: RegExp) => !files || files.some((f) => pattern.test(readFileSync(f, 'utf8')));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kc-test-db-'));
  const templates: Record<string, DatabaseTemplate> = {};
  const databases: string[] = [];
  const admin = process.env.TEST_DATABASE_URL;
  const started = Date.now();
  // e2e/harness.ts starts its apps on PGlite only
  if (uses(/startTestApp\(|startE2e\(/)) await build('PGlite', () => buildEmbedded(dir, templates));
  if (admin && uses(/startTestApp\(/)) await build('PostgreSQL', () => buildPostgres(admin, templates, databases));
  if (Object.keys(templates).length) console.log(`test databases: templates built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('kcDatabaseTemplates', templates);
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (admin) for (const name of databases) await adminQuery(admin, `drop database if exists ${name} with (force)`);
  };
}

async function build(what: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    // the test apps then build their databases themselves, and fail there if the build is broken
    console.warn(`test databases: no ${what} templates (${(e as Error).message}); every test app builds its own`);
  }
}

/** The run's test files (the CLI's filters applied), or undefined when they cannot be known. */
async function runFiles(project: TestProject): Promise<string[] | undefined> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    return (await project.globTestFiles(filters)).testFiles;
  } catch {
    return undefined;
  }
}

async function buildEmbedded(dir: string, templates: Record<string, DatabaseTemplate>): Promise<void> {
  // built in a data directory on disk, since the Db interface does not dump; each state is dumped after a clean close
  const dataDir = path.join(dir, 'pgdata');
  for (const [i, config] of CONFIGS.entries()) {
    const db = await openEmbedded(dataDir);
    try {
      if (i === 0) await migrateAndLoadRegions(db);
      await prepare(db, config);
    } finally {
      await db.close();
    }
    const pglite = await PGlite.create(dataDir);
    const file = path.join(dir, `${templateKey(config)}.tar`);
    try {
      await writeFile(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    } finally {
      await pglite.close();
    }
    templates[templateKey(config)] = { ...templates[templateKey(config)], dump: file };
  }
  await rm(dataDir, { recursive: true, force: true });
}

async function buildPostgres(admin: string, templates: Record<string, DatabaseTemplate>, databases: string[]): Promise<void> {
  const run = randomBytes(4).toString('hex');
  let previous: string | undefined;
  for (const config of CONFIGS) {
    const name = `kc_tpl_${run}_${config.KECHUANG_DEMO ? 'demo' : 'plain'}`;
    await adminQuery(admin, `create database ${name}${previous ? ` template ${previous}` : ''}`);
    databases.push(name);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString(), 4);
    try {
      if (!previous) await migrateAndLoadRegions(db);
      await prepare(db, config);
    } finally {
      await db.close(); // a template is copied only while no one is connected to it
    }
    previous = name;
    templates[templateKey(config)] = { ...templates[templateKey(config)], database: name };
  }
  // and no one will be: not even autovacuum, whose connection would make a copy wait
  for (const name of databases) await adminQuery(admin, `alter database ${name} with allow_connections false`);
}

async function migrateAndLoadRegions(db: Db): Promise<void> {
  await migrate(db);
  await loadRegionTree(db);
}

async function adminQuery(admin: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
