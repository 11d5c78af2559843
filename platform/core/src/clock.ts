/**
 * The bureau's clock: its calendar day and its times are Beijing time (Asia/Shanghai: UTC+8 all year, no
 * daylight saving), whatever the zone of the server or of the browser. Every date the platform takes
 * ("today" for a rule, this year for a form's default) and every time it shows comes from here.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** today in Asia/Shanghai as YYYY-MM-DD */
export function bureauToday(now: number = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** the bureau's calendar year */
export function bureauYear(now: number = Date.now()): number {
  return Number(bureauToday(now).slice(0, 4));
}

/** an instant (ISO text, as the database and the API give it) in the bureau's zone: "2025-03-01 14:05"; empty for none, as given when unreadable */
export function bureauDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** the bureau's calendar day of an instant: "2025-03-01" */
export const bureauDate = (iso: string | null | undefined): string => bureauDateTime(iso).slice(0, 10);
