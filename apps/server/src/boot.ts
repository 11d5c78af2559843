/**
 * Start-up shared by the server, the CLI and the tests: open the database, apply migrations, load the
 * region tree, and on an empty database with demo mode on, seed the demo content (indicators, the
 * enterprise registry, the performance review's carriers, the technology market) and accounts.
 */
import { AppError } from '@kechuang/platform-core';
import {
  createUser,
  getRegion,
  loadRegionTree,
  migrate,
  openDatabase,
  upsertPark,
  type AppContext,
  type CreateUserInput,
  type Db,
  type ReadLimits,
} from '@kechuang/platform-server';
import { hasIndicator, hasSyntheticValues, seedDemoIndicators, upgradeDemoIndicators } from '@kechuang/indicators/server';
import { seedDemoEnterprises } from '@kechuang/enterprises/demo';
import { hasEnterprises, registryFigures, writeRegistryActuals } from '@kechuang/enterprises/server';
import { seedDemoCarriers } from '@kechuang/carriers/demo';
import { DEMO_CONTRACT_YEARS, seedDemoTechContracts } from '@kechuang/tech-contracts/demo';
import { hasTechContracts, writeTransactionActuals } from '@kechuang/tech-contracts/server';
// the rooms' kinds of bound account (enterprise, carrier, institute, broker) are registered when their server modules load: the demo
// accounts and the CLI's `user create` need them without the app
import '@kechuang/carriers/server';
import '@kechuang/market/server';
import { hasCarriers } from '@kechuang/carriers/server';
import { hasMarketEvents, seedDemoEvents, seedDemoMarket, type DemoFirm } from '@kechuang/market/demo';
import { hasMarket, reindexListings } from '@kechuang/market/server';
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
  // the market's search index follows its vocabulary: listings read again after the bureau edited a vocabulary file
  await reindexListings(db);
  if (!config.KECHUANG_DEMO) return { seeded: false };
  // one instance seeds; the row in settings is claimed in the same transaction as the seed
  const seeded = await db.transaction(async (tx) => {
    if (!(await claim(tx, 'demoSeeded'))) return false;
    const [{ n }] = await tx.query<{ n: number }>('select count(*) as n from users');
    if (n > 0) return false; // a real deployment: never add demo accounts to it
    await claim(tx, 'demoEnterprisesSeeded');
    await claim(tx, 'demoCarriersSeeded');
    await claim(tx, 'demoTechContractsSeeded');
    await claim(tx, 'demoMarketSeeded');
    await claim(tx, 'demoMarketEventsSeeded');
    await upsertPark(tx, home.code, `${home.code}${DEMO_PARK.code}`, DEMO_PARK.name);
    await seedDemoIndicators(tx, home);
    const { accountEnterprise } = await seedDemoEnterprises(tx, home);
    await computedActuals2025(tx, home.code);
    await seedDemoTechContracts(tx, home, { accountEnterpriseId: accountEnterprise?.id });
    const { accountCarrier } = await seedDemoCarriers(tx, home);
    const { accountInstitute, accountBroker } = await seedDemoMarket(tx, home, await demoFirms(tx, home), accountEnterprise);
    await seedDemoAccounts(tx, home.code, { enterprise: accountEnterprise, carrier: accountCarrier, institute: accountInstitute, broker: accountBroker });
    // the market's events, after the accounts: they sign up for them
    await seedDemoEvents(tx, home);
    return true;
  });
  if (!seeded) {
    await seedDemoLater(db, 'demoEnterprisesSeeded', hasEnterprises, async (tx) => {
      const { accountEnterprise } = await seedDemoEnterprises(tx, home);
      await seedDemoAccounts(tx, home.code, { enterprise: accountEnterprise }, ['enterprise']);
    });
    await seedDemoLater(db, 'demoCarriersSeeded', hasCarriers, async (tx) => {
      const { accountCarrier } = await seedDemoCarriers(tx, home);
      await seedDemoAccounts(tx, home.code, { carrier: accountCarrier }, ['carrier']);
    });
    await seedDemoLater(db, 'demoMarketSeeded', hasMarket, async (tx) => {
      const [own] = await tx.query<{ id: number }>(`select bound_id::int as id from users where username = 'enterprise' and bound_kind = 'enterprise'`);
      const { accountInstitute, accountBroker } = await seedDemoMarket(tx, home, await demoFirms(tx, home), own ?? null);
      await seedDemoAccounts(tx, home.code, { institute: accountInstitute, broker: accountBroker }, ['institute', 'broker']);
    });
    await seedDemoLater(db, 'demoMarketEventsSeeded', hasMarketEvents, async (tx) => void (await seedDemoEvents(tx, home)));
    // two years of registered technology contracts (2025, 2026) and the technology-transaction figure they make
    await seedDemoLater(db, 'demoTechContractsSeeded', hasTechContracts, async (tx) => void (await seedDemoTechContracts(tx, home)));
    // the plan tables' rows added since (表1 in full, the investment share) and the demo's 2025
    await seedDemoLater(
      db,
      'demoIndicators2025',
      (tx) => hasIndicator(tx, 'TECH_TRANSACTION_VOLUME'),
      async (tx) => {
        await upgradeDemoIndicators(tx, home);
        await computedActuals2025(tx, home.code);
      },
    );
  }
  return { seeded };
}

