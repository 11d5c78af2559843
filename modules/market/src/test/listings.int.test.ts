/**
 * The market's listings through the API (issue 11 item 1): owners write only their own (an enterprise's account its
 * enterprise's demands, an institute's account its institute's achievements), the bureau moderates (approve, return
 * and take down with a reason; each audited and in the listing's history), a town officer sees its town only, a
 * search ranks as the engine ranks the same listings (from the database's term index), and bad input is a 4xx
 * naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { achievementText, type Achievement } from '../domain/index.ts';
import { defaultEngine, loadEvalSet } from '../data/index.ts';
import { queryText } from '../server/reading.ts';

const TOWN = '330211001'; // 招宝山街道, the demo `town` officer's and the demo enterprise's
const TOWN2 = '330211002'; // 蛟川街道, the demo `town2` officer's
const PASSWORD = 'market-pass-2026';

type Method = 'GET' | 'POST' | 'PATCH';

describeEachDatabase('market: listings, owners and moderation', (mode) => {
  let t: TestApp;
  let admin: string, bureau: string, town: string, town2: string, ent: string, inst: string;
  let instA: number, instB: number, ownEnterprise: number, otherEnterprise: number;
  const req = (cookie: string, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const search = (cookie: string, kind: string, body: object) => req(cookie, 'POST', `/api/market/${kind}/search`, body);
  /** created, submitted and approved by the bureau: its id */
  const published = async (kind: string, body: object): Promise<number> => {
    const created = await req(bureau, 'POST', `/api/market/${kind}`, body);
    expect(created.statusCode, created.body).toBe(200);
    const id = json(created).id as number;
    expect((await req(bureau, 'POST', `/api/market/${kind}/${id}/submit`, {})).statusCode).toBe(200);
    expect((await req(bureau, 'POST', `/api/market/${kind}/${id}/approve`, {})).statusCode).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(mode);
    [admin, bureau, town, town2, ent] = await Promise.all(['admin', 'bureau', 'town', 'town2', 'enterprise'].map((u) => t.login(u)));
    const a = await req(bureau, 'POST', '/api/market/institutes', { name: '测试材料研究所', kind: 'researchInstitute', regionCode: TOWN });
    expect(a.statusCode, a.body).toBe(200);
    instA = json(a).id;
    instB = json(await req(bureau, 'POST', '/api/market/institutes', { name: '测试装备研究院', kind: 'industrialInstitute', regionCode: TOWN2 })).id;
    const account = await req(admin, 'POST', `/api/market/institutes/${instA}/accounts`, { username: 'inst-a', password: PASSWORD });
    expect(account.statusCode, account.body).toBe(200);
    expect(json(account)).toMatchObject({ role: 'institutionUser', boundKind: 'institute', boundId: instA });
    inst = await t.login('inst-a', PASSWORD);
    const me = json(await req(ent, 'GET', '/api/market/me'));
    ownEnterprise = me.owner.id;
    const [other] = await t.db.query<{ id: number }>('select id::int as id from enterprises where id <> $1 order by id limit 1', [ownEnterprise]);
    otherEnterprise = other.id;
  });
  afterAll(async () => t?.close());

  describe('owners', () => {
    it('an enterprise account writes its own enterprise’s demands only', async () => {
      const own = await req(ent, 'POST', '/api/market/demands', { title: '降低反应釜副产物', text: '反应釜出料发黄，想降低副产物' });
      expect(own.statusCode, own.body).toBe(200);
      expect(json(own)).toMatchObject({ status: 'draft', owner: { kind: 'enterprise', id: ownEnterprise }, canEdit: true, canSubmit: true });
      const other = await req(ent, 'POST', '/api/market/demands', { title: '别家的需求', enterpriseId: otherEnterprise });
      expect(other.statusCode).toBe(403);
      expect(json(other).error).toMatchObject({ code: 'MKT_NOT_OWNER', details: { field: 'enterpriseId', value: otherEnterprise } });
      // another enterprise's published demand: seen, not editable
      const theirs = await published('demands', { title: '别家企业的公开需求', enterpriseId: otherEnterprise });
      const edit = await req(ent, 'PATCH', `/api/market/demands/${theirs}`, { title: '改掉' });
      expect(edit.statusCode).toBe(403);
      expect(json(await req(ent, 'GET', `/api/market/demands/${theirs}`))).toMatchObject({ canEdit: false, canSubmit: false, canModerate: false });
      // its draft: not even seen
      const draft = json(await req(bureau, 'POST', '/api/market/demands', { title: '别家企业的草稿', enterpriseId: otherEnterprise })).id;
      expect((await req(ent, 'GET', `/api/market/demands/${draft}`)).statusCode).toBe(404);
      expect((await req(ent, 'PATCH', `/api/market/demands/${draft}`, { title: '改掉' })).statusCode).toBe(404);
    });

    it('an institute account writes its own institute’s achievements only, and no demand', async () => {
      const own = await req(inst, 'POST', '/api/market/achievements', { title: '本所的成果', trl: 5 });
      expect(own.statusCode, own.body).toBe(200);
      expect(json(own)).toMatchObject({ owner: { kind: 'institute', id: instA, name: '测试材料研究所' }, regionCode: TOWN });
      const other = await req(inst, 'POST', '/api/market/achievements', { title: '别所的成果', instituteId: instB });
      expect(other.statusCode).toBe(403);
      expect(json(other).error).toMatchObject({ code: 'MKT_NOT_OWNER', details: { field: 'instituteId' } });
      const theirs = await published('achievements', { title: '别所的公开成果', instituteId: instB });
      expect((await req(inst, 'PATCH', `/api/market/achievements/${theirs}`, { title: '改掉' })).statusCode).toBe(403);
      expect((await req(inst, 'POST', '/api/market/demands', { title: '机构不能发需求', enterpriseId: ownEnterprise })).statusCode).toBe(403);
      expect((await req(inst, 'POST', '/api/market/providers', { title: '机构不能登记服务机构', providerKind: 'testing' })).statusCode).toBe(403);
      expect((await req(town, 'POST', '/api/market/achievements', { title: '镇街不能发成果', instituteId: instA })).statusCode).toBe(403);
    });

    it('a town officer sees its town’s listings only', async () => {
      const here = await published('achievements', { title: '招宝山的成果', instituteId: instA });
      const there = await published('achievements', { title: '蛟川的成果', instituteId: instB });
      const ids = async (cookie: string) =>
        json(await search(cookie, 'achievements', { pageSize: 100, status: 'published' })).items.map((l: { id: number }) => l.id);
      const mine = await ids(town);
      expect(mine).toContain(here);
      expect(mine).not.toContain(there);
      const theirs = await ids(town2);
      expect(theirs).toContain(there);
      expect(theirs).not.toContain(here);
      expect((await req(town, 'GET', `/api/market/achievements/${there}`)).statusCode).toBe(404);
      // the institute's account sees every published listing
      const all = await ids(inst);
      expect(all).toEqual(expect.arrayContaining([here, there]));
      // the bureau's town filter
      const filtered = json(await search(bureau, 'achievements', { town: TOWN2, status: 'published', pageSize: 100 })).items;
      expect(filtered.map((l: { id: number }) => l.id)).toContain(there);
      expect(filtered.every((l: { regionCode: string }) => l.regionCode.startsWith(TOWN2))).toBe(true);
    });

    it('a broker’s account edits its own listing only; only the bureau lists brokers', async () => {
      const body = (name: string, no: string) => ({ title: name, certificateKind: 'licence', certificateNo: no, keywords: ['技术转移'] });
      const own = await published('brokers', body('测试经纪人甲', 'TEST-0001'));
      const other = await published('brokers', body('测试经纪人乙', 'TEST-0002'));
      const account = await req(admin, 'POST', `/api/market/brokers/${own}/accounts`, { username: 'broker-a', password: PASSWORD });
      expect(json(account)).toMatchObject({ role: 'brokerUser', boundKind: 'broker', boundId: own });
      const broker = await t.login('broker-a', PASSWORD);
      expect(json(await req(broker, 'PATCH', `/api/market/brokers/${own}`, { text: '促成技术合同 3 项' }))).toMatchObject({
        text: '促成技术合同 3 项',
        status: 'draft',
      });
      expect((await req(broker, 'PATCH', `/api/market/brokers/${other}`, { text: '改掉' })).statusCode).toBe(403);
      const create = await req(broker, 'POST', '/api/market/brokers', body('自封的经纪人', 'TEST-0003'));
      expect(create.statusCode).toBe(403);
      expect(json(create).error.code).toBe('MKT_BUREAU_ONLY');
      const missing = await req(bureau, 'POST', '/api/market/brokers', { title: '没有证书的经纪人', certificateKind: 'licence' });
      expect(json(missing).error).toMatchObject({ code: 'MKT_FIELD_REQUIRED', details: { field: 'certificateNo' } });
    });

    it('deleting an institute deactivates its accounts', async () => {
      const id = json(await req(bureau, 'POST', '/api/market/institutes', { name: '将被删除的研究所', kind: 'laboratory', regionCode: TOWN })).id;
      await req(admin, 'POST', `/api/market/institutes/${id}/accounts`, { username: 'inst-gone', password: PASSWORD });
      await t.db.query('delete from institutes where id = $1', [id]);
      const [u] = await t.db.query<{ active: boolean; bound: number | null }>(
        `select is_active as active, bound_id as bound from users where username = 'inst-gone'`,
      );
      expect(u).toEqual({ active: false, bound: null });
    });
  });

  describe('moderation', () => {
    it('submit → approve, return and take down with a reason, each audited and in the history', async () => {
      const id = json(await req(ent, 'POST', '/api/market/demands', { title: '待审核的需求', text: '寻求锂电池回收技术' })).id;
      expect((await req(ent, 'POST', `/api/market/demands/${id}/approve`, {})).statusCode).toBe(403);
      const early = await req(bureau, 'POST', `/api/market/demands/${id}/approve`, {});
      expect(early.statusCode).toBe(409);
      expect(json(early).error).toMatchObject({ code: 'MKT_STATUS', details: { field: 'status', value: 'draft' } });
      expect(json(await req(ent, 'POST', `/api/market/demands/${id}/submit`, {}))).toMatchObject({ status: 'pending', canSubmit: false });
      const queue = json(await req(bureau, 'GET', '/api/market/moderation')).items;
      expect(queue).toContainEqual(expect.objectContaining({ kind: 'demand', id, title: '待审核的需求' }));
      const noReason = await req(bureau, 'POST', `/api/market/demands/${id}/return`, {});
      expect(noReason.statusCode).toBe(400);
      expect(json(noReason).error).toMatchObject({ code: 'MKT_REASON_REQUIRED', details: { field: 'reason' } });
      expect(json(await req(bureau, 'POST', `/api/market/demands/${id}/return`, { reason: '请写明预算' }))).toMatchObject({
        status: 'returned',
        statusReason: '请写明预算',
      });
      await req(ent, 'PATCH', `/api/market/demands/${id}`, { budget: { min: 50, max: 80, unit: '万元' } });
      await req(ent, 'POST', `/api/market/demands/${id}/submit`, {});
      expect(json(await req(bureau, 'POST', `/api/market/demands/${id}/approve`, {}))).toMatchObject({ status: 'published', statusReason: null });
      // the owner's edit of a published listing sends it back to review
      expect(json(await req(ent, 'PATCH', `/api/market/demands/${id}`, { text: '寻求退役锂电池回收技术' }))).toMatchObject({ status: 'draft' });
      await req(ent, 'POST', `/api/market/demands/${id}/submit`, {});
      await req(bureau, 'POST', `/api/market/demands/${id}/approve`, {});
      const down = json(await req(bureau, 'POST', `/api/market/demands/${id}/take-down`, { reason: '需求已解决' }));
      expect(down).toMatchObject({ status: 'takenDown', statusReason: '需求已解决' });
      expect(down.history.map((h: { action: string; toStatus: string }) => `${h.action}:${h.toStatus}`)).toEqual([
        'create:draft',
        'submit:pending',
        'return:returned',
        'update:returned',
        'submit:pending',
        'approve:published',
        'update:draft',
        'submit:pending',
        'approve:published',
        'takeDown:takenDown',
      ]);
      expect(down.history[3].changes).toEqual({ budgetMin: [null, 50], budgetMax: [null, 80] });
      expect(down.history[2]).toMatchObject({ reason: '请写明预算', fromStatus: 'pending', actor: '区科技局 王科长' });
      const audits = await t.db.query<{ action: string; before: unknown; after: unknown }>(
        `select action, before, after from audit_log where entity = 'demand' and entity_id = $1 order by id`,
        [String(id)],
      );
      expect(audits.map((a) => a.action)).toEqual([
        'market.demand.create',
        'market.demand.submit',
        'market.demand.return',
        'market.demand.update',
        'market.demand.submit',
        'market.demand.approve',
        'market.demand.update',
        'market.demand.submit',
        'market.demand.approve',
        'market.demand.takeDown',
      ]);
      expect(audits[9]).toMatchObject({ before: { status: 'published' }, after: { status: 'takenDown', reason: '需求已解决' } });
      // taken down: no longer seen by others
      expect((await req(inst, 'GET', `/api/market/demands/${id}`)).statusCode).toBe(404);
    });
  });

  describe('search', () => {
    const evalSet = loadEvalSet();
    const some: Achievement[] = evalSet.achievements.slice(0, 40);

    beforeAll(async () => {
      for (const a of some) {
        await published('achievements', {
          title: a.title,
          text: a.abstract,
          keywords: a.keywords,
          field: a.field,
          trl: a.trl,
          instituteId: instB,
          modes: ['license'],
          price: { unit: '面议' },
        });
      }
    });

    it('ranks as the engine ranks the same listings, from the database’s term index', async () => {
      const engine = defaultEngine();
      // the searched set: every published achievement of the district, in id order (the engine's index order)
      const rows = await t.db.query<{ id: number; title: string; abstract: string; keywords: string[]; field: string | null; trl: number | null }>(
        `select id::int as id, title, abstract, keywords, field, trl from achievements where status = 'published' order by id`,
      );
      const ix = engine.index(rows.map((r) => achievementText({ ...r, id: String(r.id), trl: r.trl ?? undefined, field: r.field ?? undefined })));
      for (const q of ['反应釜出料发黄，想降低副产物', '锂电池电解液添加剂', '机器视觉缺陷检测', evalSet.demands[5].title!]) {
        const expected = engine.match(ix, queryText(q), 10);
        const res = await search(bureau, 'achievements', { q, status: 'published', pageSize: 10 });
        expect(res.statusCode, res.body).toBe(200);
        const page = json(res);
        expect(page.ranked).toBe(true);
        expect(expected.length).toBeGreaterThan(0);
        expect(page.items.map((l: { id: number }) => String(l.id))).toEqual(expected.map((m) => m.id));
        expect(page.items.map((l: { score: number }) => l.score)).toEqual(expected.map((m) => m.score));
        expect(page.items[0].reasons).toEqual(expected[0].reasons);
      }
    });

    it('filters by field, readiness level, mode and price', async () => {
      const page = json(await search(inst, 'achievements', { q: '锂离子电池', field: '新能源', trlMin: 6, mode: 'license', priceMax: 10, pageSize: 100 }));
      expect(page.items.length).toBeGreaterThan(0);
      for (const l of page.items) {
        expect(l).toMatchObject({ field: '新能源', status: 'published', priceNegotiable: true });
        expect(l.trl).toBeGreaterThanOrEqual(6);
        expect(l.modes).toContain('license');
      }
    });

    it('a demand’s matches come from the index with score and reasons', async () => {
      const id = await published('demands', {
        title: '高电压锂离子电池电解液添加剂开发',
        text: '现有添加剂在高电压下循环衰减快、高温产气多，寻求新型成膜添加剂配方合作开发。',
        field: '新能源',
        enterpriseId: ownEnterprise,
      });
      const res = await req(ent, 'GET', `/api/market/demands/${id}/matches`);
      expect(res.statusCode, res.body).toBe(200);
      const groups = json(res).groups;
      expect(groups.map((g: { kind: string }) => g.kind)).toEqual(['achievement', 'expert', 'provider']);
      const top = groups[0].items[0];
      expect(top.title).toBe('高电压锂离子电池电解液成膜添加剂');
      expect(top.score).toBeGreaterThan(0);
      expect(top.reasons.join(' ')).toContain('共同术语');
      // and the other way: the achievement finds the demand
      const back = json(await req(inst, 'GET', `/api/market/achievements/${top.id}/matches`)).groups[0];
      expect(back.kind).toBe('demand');
      expect(back.items.map((m: { id: number }) => m.id)).toContain(id);
    });
  });

  describe('bad input', () => {
    it.each([
      ['empty', '', 'MKT_QUERY_TOO_SHORT'],
      ['one character', '锂', 'MKT_QUERY_TOO_SHORT'],
      ['10,000 characters', '锂电池'.repeat(3334), 'MKT_QUERY_TOO_LONG'],
    ])('a search text %s is a 400 naming q', async (_what, q, code) => {
      const res = await search(inst, 'achievements', { q });
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ code, details: { field: 'q' } });
    });

    it('HTML and script are stored and returned as text', async () => {
      const title = '<script>alert("x")</script><b>加粗</b>';
      const text = '<img src=x onerror="alert(1)"> 催化剂 & 反应器';
      const res = await req(inst, 'POST', '/api/market/achievements', { title, text });
      expect(res.statusCode, res.body).toBe(200);
      const back = json(await req(inst, 'GET', `/api/market/achievements/${json(res).id}`));
      expect(back).toMatchObject({ title, text });
      expect(res.headers['content-type']).toContain('application/json');
    });

    it('a duplicate listing (same owner, same title) is a 409 naming the title', async () => {
      await req(inst, 'POST', '/api/market/achievements', { title: '重复的成果' });
      const res = await req(inst, 'POST', '/api/market/achievements', { title: '重复的成果' });
      expect(res.statusCode).toBe(409);
      expect(json(res).error).toMatchObject({ code: 'MKT_DUPLICATE', details: { field: 'title' } });
      expect(json(res).error.message).toContain('重复的成果');
      // another owner may use the title
      expect((await req(bureau, 'POST', '/api/market/achievements', { title: '重复的成果', instituteId: instB })).statusCode).toBe(200);
    });

    it('a price or a budget in an unknown unit is a 400 naming the field', async () => {
      const price = await req(inst, 'POST', '/api/market/achievements', { title: '美元标价的成果', price: { amount: 100, unit: '美元' } });
      expect(price.statusCode).toBe(400);
      expect(json(price).error).toMatchObject({ code: 'MKT_PRICE_UNIT', details: { field: 'price.unit', value: '美元' } });
      const budget = await req(ent, 'POST', '/api/market/demands', { title: '英镑预算的需求', budget: { min: 1, max: 2, unit: '英镑' } });
      expect(budget.statusCode).toBe(400);
      expect(json(budget).error).toMatchObject({ code: 'MKT_PRICE_UNIT', details: { field: 'budget.unit' } });
      const reversed = await req(ent, 'POST', '/api/market/demands', { title: '预算倒置的需求', budget: { min: 9, max: 2, unit: '万元' } });
      expect(json(reversed).error).toMatchObject({ code: 'MKT_BUDGET_REVERSED', details: { field: 'budget.max' } });
      // 元 is kept in 万元
      const yuan = json(await req(inst, 'POST', '/api/market/achievements', { title: '以元标价的成果', price: { amount: 500_000, unit: '元' } }));
      expect(yuan).toMatchObject({ price: 50, priceNegotiable: false });
      // nothing of the refused listings was stored
      const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from achievements where title = '美元标价的成果'`);
      expect(n).toBe(0);
    });

    it('a readiness level outside 1–9 is a 400 naming the field', async () => {
      const res = await req(inst, 'POST', '/api/market/achievements', { title: 'TRL 10 的成果', trl: 10 });
      expect(res.statusCode).toBe(400);
      expect(json(res).error.details.fields[0].field).toBe('body.trl');
    });
  });
});
