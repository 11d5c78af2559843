import type { Db } from '../db/db.ts';

/** What every room's routes receive from the app. */
export interface AppContext {
  db: Db;
  homeRegion: string;
  maxUploadBytes: number;
  sessionHours: number;
  cookieSecure: boolean;
  maxLoginFailures: number;
}
