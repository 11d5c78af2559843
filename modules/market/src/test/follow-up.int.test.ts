/**
 * Push and follow-up (issue 11 items 3 and 4): publishing a listing keeps its counterparts above the threshold
 * as matches and notifies the other side, the publishing side and the brokers of the field; each side rates a
 * match; a broker follows it up to a signed contract or a drop with a reason; the bureau reads the figures.
 * Each of these is refused to whoever is not party to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { aboveThreshold, PUSH_MAX, PUSH_MIN_SCORE } from '../server/push.ts';

const TOWN = '330211001'; // 招宝山街道: the demo `town` officer's and the demo enterprise's
const TOWN2 = '330211002';
const PASSWORD = 'market-pass-2026';
type Method = 'GET' | 'POST' | 'PATCH';

describe('the push threshold', () => {
  it('keeps the counterparts scoring at least the minimum and 40% of the best, five at most', () => {
    expect(aboveThreshold([{ score: 50 }, { score: 25 }, { score: 19.9 }, { score: 12 }]).map((m) => m.score)).toEqual([50, 25]);
    expect(aboveThreshold([{ score: PUSH_MIN_SCORE - 0.1 }])).toEqual([]);
    expect(aboveThreshold(Array.from({ length: 9 }, () => ({ score: 30 })))).toHaveLength(PUSH_MAX);
    expect(aboveThreshold([])).toEqual([]);
  });
});

describeEachDatabase('market: push, feedback and leads', (mode) => {
  let t: TestApp;
  let admin: string, bureau: string, town2: string, ent: string, instA: string, instB: string, broker: string, broker2: string;
  let achievementId: number, demandId: number, matchId: number, leadId: number;
  const req = (cookie: string, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const notes = async (cookie: string) =>
    json<{ items: { kind: string; title: string; link: string | null; body: string | null }[] }>(await req(cookie, 'GET', '/api/notifications?pageSize=100'))
      .items;
  const publish = async (cookie: string, kind: string, body: object): Promise<number> => {
    const created = await req(cookie, 'POST', `/api/market/${kind}`, body);
    expect(created.statusCode, created.body).toBe(200);
    const id = json(created).id as number;
    expect((await req(cookie, 'POST', `/api/market/${kind}/${id}/submit`, {})).statusCode).toBe(200);
    const approved = await req(bureau, 'POST', `/api/market/${kind}/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    return id;
  };
  const institute = async (name: string, regionCode: string, username: string) => {
    const id = json(await req(bureau, 'POST', '/api/market/institutes', { name, kind: 'researchInstitute', regionCode })).id as number;
    expect((await req(admin, 'POST', `/api/market/institutes/${id}/accounts`, { username, password: PASSWORD })).statusCode).toBe(200);
    return t.login(username, PASSWORD);
  };
  const brokerAccount = async (name: string, field: string, username: string) => {
    const id = await publish(bureau, 'brokers', {
      title: name,
      field,
      certificateKind: 'licence',
      certificateNo: `NB-${username}`,
      keywords: ['催化', '化工'],
    });
    expect((await req(admin, 'POST', `/api/market/brokers/${id}/accounts`, { username, password: PASSWORD })).statusCode).toBe(200);
    return { id, cookie: await t.login(username, PASSWORD) };
  };

  beforeAll(async () => {
    t = await startTestApp(mode);
    [admin, bureau, town2, ent] = await Promise.all(['admin', 'bureau', 'town2', 'enterprise'].map((u) => t.login(u)));
    instA = await institute('推送测试化工研究所', TOWN, 'push-inst-a');
    instB = await institute('推送测试装备研究院', TOWN2, 'push-inst-b');
    broker = (await brokerAccount('推送测试经纪人', '石油化工', 'push-broker')).cookie;
    broker2 = (await brokerAccount('另一位经纪人', '电子信息', 'push-broker2')).cookie;
    achievementId = await publish(instA, 'achievements', {
      title: '反应釜选择性加氢催化剂降低副产物技术',
      text: '针对反应釜加氢过程副产物多、产品发黄的问题，开发高选择性加氢催化剂，副产物降低60%，产品色度达标。',
      keywords: ['选择性加氢', '催化剂', '副产物', '反应釜'],
      field: '石油化工',
      trl: 6,
    });
  });
  afterAll(async () => t?.close());

  it('publishing a demand notifies the matched achievement’s institute, the enterprise and the brokers of its field', async () => {
    demandId = await publish(ent, 'demands', {
      title: '反应釜出料发黄想降低副产物',
      text: '我们的加氢反应釜出料发黄，副产物偏多，想找选择性更好的催化剂。',
      field: '石油化工',
    });
    const page = json(await req(ent, 'GET', `/api/market/matches?demandId=${demandId}`));
    const pair = page.items.find(
      (m: { counterpartId: number; counterpartKind: string }) => m.counterpartKind === 'achievement' && m.counterpartId === achievementId,
    );
    expect(pair, JSON.stringify(page.items.map((m: { counterpartTitle: string; score: number }) => [m.counterpartTitle, m.score]))).toBeDefined();
    expect(pair.score).toBeGreaterThanOrEqual(PUSH_MIN_SCORE);
    expect(pair.reasons.join(' ')).toContain('共同术语');
    matchId = pair.id;

    const toInstitute = (await notes(instA)).filter((n) => n.kind === 'market.match');
    expect(toInstitute).toEqual([
      expect.objectContaining({ link: `/market/demands/${demandId}`, title: expect.stringContaining('反应釜出料发黄想降低副产物') }),
    ]);
    const toEnterprise = (await notes(ent)).find((n) => n.kind === 'market.matchesFound' && n.link === `/market/demands/${demandId}`);
    expect(toEnterprise?.body).toContain('反应釜选择性加氢催化剂降低副产物技术');
    expect((await notes(broker)).some((n) => n.kind === 'market.brokerMatch' && n.link === `/market/follow-up?match=${matchId}`)).toBe(true);
    // a broker of another field, another institute: nothing
    expect((await notes(broker2)).filter((n) => n.kind === 'market.brokerMatch' && n.link === `/market/follow-up?match=${matchId}`)).toEqual([]);
    expect((await notes(instB)).filter((n) => n.kind === 'market.match')).toEqual([]);
  });

  it('a change to the published demand pushes the same pair again without a second notification', async () => {
    const edit = await req(bureau, 'PATCH', `/api/market/demands/${demandId}`, { text: '加氢反应釜出料发黄、副产物偏多，想找选择性更好的加氢催化剂和工艺。' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(json(edit).status).toBe('published');
    expect((await notes(instA)).filter((n) => n.kind === 'market.match')).toHaveLength(1);
    const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from market_matches where demand_id = $1 and counterpart_id = $2', [
      demandId,
      achievementId,
    ]);
    expect(row.n).toBe(1);
  });

  it('shows a match to its two sides and the region, not to another institute or another town', async () => {
    expect(json(await req(instA, 'GET', '/api/market/matches')).items.map((m: { id: number }) => m.id)).toContain(matchId);
    expect(json(await req(instB, 'GET', '/api/market/matches')).items.map((m: { id: number }) => m.id)).not.toContain(matchId);
    expect(json(await req(town2, 'GET', '/api/market/matches')).items.map((m: { id: number }) => m.id)).not.toContain(matchId);
    expect(json(await req(bureau, 'GET', `/api/market/matches?demandId=${demandId}`)).items.map((m: { id: number }) => m.id)).toContain(matchId);
  });

  it('each side rates the match; the bureau and a stranger may not', async () => {
    const mine = await req(ent, 'POST', `/api/market/matches/${matchId}/feedback`, { feedback: 'useful' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(json(mine)).toMatchObject({ demandFeedback: 'useful', counterpartFeedback: null });
    expect(json(await req(instA, 'POST', `/api/market/matches/${matchId}/feedback`, { feedback: 'notUseful' }))).toMatchObject({
      demandFeedback: 'useful',
      counterpartFeedback: 'notUseful',
    });
    // the bureau's role may not rate at all; an account of a side's role that is not this match's side may not either
    const byBureau = await req(bureau, 'POST', `/api/market/matches/${matchId}/feedback`, { feedback: 'useful' });
    expect(byBureau.statusCode).toBe(403);
    expect(json(byBureau).error.code).toBe('FORBIDDEN');
    expect((await req(instB, 'POST', `/api/market/matches/${matchId}/feedback`, { feedback: 'useful' })).statusCode).toBe(404);
    const otherFirm = await t.db.query<{ id: number }>(
      `select id::int as id from enterprises where id <> (select bound_id from users where username = 'enterprise') order by id limit 1`,
    );
    const opened = await req(admin, 'POST', `/api/enterprises/${otherFirm[0].id}/accounts`, { username: 'push-other-firm', password: PASSWORD });
    expect(opened.statusCode, opened.body).toBe(200);
    const stranger = await t.login('push-other-firm', PASSWORD);
    expect((await req(stranger, 'POST', `/api/market/matches/${matchId}/feedback`, { feedback: 'useful' })).statusCode).toBe(404);
    const bad = await req(ent, 'POST', `/api/market/matches/${matchId}/feedback`, { feedback: 'maybe' });
    expect(bad.statusCode).toBe(400);
    const [a] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'market.match.feedback' and entity_id = $1`, [
      String(matchId),
    ]);
    expect(a.n).toBe(2);
  });

  it('a broker takes the match up and moves it on; the moves are checked and audited', async () => {
    expect((await req(ent, 'POST', `/api/market/matches/${matchId}/lead`, {})).statusCode).toBe(403);
    const taken = await req(broker, 'POST', `/api/market/matches/${matchId}/lead`, {});
    expect(taken.statusCode, taken.body).toBe(201);
    leadId = json(taken).id;
    expect(json(taken)).toMatchObject({ status: 'contacted', matchId, demandId, history: [expect.objectContaining({ from: null, to: 'contacted' })] });
    const again = await req(broker2, 'POST', `/api/market/matches/${matchId}/lead`, {});
    expect(again.statusCode).toBe(409);
    expect(json(again).error.message).toContain('推送测试经纪人');

    const move = (cookie: string, body: object) => req(cookie, 'POST', `/api/market/leads/${leadId}/move`, body);
    expect((await move(broker2, { status: 'negotiating' })).statusCode).toBe(404);
    const skip = await move(broker, { status: 'signed' });
    expect(skip.statusCode).toBe(409);
    expect(json(skip).error).toMatchObject({ code: 'MKT_LEAD_MOVE', details: { field: 'status' } });
    expect((await move(broker, { status: 'negotiating' })).statusCode).toBe(200);
    const noReason = await move(broker, { status: 'dropped' });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).error.details).toMatchObject({ field: 'reason' });
    const unknown = await move(broker, { status: 'signed', contractId: 987654321 });
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown).error).toMatchObject({ code: 'MKT_CONTRACT_UNKNOWN', details: { field: 'contractId' } });
    const signed = await move(broker, { status: 'signed' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(json(signed).history.map((h: { to: string }) => h.to)).toEqual(['contacted', 'negotiating', 'signed']);
    expect((await move(broker, { status: 'dropped', reason: '太晚了' })).statusCode).toBe(409);
    expect(json(await req(broker, 'GET', '/api/market/leads')).items.map((l: { id: number }) => l.id)).toEqual([leadId]);
    expect(json(await req(broker2, 'GET', '/api/market/leads')).items).toEqual([]);
    expect((await req(town2, 'GET', `/api/market/leads/${leadId}`)).statusCode).toBe(404);
    const [a] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'marketLead' and entity_id = $1`, [String(leadId)]);
    expect(a.n).toBe(3);
  });

  it('gives the bureau the follow-up figures of its region, and no one without a region', async () => {
    const res = await req(bureau, 'GET', '/api/market/follow-up?since=2020-01-01');
    expect(res.statusCode, res.body).toBe(200);
    const f = json(res);
    expect(f.demandsPublished).toBeGreaterThanOrEqual(1);
    expect(f.demandsWithUsefulMatch).toBeGreaterThanOrEqual(1);
    expect(f.demandsContactedWithin10Days).toBeGreaterThanOrEqual(1);
    expect(f.medianDaysToUsefulMatch).toBeGreaterThanOrEqual(0);
    expect(f.leads.signed).toBeGreaterThanOrEqual(1);
    expect(f.shareContactedWithin10Days).toBeCloseTo(f.demandsContactedWithin10Days / f.demandsPublished, 6);
    expect((await req(ent, 'GET', '/api/market/follow-up')).statusCode).toBe(403);
    expect((await req(bureau, 'GET', '/api/market/follow-up?since=2026-13-40')).statusCode).toBe(400);
  });
});
