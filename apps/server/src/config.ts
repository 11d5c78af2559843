/**
 * The environment, parsed once. Every variable has a safe default, so `npm start` works with none;
 * the README's configuration table lists exactly these.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A comma-separated list, each item checked; empty items are dropped. */
const list = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));
const isAddressOrCidr = (s: string) => {
  const [address, bits, extra] = s.split('/');
  if (extra !== undefined || !isIP(address)) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128);
};
const proxyAddress = z.string().refine(isAddressOrCidr, { message: 'expected an IP address or CIDR, e.g. 10.0.0.5 or 10.0.0.0/8' });
const origin = z.string().refine(
  (s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
    } catch {
      return false;
    }
  },
  { message: 'expected an origin such as https://kc.example.gov.cn (scheme, host, optional port; no path)' },
);

export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('0.0.0.0').describe('address to listen on'),
  KECHUANG_DATA_DIR: z.string().default('./data').describe('embedded database directory (used when DATABASE_URL is unset)'),
  DATABASE_URL: z.string().optional().describe('PostgreSQL server URL; when set, the embedded database is not used'),
  KECHUANG_HOME_REGION: z
    .string()
    .regex(/^\d{6}$/)
    .default('330211')
    .describe('GB/T 2260 code of the district this deployment serves'),
  KECHUANG_DEMO: bool.default(true).describe('seed demo data and demo accounts into an empty database'),
  KECHUANG_SESSION_HOURS: z.coerce.number().positive().default(12).describe('session lifetime in hours'),
  KECHUANG_COOKIE_SECURE: bool.default(false).describe('mark the session cookie Secure (set true behind HTTPS)'),
  KECHUANG_MAX_UPLOAD_MB: z.coerce.number().positive().default(20).describe('largest accepted upload, in MB'),
  KECHUANG_MAX_INFLATED_MB: z.coerce
    .number()
    .positive()
    .default(200)
    .describe('largest total an uploaded .xlsx may inflate to, in MB (checked in its zip directory, then while inflating); refused with 413 beyond'),
  KECHUANG_MAX_CELLS: z.coerce
    .number()
    .int()
    .positive()
    .default(5_000_000)
    .describe('most cells (rows × columns) an uploaded .xlsx or .csv may hold; refused with 413 beyond'),
  KECHUANG_LOGIN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe(
      'failed logins per username from one address before each further try there must wait (30 s, doubling to 15 min); an address gets 4× this over all usernames in 15 minutes',
    ),
  KECHUANG_TRUST_PROXY: list(proxyAddress)
    .default([])
    .describe('comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For/-Proto/-Host are believed; none by default'),
  KECHUANG_PUBLIC_ORIGIN: list(origin)
    .default([])
    .describe('comma-separated origins the site is served under (e.g. https://kc.example.gov.cn), accepted on state-changing requests besides the Host header'),
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
