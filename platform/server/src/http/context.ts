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
  maxLoginFailures: number;
}
