/** The bureau's clock: its calendar day is Beijing time (UTC+8, no daylight saving), whatever the server's zone. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** today in Asia/Shanghai as YYYY-MM-DD */
export function bureauToday(now: number = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** the bureau's calendar year */
export function bureauYear(now: number = Date.now()): number {
  return Number(bureauToday(now).slice(0, 4));
}
