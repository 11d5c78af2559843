/**
 * Notifications (消息, migration 0019): what the platform tells one account. A room writes them with notify()
 * or notifyBoundAccounts() (a pushed match to an institute's accounts, a listing sent back to its owner), in
 * both languages, since the room knows the facts and the platform knows neither the room nor the reader;
 * the account lists them in its language, counts the unread ones and marks them read. Once a day every
 * account with new unread notifications gets one digest of them (writeDailyDigests, startDailyDigests).
 */
import { bureauToday, type Localized, type MessageLang, type Notification, type NotificationsQuery } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import { activeBoundAccounts } from '../auth/bound-kinds.ts';
import { limitOffset } from '../http/paging.ts';

export interface NotificationInput {
  /** the room's kind, e.g. 'market.match' ('digest' is the platform's) */
  kind: string;
  title: Localized;
  body?: Localized | null;
  /** where the reader sees the thing: a path of the web client */
  link?: string | null;
  /**
   * A push of the same thing again (a listing edited, a match rescored) names the same key: the account's one
   * notification of that key is updated, unread again if its text changed, instead of a second one added.
   */
  dedupKey?: string | null;
}

const KIND = /^[a-z][A-Za-z0-9.]*$/;
const TITLE_MAX = 200;
const BODY_MAX = 2000;

/** a room's mistake, not a user's: refused before it reaches the table's checks */
function checkInput(n: NotificationInput): void {
  if (!KIND.test(n.kind) || n.kind.length > 64) throw new Error(`notification kind ${JSON.stringify(n.kind)} is not a kind name`);
  if (n.link != null && !n.link.startsWith('/')) throw new Error(`notification link ${n.link} is not a path of the web client`);
}

const clip = (text: Localized, max: number): Localized => ({ zh: text.zh.slice(0, max), en: text.en.slice(0, max) });

/** Notifies these accounts (inactive ones are skipped); returns how many notifications were written or changed. */
export async function notify(db: Db, userIds: readonly number[], n: NotificationInput): Promise<number> {
  checkInput(n);
  if (userIds.length === 0) return 0;
  const rows = await db.query(
    `insert into notifications (user_id, kind, title, body, link, dedup_key)
     select u.id, $2, $3::jsonb, $4::jsonb, $5, $6 from users u where u.id = any($1::bigint[]) and u.is_active
     on conflict (user_id, dedup_key) where dedup_key is not null do update
        set kind = excluded.kind, title = excluded.title, body = excluded.body, link = excluded.link,
            created_at = now(), read_at = null, digested_at = null
      where (notifications.title, notifications.body, notifications.link) is distinct from (excluded.title, excluded.body, excluded.link)
     returning id`,
    [
      [...new Set(userIds)],
      n.kind,
      JSON.stringify(clip(n.title, TITLE_MAX)),
      n.body ? JSON.stringify(clip(n.body, BODY_MAX)) : null,
      n.link ?? null,
      n.dedupKey ?? null,
    ],
  );
  return rows.length;
}

/** Notifies the active accounts bound to one record of a room (an institute's, a broker's …). */
export async function notifyBoundAccounts(db: Db, kind: string, id: number, n: NotificationInput): Promise<number> {
  return notify(db, await activeBoundAccounts(db, kind, id), n);
}

/** Notifies the active accounts of these roles (the bureau's staff, say); a room narrows by region itself. */
export async function notifyRoles(db: Db, roles: readonly string[], n: NotificationInput): Promise<number> {
  const ids = await db.query<{ id: number }>('select id::int as id from users where role = any($1::text[]) and is_active', [roles]);
  return notify(
    db,
    ids.map((r) => r.id),
    n,
  );
}

/** the first instant of a bureau day (Beijing midnight) as a timestamptz literal */
const dayStart = (day: string): string => `${day}T00:00:00+08:00`;

