/**
 * The registry list GET /api/enterprises as rebuilt for issue 15 item 7: the same answers as the query
 * it replaced (kept below as the reference) over the demo registry, the search term (LIKE for a term
 * without case, ILIKE otherwise; % and _ literal), the scope and the total, the tier column and filter,
 * unknown sort keys, and a list that follows every write although pages and counts are cached — and
 * never hands one scope's cached page to another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, likePattern, limitOffset, orderBy, whereClause, type Db, type Scope } from '@kechuang/platform-server';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { ZEnterpriseQuery } from '../contract/schemas.ts';
import { addScope } from '../db/scope.ts';
import { TIERS } from '../domain/tier.ts';
import { findEnterprises, type EnterpriseQuery } from '../server/find-enterprises.ts';
import { createEnterprise, figures, post, put, uscc } from './fixtures.ts';
import { csv, ENTERPRISE_HEADER, QUALIFICATION_HEADER, YEAR_HEADER } from './import-files.ts';

const OWN = '330211001'; // 招宝山街道, the demo town officer's town
const OTHER = '330211002'; // 蛟川街道, town2's
const TAG = '列表检索';
const E = encodeURIComponent;

/** The list's query before issue 15 item 7 (find-enterprises.ts as of ce0277b), the reference for its answers. */
async function legacyFind(db: Db, scope: Scope, q: EnterpriseQuery, onDate: string) {
  const where = whereClause([onDate]);
  addScope(where, scope);
  if (q.q) where.add('(e.name ilike ? or e.uscc ilike ?)', likePattern(q.q));
  if (q.region) where.add('e.region_code = ?', q.region);
  if (q.tier) where.add('enterprise_tier(e.id, $1::date) = ?', q.tier);
  if (q.chain) where.add('? = any(e.chain_tags)', q.chain);
  if (q.aboveScale !== undefined) where.add('e.is_above_scale = ?', q.aboveScale);
  if (q.hnteField) where.add('e.hnte_field = ?', q.hnteField);
  const from = `from enterprises e join regions r on r.code = e.region_code ${where.sql}`;
  const [{ total }] = await db.query<{ total: number }>(`select count(*) as total, $1::date as "onDate" ${from}`, where.params);
  const items = await db.query(
    `select e.id, e.uscc, e.name, e.region_code as "regionCode", r.name as "regionName", e.industry_code as "industryCode",
       e.hnte_field as "hnteField", e.chain_tags as "chainTags", e.is_above_scale as "isAboveScale", e.is_listed as "isListed",
       enterprise_tier(e.id, $1::date) as tier, y.year as "latestYear", y.revenue::float8 as revenue, y.rd_expense::float8 as "rdExpense",
       e.is_synthetic as "isSynthetic"
     from enterprises e join regions r on r.code = e.region_code
       left join lateral (select * from enterprise_years y where y.enterprise_id = e.id order by y.year desc limit 1) y on true
     ${where.sql}
     ${orderBy(q, { name: 'e.name', uscc: 'e.uscc', regionCode: 'e.region_code', revenue: 'y.revenue', rdExpense: 'y.rd_expense', latestYear: 'y.year' }, 'e.region_code, e.name, e.id')}
     ${limitOffset(q)}`,
    where.params,
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

interface Item {
  id: number;
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  tier: string;
  revenue: number | null;
  latestYear: number | null;
}
interface Page {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

describeEachDatabase('enterprise registry list', (mode) => {
  let t: TestApp;
  let bureau: string, town: string, town2: string;
  let abc: number, yong: number, beilun: number, percent: number, underscore: number;
  const list = async (query: string, cookie = bureau): Promise<Page> => {
    const res = await t.app.inject({ url: `/api/enterprises?${query}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return json(res);
  };
  const ids = (p: Page) => p.items.map((i) => i.id).sort((a, b) => a - b);
  const sorted = (...xs: number[]) => [...xs].sort((a, b) => a - b);
  const year = Number(new Date().toISOString().slice(0, 4));

  beforeAll(async () => {
    t = await startTestApp(mode);
    [bureau, town, town2] = await Promise.all(['bureau', 'town', 'town2'].map((u) => t.login(u)));
    const base = { address: '', foundedOn: '2015-03-01', hnteField: null, chainTags: [], isAboveScale: false, isListed: false, incidents: false };
    abc = await createEnterprise(t, bureau, { ...base, uscc: uscc(1), name: `${TAG}QxzW甬江科技有限公司`, regionCode: OWN });
    yong = await createEnterprise(t, bureau, { ...base, uscc: uscc(2), name: `${TAG}甬江科技精密有限公司`, regionCode: OWN });
    beilun = await createEnterprise(t, bureau, { ...base, uscc: uscc(3), name: `${TAG}北仑新材料有限公司`, regionCode: OTHER });
    percent = await createEnterprise(t, bureau, { ...base, uscc: uscc(4), name: `${TAG}百分之100%电子有限公司`, regionCode: OWN });
    underscore = await createEnterprise(t, bureau, { ...base, uscc: uscc(5), name: `${TAG}下划_线机械有限公司`, regionCode: OTHER });
    await put(t, bureau, `/api/enterprises/${yong}/years/2023`, figures({ revenue: 90_000_000 }));
    await put(t, bureau, `/api/enterprises/${abc}/years/2023`, figures({ revenue: 50_000_000 }));
  });
  afterAll(async () => t?.close());

  describe('search', () => {
    it('matches a Chinese term anywhere in the name, and counts the matches', async () => {
      const p = await list(`q=${E('甬江科技')}&pageSize=100`);
      expect([ids(p), p.total]).toEqual([sorted(abc, yong), 2]);
      expect((await list(`q=${E('不存在的企业名称')}`)).total).toBe(0);
    });

    it('finds by one character, by two, and not across the end of the name and the start of the USCC', async () => {
      // a term of two characters or more goes through the index of two-character pieces (migration 0016)
      expect(ids(await list(`q=${E(`${TAG}甬`)}&pageSize=100`))).toEqual([yong]);
      expect(ids(await list(`q=${E('江科')}&pageSize=100`))).toEqual(expect.arrayContaining([abc, yong]));
      expect(ids(await list(`q=${E('划')}&pageSize=100`))).toEqual(expect.arrayContaining([underscore]));
      expect((await list(`q=${E(`公司${uscc(1).slice(0, 3)}`)}`)).total).toBe(0);
      // a character outside the Basic Multilingual Plane (two UTF-16 units, one character to PostgreSQL)
      expect((await list(`q=${E('𠀀')}`)).total).toBe(0);
      expect((await list(`q=${E('𠀀甬')}`)).total).toBe(0);
    });

    it('matches Latin letters in either case, in the name and in the USCC', async () => {
      expect(ids(await list('q=qxzw'))).toEqual([abc]);
      expect(ids(await list('q=QXZW'))).toEqual([abc]);
      expect(ids(await list(`q=${E('xzw甬江')}`))).toEqual([abc]);
      expect(ids(await list(`q=${uscc(3)}`))).toEqual([beilun]);
      expect(ids(await list(`q=${uscc(3).toLowerCase()}`))).toEqual([beilun]);
      // the organisation code inside the USCC (characters 9–17), digits and a letter
      expect(ids(await list(`q=${uscc(4).slice(8, 17).toLowerCase()}`))).toEqual([percent]);
    });

    it('takes % and _ literally', async () => {
      const pct = await list(`q=${E('%')}&pageSize=100`);
      expect(pct.items.every((i) => i.name.includes('%') || i.uscc.includes('%'))).toBe(true);
      expect(pct.items.map((i) => i.id)).toContain(percent);
      expect(ids(await list(`q=${E('100%电子')}`))).toEqual([percent]);
      const under = await list(`q=${E(`${TAG}下划_`)}&pageSize=100`);
      expect(ids(under)).toEqual([underscore]);
      expect((await list(`q=${E(`${TAG}下划x`)}`)).total).toBe(0);
    });
  });

  describe('scope and total', () => {
    it('gives a town officer their town only, in items and in the total', async () => {
      const own = await list(`q=${E(TAG)}&pageSize=100`, town);
      expect([ids(own), own.total]).toEqual([sorted(abc, yong, percent), 3]);
      const other = await list(`q=${E(TAG)}&pageSize=100`, town2);
      expect([ids(other), other.total]).toEqual([sorted(beilun, underscore), 2]);
      // a filter on another town narrows to nothing rather than widening the scope
      expect(await list(`q=${E(TAG)}&region=${OTHER}`, town)).toMatchObject({ items: [], total: 0 });
      // the whole town, without a term: every item in the town, the total the same as paging through it
      const all = await list('pageSize=100', town);
      expect(all.items.every((i) => i.regionCode === OWN)).toBe(true);
      expect(all.total).toBeGreaterThanOrEqual(3);
    });

    it('gives an enterprise user their own enterprise only', async () => {
      await createUser(t.db, null, { username: 'list-owner', password: 'kechuang-demo', role: 'enterpriseUser', boundId: abc, displayName: 'QxzW' });
      const owner = await t.login('list-owner');
      const p = await list('pageSize=100', owner);
      expect([ids(p), p.total]).toEqual([[abc], 1]);
      expect(await list(`q=${E('精密')}`, owner)).toMatchObject({ items: [], total: 0 });
    });

    it('counts every match across pages, the pages in the default order (town, then name)', async () => {
      const whole = await list(`q=${E(TAG)}&pageSize=100`);
      expect(whole.total).toBe(5);
      const pages = await Promise.all([1, 2, 3].map((page) => list(`q=${E(TAG)}&page=${page}&pageSize=2`)));
      expect(pages.map((p) => [p.page, p.pageSize, p.total, p.items.length])).toEqual([
        [1, 2, 5, 2],
        [2, 2, 5, 2],
        [3, 2, 5, 1],
      ]);
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(whole.items.map((i) => i.id));
      const towns = whole.items.map((i) => i.regionCode);
      expect(towns).toEqual([...towns].sort());
    });

    it("shows the latest year's figures and sorts by them, empty ones last; a sort key that is no column keeps the default order", async () => {
      const byRevenue = await list(`q=${E(TAG)}&sort=revenue&order=descend&pageSize=100`);
      expect(byRevenue.items.slice(0, 2).map((i) => [i.id, i.revenue, i.latestYear])).toEqual([
        [yong, 90_000_000, 2023],
        [abc, 50_000_000, 2023],
      ]);
      expect(byRevenue.items.slice(2).every((i) => i.revenue === null)).toBe(true);
      const plain = await list(`q=${E(TAG)}&pageSize=100`);
      for (const sort of ['constructor', 'toString', 'nosuchcolumn']) {
        expect((await list(`q=${E(TAG)}&pageSize=100&sort=${sort}`)).items.map((i) => i.id)).toEqual(plain.items.map((i) => i.id));
      }
    });
  });

  describe('tiers and writes', () => {
    it('shows the highest certificate valid today and filters on it', async () => {
      expect(
        (
          await post(t, bureau, `/api/enterprises/${yong}/qualifications`, {
            kind: 'techSme',
            certificateNo: `${year - 1}330211A0000901`,
            issuedOn: `${year - 1}-06-01`,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await post(t, bureau, `/api/enterprises/${beilun}/qualifications`, {
            kind: 'techSme',
            certificateNo: `${year - 1}330211A0000902`,
            issuedOn: `${year - 1}-06-01`,
          })
        ).statusCode,
      ).toBe(200);
      let p = await list(`q=${E(TAG)}&pageSize=100`);
      expect(Object.fromEntries(p.items.map((i) => [i.id, i.tier]))).toEqual({
        [abc]: 'none',
        [yong]: 'techSme',
        [beilun]: 'techSme',
        [percent]: 'none',
        [underscore]: 'none',
      });
      // an HNTE certificate lifts yong above its tech-SME registration, at once (the cache follows the write)
      expect(
        (
          await post(t, bureau, `/api/enterprises/${yong}/qualifications`, {
            kind: 'hnte',
            certificateNo: `GR${year - 1}33100901`,
            issuedOn: `${year - 1}-12-01`,
          })
        ).statusCode,
      ).toBe(200);
      p = await list(`q=${E(TAG)}&pageSize=100`);
      expect(p.items.find((i) => i.id === yong)!.tier).toBe('hnte');
      expect(ids(await list(`q=${E(TAG)}&tier=hnte`))).toEqual([yong]);
      expect(ids(await list(`q=${E(TAG)}&tier=techSme`))).toEqual([beilun]);
      expect(ids(await list(`q=${E(TAG)}&tier=none&pageSize=100`))).toEqual(sorted(abc, percent, underscore));
      expect((await list(`q=${E(TAG)}&tier=techLeader`)).total).toBe(0);
    });

    it('follows a registration and a rename at once, in the items and the total', async () => {
      const before = await list(`q=${E(TAG)}&pageSize=100`, town);
      const added = await createEnterprise(t, bureau, {
        address: '',
        foundedOn: null,
        hnteField: null,
        chainTags: [],
        isAboveScale: false,
        isListed: false,
        incidents: false,
        uscc: uscc(6),
        name: `${TAG}新登记有限公司`,
        regionCode: OWN,
      });
      const after = await list(`q=${E(TAG)}&pageSize=100`, town);
      expect([after.total, ids(after)]).toEqual([before.total + 1, sorted(...ids(before), added)]);
      const profile = json(await t.app.inject({ url: `/api/enterprises/${added}`, headers: { cookie: bureau } }));
      expect((await put(t, bureau, `/api/enterprises/${added}`, { ...profile.enterprise, name: `${TAG}改名后有限公司` })).statusCode).toBe(200);
      expect(ids(await list(`q=${E('改名后')}`, town))).toEqual([added]);
      expect((await list(`q=${E('新登记')}`, town)).total).toBe(0);
    });
  });
  describe('the same answers as the query it replaced', () => {
    it('over the demo registry, for every kind of scope, filter, sort and page, today and on an earlier day', { timeout: 240_000 }, async () => {
      const regionScope = async (code: string): Promise<Scope> => {
        const [r] = await t.db.query<{ code: string; name: string; path: string }>('select code, name, path from regions where code = $1', [code]);
        return { kind: 'region', regionCode: r.code, regionName: r.name, path: r.path };
      };
      const scopes: [string, Scope][] = [
        ['district', await regionScope('330211')],
        ['own town', await regionScope(OWN)],
        ['other town', await regionScope(OTHER)],
        ['enterprise', { kind: 'bound', boundKind: 'enterprise', boundId: abc, regionCode: OWN }],
        ['unbound enterprise account', { kind: 'bound', boundKind: 'enterprise', boundId: null, regionCode: null }],
        ['carrier', { kind: 'bound', boundKind: 'carrier', boundId: 1, regionCode: null }],
      ];
      const [demo] = await t.db.query<{ uscc: string; chain: string }>(
        `select uscc, chain_tags[1] as chain from enterprises where is_synthetic and uscc ~ '[A-Z]' and cardinality(chain_tags) > 0 order by id limit 1`,
      );
      const [{ field }] = await t.db.query<{ field: string }>(
        `select hnte_field as field from enterprises where hnte_field is not null group by 1 order by count(*) desc limit 1`,
      );
      const queries: Record<string, unknown>[] = [
        {},
        { page: 2 },
        { page: 3, pageSize: 50 },
        { page: 1000 },
        { q: '科技' },
        { q: '科' },
        { q: '技有' },
        { q: 'Qx' },
        { q: '有限公司', page: 2, pageSize: 10 },
        { q: demo.uscc.slice(6, 14).toLowerCase() },
        { q: demo.uscc.slice(0, 8) },
        { q: TAG.slice(0, 2) },
        ...TIERS.map((tier) => ({ tier, pageSize: 50 })),
        { chain: demo.chain },
        { aboveScale: 'true' },
        { aboveScale: 'false', page: 2 },
        { hnteField: field },
        { region: OWN },
        { region: OTHER, q: '科技' },
        { tier: 'techSme', aboveScale: 'true', q: '科技' },
        { tier: 'none', chain: demo.chain, hnteField: field },
        ...['name', 'uscc', 'regionCode', 'revenue', 'rdExpense', 'latestYear'].flatMap((sort) => [
          { sort, order: 'descend', page: 2, pageSize: 10 },
          { sort, q: '科技', pageSize: 30 },
        ]),
        { sort: 'revenue', order: 'descend', tier: 'hnte' },
      ];
      const today = new Date().toISOString().slice(0, 10);
      let compared = 0;
      let nonEmpty = 0;
      for (const [label, scope] of scopes) {
        for (const raw of queries) {
          const q = ZEnterpriseQuery.parse(raw);
          for (const date of raw.tier || raw.sort === undefined ? [today, '2022-06-30'] : [today]) {
            const expected = await legacyFind(t.db, scope, q, date);
            expect(await findEnterprises(t.db, scope, q, date), `${label} ${JSON.stringify(raw)} on ${date}`).toEqual(expected);
            compared++;
            if (expected.items.length > 0) nonEmpty++;
          }
        }
      }
      // the comparison saw real pages, not only empty ones (the enterprise and carrier scopes are empty by design)
      expect(nonEmpty).toBeGreaterThan(compared / 3);
    });
  });

  describe('cache and scope', () => {
    it("never hands one scope's cached page to another: the same URL as the bureau, each town officer, two enterprise users", async () => {
      const url = `q=${E(TAG)}&pageSize=100`;
      const all = await list(url, bureau);
      expect(all.total).toBeGreaterThanOrEqual(5);
      const other = await list(url, town2);
      expect(other.items.every((i) => i.regionCode === OTHER)).toBe(true);
      expect(ids(other)).not.toContain(abc);
      expect(ids(other)).not.toContain(yong);
      const own = await list(url, town);
      expect(own.items.every((i) => i.regionCode === OWN)).toBe(true);
      expect(own.total + other.total).toBe(all.total);
      // and again in the other order, the other town's rows already cached
      expect((await list(url, town2)).items.map((i) => i.id)).toEqual(other.items.map((i) => i.id));
      // the whole town without a term: not one of the other town's rows, nor in its total
      const townAll = await list('pageSize=100', town);
      const town2All = await list('pageSize=100', town2);
      expect(town2All.items.some((i) => i.regionCode === OWN)).toBe(false);
      expect(ids(town2All).filter((id) => ids(townAll).includes(id))).toEqual([]);
      const [{ n }] = await t.db.query<{ n: number }>('select count(*) as n from enterprises where region_code = $1', [OTHER]);
      expect(town2All.total).toBe(n);

      await createUser(t.db, null, { username: 'list-owner-a', password: 'kechuang-demo', role: 'enterpriseUser', boundId: abc, displayName: 'A' });
      await createUser(t.db, null, { username: 'list-owner-b', password: 'kechuang-demo', role: 'enterpriseUser', boundId: yong, displayName: 'B' });
      const [a, b] = [await t.login('list-owner-a'), await t.login('list-owner-b')];
      expect([ids(await list(url, a)), ids(await list(url, b)), ids(await list(url, a))]).toEqual([[abc], [yong], [abc]]);
    });

    it("refuses a carrier's account (it sees no enterprise)", async () => {
      const carrier = await t.login('carrier');
      const res = await t.app.inject({ url: `/api/enterprises?q=${E(TAG)}`, headers: { cookie: carrier } });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('follows every write at once', () => {
    const version = async () => (await t.db.query<{ v: number }>(`select version as v from data_versions where room = 'enterprises'`))[0].v;
    const item = async (id: number, cookie = bureau) => (await list(`q=${E(TAG)}&pageSize=100`, cookie)).items.find((i) => i.id === id);
    const upload = (kind: string, name: string, data: string) => {
      const body = multipartFile(name, data);
      return t.app.inject({ method: 'POST', url: `/api/enterprises/import?kind=${kind}`, headers: { cookie: bureau, ...body.headers }, payload: body.payload });
    };

    it('a revoked certificate', async () => {
      const res = await post(t, bureau, `/api/enterprises/${percent}/qualifications`, {
        kind: 'techLeader',
        certificateNo: `LJ${year - 1}0903`,
        issuedOn: `${year - 1}-03-01`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((await item(percent))!.tier).toBe('techLeader');
      expect(ids(await list(`q=${E(TAG)}&tier=techLeader`))).toEqual([percent]);
      const status = await put(t, bureau, `/api/enterprises/${percent}/qualifications/${json(res).id}/status`, { status: 'revoked' });
      expect(status.statusCode).toBe(200);
      expect((await item(percent))!.tier).toBe('none');
      expect((await list(`q=${E(TAG)}&tier=techLeader`)).total).toBe(0);
    });

    it("an enterprise's own report of a year, and its confirmation", async () => {
      const owner = await t.login('list-owner-a');
      const before = await item(abc, owner);
      const res = await put(t, owner, `/api/enterprises/${abc}/years/${year - 1}`, figures({ revenue: 70_000_000 }));
      expect(json(res)).toEqual({ source: 'selfReport', confirmed: false });
      const after = await item(abc, owner);
      expect([before!.latestYear, after!.latestYear, after!.revenue]).toEqual([2023, year - 1, 70_000_000]);
      expect((await item(abc))!.revenue).toBe(70_000_000);
      const v = await version();
      expect((await post(t, bureau, `/api/enterprises/${abc}/years/${year - 1}/confirm`, {})).statusCode).toBe(200);
      expect(await version()).toBe(v + 1);
      const contacts = await put(t, owner, `/api/enterprises/${abc}/contacts`, { address: '宁波', contactName: '王', contactPhone: '', contactEmail: '' });
      expect(contacts.statusCode, contacts.body).toBe(200);
      expect(await version()).toBe(v + 2);
    });

    it('imports of the registry, the years and a certificate list', async () => {
      const row = (u: string, name: string, town: string) => [u, name, town, '', '2016-05-01', '', '', '', '', '是', '', '', '', ''];
      const ent = await upload(
        'enterprises',
        '名录.csv',
        csv([ENTERPRISE_HEADER, row(uscc(5), `${TAG}下划_线重工有限公司`, '蛟川街道'), row(uscc(7), `${TAG}导入新增有限公司`, '招宝山街道')]),
      );
      expect(ent.statusCode, ent.body).toBe(200);
      const p = await list(`q=${E(TAG)}&pageSize=100`);
      const added = p.items.find((i) => i.uscc === uscc(7));
      expect(added?.regionCode).toBe(OWN);
      expect(p.items.find((i) => i.id === underscore)!.name).toBe(`${TAG}下划_线重工有限公司`);
      expect(ids(await list(`q=${E(TAG)}&aboveScale=true&pageSize=100`))).toEqual(sorted(underscore, added!.id));
      expect(ids(await list(`q=${E(TAG)}&pageSize=100`, town))).toContain(added!.id);

      expect((await item(beilun))!.latestYear).toBeNull();
      const yr = await upload('years', '年度.csv', csv([YEAR_HEADER, [uscc(3), year - 1, '1200', '', '', '', '', '', '', '', '', '', '']]));
      expect(yr.statusCode, yr.body).toBe(200);
      const b = await item(beilun);
      expect(b!.latestYear).toBe(year - 1);
      expect(b!.revenue).toBeGreaterThan(0);

      const ql = await upload(
        'qualifications',
        '高企名单.csv',
        csv([QUALIFICATION_HEADER, [uscc(5), '', '高新技术企业', `GR${year - 1}33100904`, `${year - 1}-12-01`, '']]),
      );
      expect(ql.statusCode, ql.body).toBe(200);
      expect((await item(underscore))!.tier).toBe('hnte');
      expect(ids(await list(`q=${E(TAG)}&tier=hnte&pageSize=100`))).toContain(underscore);
    });

    it("a move to another town, out of one officer's list and into the other's", async () => {
      const base = { address: '', foundedOn: null, hnteField: null, chainTags: [], isAboveScale: false, isListed: false, incidents: false };
      const id = await createEnterprise(t, bureau, { ...base, uscc: uscc(8), name: `${TAG}迁移有限公司`, regionCode: OWN });
      expect(ids(await list(`q=${E('迁移')}`, town))).toEqual([id]);
      expect((await list(`q=${E('迁移')}`, town2)).total).toBe(0);
      expect((await put(t, bureau, `/api/enterprises/${id}`, { ...base, uscc: uscc(8), name: `${TAG}迁移有限公司`, regionCode: OTHER })).statusCode).toBe(200);
      expect((await list(`q=${E('迁移')}`, town)).total).toBe(0);
      expect(ids(await list(`q=${E('迁移')}`, town2))).toEqual([id]);
    });

    it("a park's new name", async () => {
      const admin = await t.login('admin');
      const park = (name: string) => t.app.inject({ method: 'PUT', url: '/api/regions/parks/330211P07', headers: { cookie: admin }, payload: { name } });
      expect((await park('列表测试园区')).statusCode).toBe(200);
      const base = { address: '', foundedOn: null, hnteField: null, chainTags: [], isAboveScale: false, isListed: false, incidents: false };
      const id = await createEnterprise(t, bureau, { ...base, uscc: uscc(9), name: `${TAG}园区企业有限公司`, regionCode: '330211P07' });
      expect((await item(id))!).toMatchObject({ regionCode: '330211P07', regionName: '列表测试园区' });
      expect((await park('列表测试园区二期')).statusCode).toBe(200);
      expect((await item(id))!.regionName).toBe('列表测试园区二期');
    });
  });
});
