/**
 * The environment, parsed once. Every variable has a safe default, so `npm start` works with none;
 * the README's configuration table lists exactly these.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('0.0.0.0').describe('address to listen on'),
  KECHUANG_DATA_DIR: z.string().default('./data').describe('embedded database directory (used when DATABASE_URL is unset)'),
  DATABASE_URL: z.string().optional().describe('PostgreSQL server URL; when set, the embedded database is not used'),
  KECHUANG_HOME_REGION: z.string().regex(/^\d{6}$/).default('330211').describe('GB/T 2260 code of the district this deployment serves'),
  KECHUANG_DEMO: bool.default(true).describe('seed demo data and demo accounts into an empty database'),
  KECHUANG_SESSION_HOURS: z.coerce.number().positive().default(12).describe('session lifetime in hours'),
  KECHUANG_COOKIE_SECURE: bool.default(false).describe('mark the session cookie Secure (set true behind HTTPS)'),
  KECHUANG_MAX_UPLOAD_MB: z.coerce.number().positive().default(20).describe('largest accepted upload, in MB'),
  KECHUANG_MAX_INFLATED_MB: z.coerce.number().positive().default(200)
    .describe('largest total an uploaded .xlsx may inflate to, in MB (checked in its zip directory, then while inflating); refused with 413 beyond'),
  KECHUANG_MAX_CELLS: z.coerce.number().int().positive().default(5_000_000)
    .describe('most cells (rows × columns) an uploaded .xlsx or .csv may hold; refused with 413 beyond'),
  KECHUANG_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5).describe('failed logins per username in 15 minutes before refusing'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('server log level'),
});

export type Config = z.infer<typeof ZConfig> & { dataDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZConfig.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.KECHUANG_DATA_DIR) };
}
