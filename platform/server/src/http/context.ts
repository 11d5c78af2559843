import type { Db } from '../db/db.ts';
import type { ReadLimits } from '../excel/read-limits.ts';

/** What every room's routes receive from the app. */
export interface AppContext {
  db: Db;
  homeRegion: string;
  maxUploadBytes: number;
  /** how far an uploaded table may inflate and how many cells it may hold (see excel/read-limits.ts) */
  readLimits: ReadLimits;
  sessionHours: number;
  cookieSecure: boolean;
  /** failed logins per username from one address before further tries there wait (see auth/login-throttle.ts) */
  maxLoginFailures: number;
  /** demo mode: the demo password may be set (see auth/password-policy.ts) */
  demo: boolean;
  /** addresses/CIDRs of reverse proxies whose X-Forwarded-* headers are believed; empty: none */
  trustProxy: string[];
  /** origins the site is served under, accepted on unsafe requests besides the Host header's */
  publicOrigins: string[];
}