/** One account's notifications, newest first, in its language; `day` narrows to one bureau day. */
export async function listNotifications(
  db: Db,
  userId: number,
  lang: MessageLang,
  query: NotificationsQuery,
): Promise<{ items: Notification[]; total: number; page: number; pageSize: number }> {
  const params: unknown[] = [userId, lang];
  let where = 'where user_id = $1';
  if (query.unread === 'true') where += ' and read_at is null';
  if (query.day) {
    params.push(dayStart(query.day));
    where += ` and created_at >= $${params.length}::timestamptz and created_at < $${params.length}::timestamptz + interval '1 day'`;
  }
  const items = await db.query<Notification>(
    `select id::int as id, kind, title->>$2 as title, body->>$2 as body, link, created_at::text as at, read_at is not null as read
       from notifications ${where}
      order by created_at desc, id desc ${limitOffset(query)}`,
    params,
  );
  // the language ($2) is not used by the count, but keeps the numbering of the other parameters
  const [count] = await db.query<{ n: number }>(`select count(*)::int as n from notifications ${where} and $2::text is not null`, params);
  return { items, total: count.n, page: query.page, pageSize: query.pageSize };
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [userId]);
  return row.n;
}

/** Marks one of the account's notifications read; false when the account has no such notification. */
export async function markRead(db: Db, userId: number, id: number): Promise<boolean> {
  const rows = await db.query('update notifications set read_at = coalesce(read_at, now()) where id = $2 and user_id = $1 returning id', [userId, id]);
  return rows.length > 0;
}

/** Marks all the account's notifications read; returns how many were unread. */
export async function markAllRead(db: Db, userId: number): Promise<number> {
  const rows = await db.query('update notifications set read_at = now() where user_id = $1 and read_at is null returning id', [userId]);
  return rows.length;
}

/** how many titles a digest lists before "and N more" */
export const DIGEST_TITLES = 5;

/**
 * The digest of one bureau day: every account with notifications of that day still unread and not yet in a
 * digest gets one notification counting them, listing the first few titles and linking to the day's list.
 * Asking twice for the same day changes nothing (the digest's key is its day, and the notifications counted
 * are marked). Returns how many accounts got a digest.
 */
export async function writeDailyDigests(db: Db, day: string): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx.query<{ userId: number; n: number; titles: Localized[]; ids: number[] }>(
      `select user_id::int as "userId", count(*)::int as n,
              (array_agg(title order by created_at desc, id desc))[1:${DIGEST_TITLES}] as titles,
              array_agg(id::int) as ids
         from notifications
        where kind <> 'digest' and read_at is null and digested_at is null
          and created_at >= $1::timestamptz and created_at < $1::timestamptz + interval '1 day'
        group by user_id`,
      [dayStart(day)],
    );
    for (const d of due) {
      const more = d.n - d.titles.length;
      await notify(tx, [d.userId], {
        kind: 'digest',
        dedupKey: `digest:${day}`,
        link: `/notifications?day=${day}`,
        title: { zh: `${day} 消息摘要：${d.n} 条未读`, en: `Digest of ${day}: ${d.n} unread` },
        body: {
          zh: d.titles.map((t) => `· ${t.zh}`).join('\n') + (more > 0 ? `\n…另有 ${more} 条` : ''),
          en: d.titles.map((t) => `· ${t.en}`).join('\n') + (more > 0 ? `\n… and ${more} more` : ''),
        },
      });
      await tx.query('update notifications set digested_at = now() where id = any($1::bigint[])', [d.ids]);
    }
    return due.length;
  });
}

/** the bureau hour at which the previous day's digest is written */
export const DIGEST_HOUR = 8;

/** The bureau day whose digest is due at `now` (yesterday, from 08:00 Beijing time), or null before 08:00. */
export function digestDueFor(now: number): string | null {
  const beijingHour = new Date(now + 8 * 3_600_000).getUTCHours();
  if (beijingHour < DIGEST_HOUR) return null;
  return bureauToday(now - 86_400_000);
}

/**
 * Writes the previous day's digest once a day from 08:00 Beijing time, checking every `everyMs`; a server
 * started later in the day writes it at once. Several servers on one database write each account's digest
 * once (its key). Returns a function that stops the clock.
 */
export function startDailyDigests(db: Db, log: { error(obj: unknown, msg: string): void }, everyMs = 10 * 60_000): () => void {
  let done: string | null = null;
  let running = false;
  const tick = async () => {
    const day = digestDueFor(Date.now());
    if (!day || day === done || running) return;
    running = true;
    try {
      await writeDailyDigests(db, day);
      done = day;
    } catch (e) {
      log.error(e, `daily digest of ${day} failed; tried again in ${Math.round(everyMs / 60_000)} min`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
