/**
 * Login throttling, in the database (login_attempts) so that every instance sees every attempt.
 *
 * - Per username *and* address: after `maxFailures` failures in a row (since that pair's last success,
 *   within a day) each further try from that address waits 30 s, then 60 s, doubling up to 15 minutes.
 *   A stranger failing for `admin` from their address never stops `admin` signing in from another one:
 *   there is no lock on the username alone, which anyone could keep closed (OWASP Authentication
 *   Cheat Sheet, "account lockout" and denial of service).
 * - Per address, over all usernames (a spray): 4 × `maxFailures` failures in 15 minutes close that
 *   address for the rest of the window.
 *
 * Each try is written first, as a failure, and counted against the rows written before it: concurrent
 * tries from one address cannot all pass the check at once. A refused try is removed again, so
 * hammering during a wait does not lengthen it; a try that succeeds is marked so.
 */
import { AppError } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';

const PAIR_WINDOW_HOURS = 24;
const ADDRESS_WINDOW_MINUTES = 15;
const ADDRESS_FACTOR = 4;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;

/** Seconds a try must wait after the last of `failures` failures in a row; 0 below the threshold. */
export function loginDelaySeconds(failures: number, maxFailures: number): number {
  if (failures < maxFailures) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** Math.min(failures - maxFailures, 30), MAX_DELAY_SECONDS);
}

export interface LoginAttempt {
  id: number;
}

interface Counts {
  id: number;
  pair_failures: number;
  pair_seconds_since: number | string | null;
  address_failures: number;
  address_oldest_seconds: number | string | null;
}

/** Records a try for (username, address), or refuses it with LOGIN_RATE_LIMITED and how long to wait. */
export async function beginLoginAttempt(db: Db, username: string, ip: string, maxFailures: number): Promise<LoginAttempt> {
  const [{ id }] = await db.query<{ id: number }>('insert into login_attempts (username, ip, succeeded) values ($1, $2, false) returning id', [username, ip]);
  const addressLimit = maxFailures * ADDRESS_FACTOR;
  // pair: failures after the pair's last success; address: the failures of the window, and how old the
  // one is whose ageing out reopens the address (the addressLimit-th newest)
  const [c] = await db.query<Counts>(
    `with pair as (
       select at from login_attempts
        where username = $1 and ip = $2 and not succeeded and id < $3 and at > now() - make_interval(hours => $4)
          and id > coalesce((select max(id) from login_attempts where username = $1 and ip = $2 and succeeded), 0)
     ), address as (
       select at from login_attempts
        where ip = $2 and not succeeded and id < $3 and at > now() - make_interval(mins => $5)
        order by at desc limit $6
     )
     select (select count(*) from pair) as pair_failures,
            (select extract(epoch from now() - max(at)) from pair) as pair_seconds_since,
            (select count(*) from address) as address_failures,
            (select extract(epoch from now() - min(at)) from address) as address_oldest_seconds`,
    [username, ip, id, PAIR_WINDOW_HOURS, ADDRESS_WINDOW_MINUTES, addressLimit],
  );
  const refuse = async (retryAfterSeconds: number, scope: 'account' | 'address') => {
    await db.query('delete from login_attempts where id = $1', [id]);
    const wait = Math.max(1, Math.ceil(retryAfterSeconds));
    const when = wait >= 120 ? `${Math.ceil(wait / 60)} 分钟` : `${wait} 秒`;
    const whenEn = wait >= 120 ? `${Math.ceil(wait / 60)} minutes` : `${wait} seconds`;
    const message =
      scope === 'address'
        ? { zh: `此地址登录失败次数过多，请 ${when}后再试`, en: `Too many failed sign-ins from this address: try again in ${whenEn}` }
        : { zh: `登录失败次数过多，请 ${when}后再试`, en: `Too many failed sign-ins: try again in ${whenEn}` };
    return new AppError('LOGIN_RATE_LIMITED', { message, details: { scope, retryAfterSeconds: wait } });
  };
  if (c.address_failures >= addressLimit) {
    throw await refuse(ADDRESS_WINDOW_MINUTES * 60 - Number(c.address_oldest_seconds ?? 0), 'address');
  }
  const delay = loginDelaySeconds(c.pair_failures, maxFailures);
  const since = Number(c.pair_seconds_since ?? Infinity);
  if (delay > 0 && since < delay) throw await refuse(delay - since, 'account');
  return { id };
}

/** Marks a try that succeeded: the pair's failures before it no longer count. */
export async function loginSucceeded(db: Db, attempt: LoginAttempt): Promise<void> {
  await db.query('update login_attempts set succeeded = true where id = $1', [attempt.id]);
}

/** Attempts older than the longest window; run now and then (every successful login, and every 1000th try). */
export async function purgeLoginAttempts(db: Db): Promise<void> {
  await db.query(`delete from login_attempts where at < now() - make_interval(hours => $1)`, [PAIR_WINDOW_HOURS]);
}
