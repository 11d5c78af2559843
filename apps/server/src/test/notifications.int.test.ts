/**
 * Notifications (消息): an account reads, counts and marks only its own, in its language; a repeated push
 * updates the one notification; the daily digest counts a day's unread notifications once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '@kechuang/platform-core';
import { digestDueFor, notify, notifyBoundAccounts, writeDailyDigests } from '@kechuang/platform-server';
import { describeEachDatabase, json, startTestApp, type TestApp } from '../test-app.ts';

describeEachDatabase('notifications', (mode) => {
  let t: TestApp;
  let town: string, town2: string;
  let townId: number, town2Id: number;
  const page = async (cookie: string, query = '', lang = 'zh-CN') => {
    const res = await t.app.inject({ url: `/api/notifications${query}`, headers: { cookie, 'accept-language': lang } });
    expect(res.statusCode, res.body).toBe(200);
    return json<{ items: Notification[]; total: number }>(res);
  };
  const unread = async (cookie: string) => json<{ unread: number }>(await t.app.inject({ url: '/api/notifications/unread-count', headers: { cookie } })).unread;
  const idOf = async (cookie: string) => json(await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).user.id as number;
  const match = (n: number) => ({
    kind: 'market.match',
    title: { zh: `新匹配 ${n}：<b>反应釜</b>`, en: `New match ${n}: <b>reactor</b>` },
    body: { zh: '共同术语：加氢', en: 'Shared terms: hydrogenation' },
    link: `/market/demands/${n}`,
  });

  beforeAll(async () => {
    t = await startTestApp(mode);
    [town, town2] = await Promise.all(['town', 'town2'].map((u) => t.login(u)));
    [townId, town2Id] = await Promise.all([idOf(town), idOf(town2)]);
  });
  afterAll(async () => t?.close());

  it('refuses an anonymous caller', async () => {
    expect((await t.app.inject({ url: '/api/notifications' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/notifications/unread-count' })).statusCode).toBe(401);
  });

  it("lists an account's own notifications in its language, newest first, and no one else's", async () => {
    await notify(t.db, [townId], match(1));
    await notify(t.db, [townId], match(2));
    await notify(t.db, [town2Id], match(3));
    const zh = await page(town);
    expect(zh.items.map((n) => n.title)).toEqual(['新匹配 2：<b>反应釜</b>', '新匹配 1：<b>反应釜</b>']);
    expect(zh.items[0]).toMatchObject({ kind: 'market.match', body: '共同术语：加氢', link: '/market/demands/2', read: false });
    expect((await page(town, '', 'en')).items[0].title).toBe('New match 2: <b>reactor</b>');
    expect((await page(town2)).items.map((n) => n.title)).toEqual(['新匹配 3：<b>反应釜</b>']);
    expect(await unread(town)).toBe(2);
  });

  it("marks one read, refuses another account's with 404 and leaves it unread", async () => {
    const mine = (await page(town)).items[0];
    const theirs = (await page(town2)).items[0];
    const read = await t.app.inject({ method: 'POST', url: `/api/notifications/${mine.id}/read`, headers: { cookie: town } });
    expect(read.statusCode, read.body).toBe(200);
    expect(json(read)).toEqual({ unread: 1 });
    const foreign = await t.app.inject({ method: 'POST', url: `/api/notifications/${theirs.id}/read`, headers: { cookie: town } });
    expect(foreign.statusCode).toBe(404);
    expect(await unread(town2)).toBe(1);
    expect((await page(town, '?unread=true')).items.map((n) => n.id)).not.toContain(mine.id);
    for (const bad of ['abc', '0', '-1', '99999999999999999999']) {
      expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${bad}/read`, headers: { cookie: town } })).statusCode).toBe(400);
    }
  });

  it('updates the one notification of a key on a second push, unread again only when its text changed', async () => {
    const push = (n: number) => notify(t.db, [townId], { ...match(n), dedupKey: 'demand:7' });
    expect(await push(7)).toBe(1);
    const first = (await page(town)).items[0];
    await t.app.inject({ method: 'POST', url: `/api/notifications/${first.id}/read`, headers: { cookie: town } });
    expect(await push(7)).toBe(0);
    expect((await page(town)).items.find((n) => n.id === first.id)?.read).toBe(true);
    expect(await push(8)).toBe(1);
    const again = (await page(town)).items.filter((n) => n.link?.startsWith('/market/demands/8'));
    expect(again).toEqual([expect.objectContaining({ id: first.id, read: false, title: '新匹配 8：<b>反应釜</b>' })]);
  });

  it('notifies the active accounts bound to a record, not inactive ones', async () => {
    const enterprise = await t.login('enterprise');
    const me = json(await t.app.inject({ url: '/api/auth/me', headers: { cookie: enterprise } })).user;
    expect(await notifyBoundAccounts(t.db, 'enterprise', me.enterpriseId, match(9))).toBeGreaterThanOrEqual(1);
    expect((await page(enterprise)).items[0].title).toBe('新匹配 9：<b>反应釜</b>');
    await t.db.query('update users set is_active = false where id = $1', [me.id]);
    expect(await notify(t.db, [me.id], match(10))).toBe(0);
    await t.db.query('update users set is_active = true where id = $1', [me.id]);
  });

  it('marks all read', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: town } });
    expect(json(res)).toEqual({ unread: 0 });
    expect(await unread(town)).toBe(0);
    expect(await unread(town2)).toBe(1);
  });

  it("writes one digest per account of a day's unread notifications, once, listing the first titles and linking to the day", async () => {
    const day = '2026-11-30';
    for (let n = 20; n < 27; n++) await notify(t.db, [town2Id], match(n));
    await t.db.query(`update notifications set created_at = $2::timestamptz where user_id = $1 and kind = 'market.match'`, [town2Id, `${day}T09:00:00+08:00`]);
    // one of the day's notifications was read before the digest: not counted
    await t.db.query(`update notifications set read_at = now() where id = (select min(id) from notifications where user_id = $1)`, [town2Id]);
    expect(await writeDailyDigests(t.db, day)).toBe(1);
    expect(await writeDailyDigests(t.db, day)).toBe(0);
    const digests = (await page(town2)).items.filter((n) => n.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ title: `${day} 消息摘要：7 条未读`, link: `/notifications?day=${day}` });
    expect(digests[0].body!.split('\n')).toEqual([
      '· 新匹配 26：<b>反应釜</b>',
      '· 新匹配 25：<b>反应釜</b>',
      '· 新匹配 24：<b>反应釜</b>',
      '· 新匹配 23：<b>反应釜</b>',
      '· 新匹配 22：<b>反应釜</b>',
      '…另有 2 条',
    ]);
    expect((await page(town2, `?day=${day}`)).total).toBe(8);
    expect((await page(town2, '?day=2026-11-29')).total).toBe(0);
    expect((await t.app.inject({ url: '/api/notifications?day=2026-13-01', headers: { cookie: town2 } })).statusCode).toBe(400);
  });
});

describe('the digest clock', () => {
  it('is due for yesterday from 08:00 Beijing time, not before', () => {
    expect(digestDueFor(Date.parse('2026-12-02T07:59:00+08:00'))).toBeNull();
    expect(digestDueFor(Date.parse('2026-12-02T08:00:00+08:00'))).toBe('2026-12-01');
    expect(digestDueFor(Date.parse('2026-12-02T23:59:00+08:00'))).toBe('2026-12-01');
    expect(digestDueFor(Date.parse('2026-12-03T00:30:00+08:00'))).toBeNull();
  });
});
