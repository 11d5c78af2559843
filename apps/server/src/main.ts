/** config → database → migrations → app → listen */
import { loadConfig } from './config.ts';
import { appContext, openAndMigrate, prepare } from './boot.ts';
import { buildApp } from './app.ts';
import { holdDataDir, serverHoldingDataDir } from './data-dir-lock.ts';
import { warmLeague, warmupsSettled } from '@kechuang/indicators/server';
import { startDailyDigests } from '@kechuang/platform-server';

const config = loadConfig();
if (!config.DATABASE_URL) {
  const pid = serverHoldingDataDir(config.dataDir);
  if (pid) throw new Error(`another Kechuang server (pid ${pid}) is using ${config.dataDir}`);
  holdDataDir(config.dataDir);
}
const db = await openAndMigrate(config);
const { seeded } = await prepare(db, config);
const app = await buildApp(appContext(db, config), { logLevel: config.LOG_LEVEL });
await app.listen({ port: config.PORT, host: config.HOST });
warmLeague(db, config.KECHUANG_HOME_REGION);
// each account's digest of yesterday's unread notifications, from 08:00 Beijing time
const stopDigests = startDailyDigests(db, app.log);
app.log.info(
  `Kechuang on http://localhost:${config.PORT} (database: ${db.kind}${db.kind === 'embedded' ? ` in ${config.dataDir}` : ''}${seeded ? ', demo data seeded' : ''})`,
);

async function shutdown(signal: string) {
  app.log.info(`${signal}: closing`);
  stopDigests();
  await app.close();
  await warmupsSettled();
  await db.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
