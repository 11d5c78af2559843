/**
 * The market's events (issue 11 item 5): the bureau creates an event, attaches published listings (an auction's
 * lots with their start price), opens sign-up; accounts sign themselves up once and cancel; a town officer sees
 * its town's events and not another's; the bureau records outcomes and an auction's final prices, with the
 * premium worked out; each bad input is a 4xx naming its field; every write audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { bureauToday } from '@kechuang/platform-core';
import { auctionTotals, premiumOf } from '../contract/event-kinds.ts';

const TOWN = '330211001'; // the demo `town` officer's
const TOWN2 = '330211002'; // the demo `town2` officer's
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe('an auction’s premium', () => {
  it('is final / start − 1 per lot, and of the sold lots’ sums for the auction', () => {
    expect(premiumOf(100, 128)).toBe(0.28);
    expect(premiumOf(80, 80)).toBe(0);
    expect(premiumOf(null, 10)).toBeNull();
    expect(premiumOf(0, 10)).toBeNull();
    const t = auctionTotals([
      { startPrice: 100, finalPrice: 150, sold: true },
      { startPrice: 300, finalPrice: 362, sold: true },
      { startPrice: 50, finalPrice: null, sold: false },
    ]);
    expect(t).toEqual({ lots: 3, sold: 2, startTotal: 400, finalTotal: 512, premium: 0.28 });
    expect(auctionTotals([{ startPrice: 50, finalPrice: null, sold: null }]).premium).toBeNull();
  });
});

describeEachDatabase('market: events', (mode) => {
  let t: TestApp;
  let bureau: string, town: string, town2: string, ent: string, inst: string, broker: string, leader: string;
  let achievements: number[];
  let draftAchievement: number;
  let fairId: number, auctionId: number, town2EventId: number;
  const req = (cookie: string, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const ok = async (cookie: string, method: Method, url: string, payload?: object, status = 200) => {
    const res = await req(cookie, method, url, payload);
    expect(res.statusCode, res.body).toBe(status);
    return json(res);
  };
  const refused = async (cookie: string, method: Method, url: string, payload: object | undefined, status: number, field?: string) => {
    const res = await req(cookie, method, url, payload);
    expect(res.statusCode, res.body).toBe(status);
    const body = json(res);
    if (field) expect(JSON.stringify(body.error.details)).toContain(field);
    return body.error;
  };
  const ids = async (cookie: string, query = '') => (await ok(cookie, 'GET', `/api/market/events${query}`)).items.map((e: { id: number }) => e.id);

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, town, town2, ent, inst, broker, leader] = await Promise.all(
      ['bureau', 'town', 'town2', 'enterprise', 'institute', 'broker', 'leader'].map((u) => t.login(u)),
    );
    achievements = (await t.db.query<{ id: number }>(`select id::int as id from achievements where status = 'published' order by id limit 3`)).map((r) => r.id);
    expect(achievements).toHaveLength(3);
    [{ id: draftAchievement }] = await t.db.query<{ id: number }>(`select id::int as id from achievements where status <> 'published' order by id limit 1`);
  });
  afterAll(async () => t?.close());

  it('the demo: 12 synthetic events over 2025–2026 with listings and sign-ups; the held auctions’ premiums as in the doc (+28%, +37%)', async () => {
    const demo = (await ok(bureau, 'GET', '/api/market/events')).items.filter((e: { isSynthetic: boolean }) => e.isSynthetic);
    expect(demo).toHaveLength(12);
    expect(new Set(demo.map((e: { date: string }) => e.date.slice(0, 4)))).toEqual(new Set(['2025', '2026']));
    expect(demo.every((e: { listingCount: number }) => e.listingCount > 0)).toBe(true);
    expect(demo.filter((e: { signupCount: number }) => e.signupCount > 0).length).toBeGreaterThanOrEqual(10);
    const auctions = demo.filter((e: { kind: string }) => e.kind === 'auction');
    expect(auctions.map((a: { listingCount: number }) => a.listingCount).sort()).toEqual([10, 11]);
    const today = bureauToday();
    for (const a of auctions.filter((x: { date: string }) => x.date < today)) {
      const expected = a.listingCount === 10 ? { startTotal: 790, finalTotal: 1014, premium: 0.2835 } : { startTotal: 895, finalTotal: 1230, premium: 0.3743 };
      expect(a.auction).toEqual({ lots: a.listingCount, sold: a.listingCount, ...expected });
    }
    // the demo enterprise account signed up to some, and sees them marked
    expect((await ok(ent, 'GET', '/api/market/events')).items.some((e: { mySignupId: number | null }) => e.mySignupId !== null)).toBe(true);
  });

  it('the bureau creates a fair in a town, attaches a published listing and opens sign-up; all audited', async () => {
    const fair = await ok(
      bureau,
      'POST',
      '/api/market/events',
      { kind: 'fair', title: '测试新材料对接会', date: '2026-05-20', time: '14:00', place: '区科创中心', organiser: '区科技局', regionCode: TOWN },
      201,
    );
    fairId = fair.id;
    expect(fair).toMatchObject({ status: 'planned', regionCode: TOWN, time: '14:00', listingCount: 0, auction: null, mayManage: true });
    const attached = await ok(bureau, 'POST', `/api/market/events/${fairId}/listings`, { listingKind: 'achievement', listingId: achievements[0] }, 201);
    expect(attached.listings).toEqual([expect.objectContaining({ listingKind: 'achievement', listingId: achievements[0], lotNo: null, startPrice: null })]);
    expect(attached.listings[0].title).not.toBe('');
    expect((await ok(bureau, 'POST', `/api/market/events/${fairId}/move`, { status: 'open' })).status).toBe('open');
    const actions = await t.db.query<{ action: string }>(`select action from audit_log where entity = 'marketEvent' and entity_id = $1 order by id`, [
      String(fairId),
    ]);
    expect(actions.map((a) => a.action)).toEqual(['market.event.create', 'market.event.attach', 'market.event.open']);
  });

  it('an account signs itself up once: a second sign-up is 409; it sees its own sign-up only, the bureau all', async () => {
    const mine = await ok(ent, 'POST', `/api/market/events/${fairId}/signups`, {}, 201);
    expect(mine.mySignupId).toEqual(expect.any(Number));
    expect(mine.signups).toHaveLength(1);
    expect(mine.signups[0]).toMatchObject({ boundKind: 'enterprise', byAccount: true });
    expect((await refused(ent, 'POST', `/api/market/events/${fairId}/signups`, {}, 409)).code).toBe('MKT_SIGNED_UP');
    await ok(inst, 'POST', `/api/market/events/${fairId}/signups`, { contact: '0574-0000' }, 201);
    // a name typed by the bureau (not its own account), then the bureau's own account: two rows
    await ok(bureau, 'POST', `/api/market/events/${fairId}/signups`, { name: '某外地企业', contact: '138' }, 201);
    const seen = await ok(ent, 'GET', `/api/market/events/${fairId}`);
    expect(seen.signups.map((s: { name: string }) => s.name)).toEqual([mine.signups[0].name]);
    const all = await ok(bureau, 'GET', `/api/market/events/${fairId}`);
    expect(all.signupCount).toBe(3);
    expect(all.signups.map((s: { byAccount: boolean }) => s.byAccount)).toEqual([true, true, false]);
    // another account cannot cancel the enterprise's sign-up; the enterprise can, and may sign up again
    await refused(broker, 'DELETE', `/api/market/events/${fairId}/signups/${mine.mySignupId}`, undefined, 404, 'signupId');
    expect((await ok(ent, 'DELETE', `/api/market/events/${fairId}/signups/${mine.mySignupId}`)).mySignupId).toBeNull();
    await ok(ent, 'POST', `/api/market/events/${fairId}/signups`, {}, 201);
  });

  it('sign-up is refused before an event opens and after it is held', async () => {
    const planned = await ok(bureau, 'POST', '/api/market/events', { kind: 'roadshow', title: '测试路演（筹备）', date: '2026-06-01' }, 201);
    // planned: not listed to a bound account, so not found
    expect(await ids(ent)).not.toContain(planned.id);
    await refused(ent, 'POST', `/api/market/events/${planned.id}/signups`, {}, 404);
    expect((await refused(bureau, 'POST', `/api/market/events/${planned.id}/signups`, {}, 409, 'status')).code).toBe('MKT_EVENT_STATUS');
  });

  it('a town officer sees its town’s events and the district’s open ones, not another town’s; a bound account every event past planned', async () => {
    town2EventId = (await ok(bureau, 'POST', '/api/market/events', { kind: 'fair', title: '蛟川专场对接会', date: '2026-07-01', regionCode: TOWN2 }, 201)).id;
    const district = (await ok(bureau, 'POST', '/api/market/events', { kind: 'roadshow', title: '全区成果路演', date: '2026-07-02' }, 201)).id;
    expect(await ids(town)).toEqual(expect.arrayContaining([fairId]));
    expect(await ids(town)).not.toContain(town2EventId);
    expect(await ids(town)).not.toContain(district); // planned, above the town
    expect(await ids(town2)).toContain(town2EventId);
    expect(await ids(town2)).not.toContain(fairId);
    await refused(town2, 'GET', `/api/market/events/${fairId}`, undefined, 404);
    await ok(bureau, 'POST', `/api/market/events/${district}/move`, { status: 'open' });
    expect(await ids(town)).toContain(district);
    expect(await ids(leader)).toEqual(expect.arrayContaining([fairId, town2EventId, district]));
    expect(await ids(ent)).toEqual(expect.arrayContaining([fairId, district]));
    // a town officer reads the district's event but not its sign-ups, and cannot manage it
    const seen = await ok(town, 'GET', `/api/market/events/${district}`);
    expect(seen.mayManage).toBe(false);
    await refused(town, 'POST', `/api/market/events/${fairId}/move`, { status: 'held' }, 403);
    // the filters
    expect(await ids(bureau, '?kind=fair&status=open&year=2026')).toContain(fairId);
    expect(await ids(bureau, '?kind=roadshow')).not.toContain(fairId);
    expect(await ids(bureau, '?year=2025')).not.toContain(fairId);
  });

  it('an auction: lots with start prices, outcomes with final prices, each lot’s premium and the auction’s', async () => {
    auctionId = (await ok(bureau, 'POST', '/api/market/events', { kind: 'auction', title: '测试成果竞价拍卖会', date: '2026-09-10', regionCode: TOWN }, 201))
      .id;
    await ok(bureau, 'POST', `/api/market/events/${auctionId}/listings`, { listingKind: 'achievement', listingId: achievements[0], startPrice: 100 }, 201);
    await ok(bureau, 'POST', `/api/market/events/${auctionId}/listings`, { listingKind: 'achievement', listingId: achievements[1], startPrice: 300 }, 201);
    const lots = (
      await ok(bureau, 'POST', `/api/market/events/${auctionId}/listings`, { listingKind: 'achievement', listingId: achievements[2], startPrice: 50 }, 201)
    ).listings;
    expect(lots.map((l: { lotNo: number }) => l.lotNo)).toEqual([1, 2, 3]);
    // outcomes before it is held: refused
    expect((await refused(bureau, 'POST', `/api/market/events/${auctionId}/outcomes`, { contactsMade: 3 }, 409, 'status')).code).toBe('MKT_EVENT_STATUS');
    await ok(bureau, 'POST', `/api/market/events/${auctionId}/move`, { status: 'open' });
    await ok(bureau, 'POST', `/api/market/events/${auctionId}/move`, { status: 'held' });
    const done = await ok(bureau, 'POST', `/api/market/events/${auctionId}/outcomes`, {
      contactsMade: 12,
      intentionsSigned: 2,
      note: '两项成交',
      lots: [
        { entryId: lots[0].id, finalPrice: 150, sold: true },
        { entryId: lots[1].id, finalPrice: 362, sold: true },
        { entryId: lots[2].id, finalPrice: null, sold: false },
      ],
    });
    expect(done).toMatchObject({ contactsMade: 12, intentionsSigned: 2, outcomeNote: '两项成交' });
    expect(
      done.listings.map((l: { startPrice: number; finalPrice: number | null; premium: number | null }) => [l.startPrice, l.finalPrice, l.premium]),
    ).toEqual([
      [100, 150, 0.5],
      [300, 362, 0.2067],
      [50, null, null],
    ]);
    expect(done.auction).toEqual({ lots: 3, sold: 2, startTotal: 400, finalTotal: 512, premium: 0.28 });
    const listed = (await ok(town, 'GET', '/api/market/events?kind=auction')).items.find((e: { id: number }) => e.id === auctionId);
    expect(listed.auction.premium).toBe(0.28);
    const [row] = await t.db.query<{ before: unknown; after: { contactsMade: number } }>(
      `select before, after from audit_log where action = 'market.event.outcomes' and entity_id = $1`,
      [String(auctionId)],
    );
    expect(row.after.contactsMade).toBe(12);
    // closed: no more edits, a cancel needs a reason
    await ok(bureau, 'POST', `/api/market/events/${auctionId}/move`, { status: 'closed' });
    await refused(bureau, 'PATCH', `/api/market/events/${auctionId}`, { title: '改名' }, 409, 'status');
    expect((await refused(bureau, 'POST', `/api/market/events/${auctionId}/move`, { status: 'open' }, 409, 'status')).code).toBe('MKT_EVENT_MOVE');
    await refused(bureau, 'POST', `/api/market/events/${town2EventId}/move`, { status: 'cancelled' }, 400, 'reason');
    expect((await ok(bureau, 'POST', `/api/market/events/${town2EventId}/move`, { status: 'cancelled', reason: '场地调整' })).cancelReason).toBe('场地调整');
  });

  it('bad input: a 4xx naming the field, nothing written', async () => {
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from market_event_listings');
    const base = { kind: 'fair', title: '坏输入测试', date: '2026-10-01' };
    await refused(bureau, 'POST', '/api/market/events', { ...base, date: '2026/10/01' }, 400, 'body.date');
    await refused(bureau, 'POST', '/api/market/events', { ...base, date: '2026-13-01' }, 400, 'body.date');
    await refused(bureau, 'POST', '/api/market/events', { ...base, time: '25:00' }, 400, 'body.time');
    await refused(bureau, 'POST', '/api/market/events', { ...base, kind: 'party' }, 400, 'body.kind');
    await refused(bureau, 'POST', '/api/market/events', { ...base, onlineLink: 'javascript:alert(1)' }, 400, 'body.onlineLink');
    await refused(ent, 'POST', '/api/market/events', base, 403);
    // another town's event is out of a town officer's hands, and the bureau cannot place one outside its district
    await refused(bureau, 'POST', '/api/market/events', { ...base, regionCode: '330212001' }, 403, 'region');
    const auction = (await ok(bureau, 'POST', '/api/market/events', { ...base, kind: 'auction' }, 201)).id;
    const lot = (id: number, extra: object = {}) => ({ listingKind: 'achievement', listingId: id, ...extra });
    // a lot without a start price, with a negative one, a listing that does not exist, one not published
    expect((await refused(bureau, 'POST', `/api/market/events/${auction}/listings`, lot(achievements[0]), 400, 'startPrice')).code).toBe(
      'MKT_LOT_PRICE_REQUIRED',
    );
    await refused(bureau, 'POST', `/api/market/events/${auction}/listings`, lot(achievements[0], { startPrice: -5 }), 400, 'body.startPrice');
    expect((await refused(bureau, 'POST', `/api/market/events/${auction}/listings`, lot(99_999_999, { startPrice: 10 }), 400, 'listingId')).code).toBe(
      'MKT_LISTING_UNPUBLISHED',
    );
    await refused(bureau, 'POST', `/api/market/events/${auction}/listings`, lot(draftAchievement, { startPrice: 10 }), 400, 'listingId');
    await ok(bureau, 'POST', `/api/market/events/${auction}/listings`, lot(achievements[0], { startPrice: 10 }), 201);
    await refused(bureau, 'POST', `/api/market/events/${auction}/listings`, lot(achievements[0], { startPrice: 10 }), 409, 'listingId');
    await refused(bureau, 'POST', `/api/market/events/${auction}/listings`, { listingKind: 'patent', listingId: 1 }, 400, 'body.listingKind');
    // outcomes: a final price below zero, a sold lot without a final price, a lot of another event
    await ok(bureau, 'POST', `/api/market/events/${auction}/move`, { status: 'open' });
    const detail = await ok(bureau, 'POST', `/api/market/events/${auction}/move`, { status: 'held' });
    const entryId = detail.listings[0].id;
    await refused(bureau, 'POST', `/api/market/events/${auction}/outcomes`, { lots: [{ entryId, finalPrice: -1, sold: true }] }, 400, 'body.lots.0.finalPrice');
    await refused(bureau, 'POST', `/api/market/events/${auction}/outcomes`, { lots: [{ entryId, finalPrice: null, sold: true }] }, 400, 'lots.0.finalPrice');
    await refused(bureau, 'POST', `/api/market/events/${auction}/outcomes`, { contactsMade: -3 }, 400, 'body.contactsMade');
    const otherLot = (await ok(bureau, 'GET', `/api/market/events/${auctionId}`)).listings[0].id;
    await refused(
      bureau,
      'POST',
      `/api/market/events/${auction}/outcomes`,
      { lots: [{ entryId: otherLot, finalPrice: 1, sold: true }] },
      404,
      'lots.0.entryId',
    );
    await refused(bureau, 'POST', '/api/market/events', { ...base, kind: 'auction' }, 409, 'title');
    const after = await t.db.query<{ n: number }>('select count(*)::int as n from market_event_listings');
    expect(after[0].n).toBe(before[0].n + 1);
    const [{ sold }] = await t.db.query<{ sold: boolean | null }>('select sold from market_event_listings where id = $1', [entryId]);
    expect(sold).toBeNull();
  });
});