/**
 * The demo's computed actuals: the registry's counts of 2025 (a registry seeded by an earlier version wrote 2020–2024
 * only) and the registered technology contracts' volume of the demo's contract years (lost with the catalogue's
 * entry when an older database lacked it).
 */
async function computedActuals2025(tx: Db, district: string): Promise<void> {
  if (await hasEnterprises(tx)) await writeRegistryActuals(tx, { id: null, username: 'system' }, district, [2025]);
  if (await hasTechContracts(tx)) await writeTransactionActuals(tx, null, district, DEMO_CONTRACT_YEARS);
}

async function claim(tx: Db, key: string): Promise<boolean> {
  const [claimed] = await tx.query(`insert into settings (key, value) values ($1, $2) on conflict do nothing returning key`, [
    key,
    JSON.stringify({ at: new Date().toISOString() }),
  ]);
  return !!claimed;
}

/**
 * A demo data directory seeded before a room's demo content existed (the enterprise registry, the carriers)
 * gets it once: only if its indicators are the demo's (synthetic figures present, so never a real
 * deployment) and the room holds nothing yet (`isFilled`, the room's own check, says no).
 */
async function seedDemoLater(db: Db, key: string, isFilled: (tx: Db) => Promise<boolean>, seed: (tx: Db) => Promise<void>): Promise<void> {
  const [done] = await db.query('select 1 from settings where key = $1', [key]);
  if (done) return;
  await db.transaction(async (tx) => {
    if (!(await claim(tx, key))) return;
    const [demo] = await tx.query(`select 1 from settings where key = 'demoSeeded'`);
    if (!demo || !(await hasSyntheticValues(tx)) || (await isFilled(tx))) return;
    await seed(tx);
  });
}

interface BoundRecord {
  id: number;
  name: string;
}

/** the demo registry's enterprises, for the demo market's demands (the market does not read the registry's tables) */
async function demoFirms(tx: Db, home: { path: string }): Promise<DemoFirm[]> {
  const rows = await registryFigures(tx, home.path, 2024, '2024-12-31');
  return rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.regionCode, industry: r.industry }));
}

async function seedDemoAccounts(
  db: Db,
  district: string,
  bound: { enterprise?: BoundRecord | null; carrier?: BoundRecord; institute?: BoundRecord | null; broker?: BoundRecord | null },
  only?: string[],
): Promise<void> {
  const accounts: CreateUserInput[] = [
    { username: 'admin', displayName: '系统管理员', role: 'bureauAdmin', password: DEMO_PASSWORD },
    { username: 'bureau', displayName: '区科技局 王科长', role: 'bureauStaff', password: DEMO_PASSWORD },
    { username: 'leader', displayName: '分管区领导', role: 'leader', password: DEMO_PASSWORD },
    { username: 'town', displayName: '招宝山街道 李专员', role: 'townOfficer', regionCode: `${district}001`, password: DEMO_PASSWORD },
    { username: 'town2', displayName: '蛟川街道 陈专员', role: 'townOfficer', regionCode: `${district}002`, password: DEMO_PASSWORD },
  ];
  // an enterprise user of a firm close to HNTE: sees and reports only its own enterprise
  const { enterprise, carrier, institute, broker } = bound;
  if (enterprise)
    accounts.push({ username: 'enterprise', displayName: enterprise.name, role: 'enterpriseUser', boundId: enterprise.id, password: DEMO_PASSWORD });
  // an incubator's reporter: enters only its own carrier's figures for the performance review
  if (carrier) accounts.push({ username: 'carrier', displayName: `${carrier.name} 填报员`, role: 'carrierUser', boundId: carrier.id, password: DEMO_PASSWORD });
  // an institute's account: lists its achievements and experts in the technology market
  if (institute) accounts.push({ username: 'institute', displayName: institute.name, role: 'institutionUser', boundId: institute.id, password: DEMO_PASSWORD });
  // a technology broker: keeps its own listing in the technology market
  if (broker) accounts.push({ username: 'broker', displayName: `技术经纪人 ${broker.name}`, role: 'brokerUser', boundId: broker.id, password: DEMO_PASSWORD });
  for (const a of accounts.filter((x) => !only || only.includes(x.username))) {
    try {
      await createUser(db, null, a, { allowDemoPassword: true });
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    }
  }
}

/** The bounds on reading an uploaded table, for the app and the CLI alike. */
export function readLimitsOf(config: Config): ReadLimits {
  return { maxInflatedBytes: config.KECHUANG_MAX_INFLATED_MB * 1024 * 1024, maxCells: config.KECHUANG_MAX_CELLS };
}

export function appContext(db: Db, config: Config): AppContext {
  return {
    db,
    homeRegion: config.KECHUANG_HOME_REGION,
    maxUploadBytes: config.KECHUANG_MAX_UPLOAD_MB * 1024 * 1024,
    readLimits: readLimitsOf(config),
    sessionHours: config.KECHUANG_SESSION_HOURS,
    cookieSecure: config.KECHUANG_COOKIE_SECURE,
    maxLoginFailures: config.KECHUANG_LOGIN_MAX_FAILURES,
    demo: config.KECHUANG_DEMO,
    trustProxy: config.KECHUANG_TRUST_PROXY,
    publicOrigins: config.KECHUANG_PUBLIC_ORIGIN,
  };
}
