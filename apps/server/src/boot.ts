/**
 * Start-up shared by the server, the CLI and the tests: open the database, apply migrations, load the
 * region tree, and on an empty database with demo mode on, seed the demo content and accounts.
 */
import { AppError } from '@kechuang/platform-core';
import {
  createUser, getRegion, loadRegionTree, migrate, openDatabase, upsertPark, type AppContext, type Db,
} from '@kechuang/platform-server';
import { seedDemoIndicators } from '@kechuang/indicators/server';
import type { Config } from './config.ts';

export const DEMO_PASSWORD = 'kechuang-demo';
export const DEMO_PARK = { code: 'P01', name: '镇海高端新材料产业园' };

export async function openAndMigrate(config: Pick<Config, 'DATABASE_URL' | 'dataDir'>): Promise<Db> {
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  await migrate(db);
  await loadRegionTree(db);
  return db;
}

export async function prepare(db: Db, config: Pick<Config, 'KECHUANG_HOME_REGION' | 'KECHUANG_DEMO'>): Promise<{ seeded: boolean }> {
  const home = await getRegion(db, config.KECHUANG_HOME_REGION);
  if (!home || home.kind !== 'district') throw new Error(`KECHUANG_HOME_REGION ${config.KECHUANG_HOME_REGION} is not a district in GB/T 2260`);
  if (!config.KECHUANG_DEMO) return { seeded: false };
  // one instance seeds; the row in settings is claimed in the same transaction as the seed
  return db.transaction(async (tx) => {
    const [claimed] = await tx.query(`insert into settings (key, value) values ('demoSeeded', $1) on conflict do nothing returning key`, [JSON.stringify({ at: new Date().toISOString() })]);
    if (!claimed) return { seeded: false };
    const [{ n }] = await tx.query<{ n: number }>('select count(*) as n from users');
    if (n > 0) return { seeded: false }; // a real deployment: never add demo accounts to it
    await upsertPark(tx, home.code, `${home.code}${DEMO_PARK.code}`, DEMO_PARK.name);
    await seedDemoIndicators(tx, home);
    await seedDemoAccounts(tx, home.code);
    return { seeded: true };
  });
}

async function seedDemoAccounts(db: Db, district: string): Promise<void> {
  const accounts = [
    { username: 'admin', displayName: '系统管理员', role: 'bureauAdmin' as const },
    { username: 'bureau', displayName: '区科技局 王科长', role: 'bureauStaff' as const },
    { username: 'leader', displayName: '分管区领导', role: 'leader' as const },
    { username: 'town', displayName: '招宝山街道 李专员', role: 'townOfficer' as const, regionCode: `${district}001` },
    { username: 'town2', displayName: '蛟川街道 陈专员', role: 'townOfficer' as const, regionCode: `${district}002` },
  ];
  for (const a of accounts) {
    try {
      await createUser(db, null, { ...a, password: DEMO_PASSWORD });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    }
  }
}

export function appContext(db: Db, config: Config): AppContext {
  return {
    db,
    homeRegion: config.KECHUANG_HOME_REGION,
    maxUploadBytes: config.KECHUANG_MAX_UPLOAD_MB * 1024 * 1024,
    sessionHours: config.KECHUANG_SESSION_HOURS,
    cookieSecure: config.KECHUANG_COOKIE_SECURE,
    maxLoginFailures: config.KECHUANG_LOGIN_MAX_FAILURES,
  };
}
