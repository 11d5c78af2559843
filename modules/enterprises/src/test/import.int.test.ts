import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createUser } from '@kechuang/platform-server';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { csv, ENTERPRISE_HEADER, gbkEncode, QUALIFICATION_HEADER, testUscc, xlsx, YEAR_HEADER } from './import-files.ts';

const THIS_YEAR = new Date().getFullYear();
const E = (n: number) => testUscc(n);
/** an enterprise row in the template's column order */
const ent = (
  uscc: string,
  name: string,
  town = '招宝山街道',
  more: Partial<Record<'address' | 'founded' | 'capital' | 'industry' | 'field' | 'chains' | 'aboveScale' | 'listed', string>> = {},
) => [
  uscc,
  name,
  town,
  more.address ?? '',
  more.founded ?? '2018-03-15',
  more.capital ?? '',
  more.industry ?? '',
  more.field ?? '',
  more.chains ?? '',
  more.aboveScale ?? '',
  more.listed ?? '',
  '',
  '',
  '',
];
/** a years row: USCC, year, then the figures in YEAR_HEADER order, then the unit */
const yr = (uscc: string, year: number, f: (string | number)[] = [], unit = '') => [uscc, year, ...Array.from({ length: 10 }, (_, i) => f[i] ?? ''), unit];

describeEachDatabase('enterprise registry import', (mode) => {
  let t: TestApp;
  let bureau: string;
  let town: string;
  /** industry-chain codes by name (the demo data may have registered the two chains under codes of its own) */
  let chain: Record<string, string>;
  const upload = (cookie: string, kind: string, name: string, data: Buffer | string) => {
    const body = multipartFile(name, data);
    return t.app.inject({ method: 'POST', url: `/api/enterprises/import?kind=${kind}`, headers: { cookie, ...body.headers }, payload: body.payload });
  };
  const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });
  const counts = async () =>
    (
      await t.db.query<{ e: number; y: number; q: number; c: number }>(
        `select (select count(*) from enterprises) as e, (select count(*) from enterprise_years) as y, (select count(*) from qualifications) as q,
              (select count(*) from enterprise_import_changes) as c`,
      )
    )[0];
  const year = async (uscc: string, y: number) =>
    (
      await t.db.query<Record<string, string | number | boolean | null>>(
        `select revenue::text, high_tech_revenue::text as "highTechRevenue", rd_expense::text as "rdExpense", total_assets::text as "totalAssets",
              net_assets::text as "netAssets", employees, sci_tech_staff as "sciTechStaff", source, confirmed, import_run_id as "importRunId"
         from enterprise_years y join enterprises e on e.id = y.enterprise_id where e.uscc = $1 and y.year = $2`,
        [uscc, y],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
    town = await t.login('town');
    await t.db.query(
      `insert into industry_chains (code, name, sort) values ('testPetrochem', '绿色石化', 1), ('testMaterials', '新材料', 2) on conflict do nothing`,
    );
    chain = Object.fromEntries((await t.db.query<{ name: string; code: string }>('select name, code from industry_chains')).map((c) => [c.name, c.code]));
    const ok = await upload(
      bureau,
      'enterprises',
      'base.csv',
      csv([ENTERPRISE_HEADER, ent(E(1), '宁波甲科技有限公司'), ent(E(2), '宁波乙材料有限公司', '蛟川街道')]),
    );
    expect(ok.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  let before: Awaited<ReturnType<typeof counts>>;
  beforeEach(async () => {
    before = await counts();
  });

  describe('enterprises (企业名录)', () => {
    it('registers enterprises from Chinese headers: town by name or code, chains, 是/否, capital in 万元; changes, audit and rule checks follow', async () => {
      const res = await upload(
        bureau,
        'enterprises',
        '名录.csv',
        csv([
          ENTERPRISE_HEADER,
          ent(E(10), '宁波丙新材料科技有限公司', '骆驼街道', {
            capital: '1,250.5',
            industry: 'c2651',
            field: '新材料',
            chains: '新材料、绿色石化',
            aboveScale: '是',
            listed: '否',
          }),
          ent(E(11), '宁波丁电子有限公司', '330211004', { field: '电子信息', chains: chain['新材料'], founded: '2020/7/1' }),
        ]),
      );
      expect(res.statusCode).toBe(200);
      const result = json(res);
      expect(result).toMatchObject({ kind: 'enterprises', rows: 2, inserted: 2, updated: 0, unchanged: 0, rechecked: 2 });
      const [e] = await t.db.query<Record<string, unknown>>(
        `select region_code as "regionCode", registered_capital::text as capital, industry_code as "industryCode", hnte_field as "hnteField", chain_tags as "chainTags",
                is_above_scale as "isAboveScale", to_char(founded_on, 'YYYY-MM-DD') as "foundedOn" from enterprises where uscc = $1`,
        [E(10)],
      );
      expect(e).toEqual({
        regionCode: '330211003',
        capital: '12505000',
        industryCode: 'C2651',
        hnteField: 'newMaterials',
        chainTags: [chain['新材料'], chain['绿色石化']],
        isAboveScale: true,
        foundedOn: '2018-03-15',
      });
      const [d] = await t.db.query<{ regionCode: string; foundedOn: string }>(
        `select region_code as "regionCode", to_char(founded_on, 'YYYY-MM-DD') as "foundedOn" from enterprises where uscc = $1`,
        [E(11)],
      );
      expect(d).toEqual({ regionCode: '330211004', foundedOn: '2020-07-01' });
      const checks = await t.db.query('select 1 from enterprise_checks c join enterprises e on e.id = c.enterprise_id where e.uscc = any($1::text[])', [
        [E(10), E(11)],
      ]);
      expect(checks).toHaveLength(2);
      const changes = json(await get(bureau, `/api/enterprises/import-runs/${result.importRunId}/changes`));
      expect(changes.total).toBe(2);
      expect(changes.items[0]).toMatchObject({
        uscc: E(10),
        target: 'enterprise',
        change: 'inserted',
        before: null,
        after: { name: '宁波丙新材料科技有限公司', regionCode: '330211003' },
      });
      const audit = json(await get(await t.login('admin'), `/api/audit?entity=importRun&entityId=${result.importRunId}`));
      expect(audit.items[0]).toMatchObject({ username: 'bureau', action: 'registry.import.enterprises', after: { inserted: 2 } });
    });

    it('reads English column codes and .xlsx with date cells; an update keeps what an empty cell leaves and records before/after', async () => {
      const data = await xlsx([
        ['uscc', 'name', 'town', 'foundedOn', 'isAboveScale', 'address'],
        [E(1), '宁波甲科技股份有限公司', '招宝山街道', new Date(Date.UTC(2016, 4, 20)), 'Y', ''],
      ]);
      const res = await upload(bureau, 'enterprises', 'en.xlsx', data);
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ inserted: 0, updated: 1 });
      const [e] = await t.db.query<{ name: string; foundedOn: string; isAboveScale: boolean }>(
        `select name, to_char(founded_on, 'YYYY-MM-DD') as "foundedOn", is_above_scale as "isAboveScale" from enterprises where uscc = $1`,
        [E(1)],
      );
      expect(e).toEqual({ name: '宁波甲科技股份有限公司', foundedOn: '2016-05-20', isAboveScale: true });
      const [change] = json(await get(bureau, `/api/enterprises/import-runs/${json(res).importRunId}/changes`)).items;
      expect(change).toMatchObject({
        change: 'updated',
        before: { name: '宁波甲科技有限公司', foundedOn: '2018-03-15', isAboveScale: false },
        after: { name: '宁波甲科技股份有限公司', foundedOn: '2016-05-20' },
      });
    });

    it('reads a CSV saved by Chinese Excel in GBK, not as mojibake', async () => {
      const text = csv([ENTERPRISE_HEADER, ent(E(20), '宁波镇海储能技术有限公司', '澥浦镇', { field: '新能源与节能' })]);
      const gbk = gbkEncode(text);
      expect(gbk.equals(Buffer.from(text))).toBe(false);
      const res = await upload(bureau, 'enterprises', 'gbk.csv', gbk);
      expect(res.statusCode).toBe(200);
      const [e] = await t.db.query<{ name: string; region_code: string; hnte_field: string }>(
        'select name, region_code, hnte_field from enterprises where uscc = $1',
        [E(20)],
      );
      expect(e).toEqual({ name: '宁波镇海储能技术有限公司', region_code: '330211100', hnte_field: 'newEnergy' });
    });

    it('changes nothing when the same file is imported again', async () => {
      const file = csv([ENTERPRISE_HEADER, ent(E(30), '宁波戊科技有限公司', '庄市街道', { chains: '新材料', capital: '300' })]);
      expect(json(await upload(bureau, 'enterprises', 'a.csv', file))).toMatchObject({ inserted: 1, updated: 0 });
      const again = await upload(bureau, 'enterprises', 'a.csv', file);
      expect(json(again)).toMatchObject({ rows: 1, inserted: 0, updated: 0, unchanged: 1, rechecked: 0 });
    });

    const future = `${THIS_YEAR + 1}-01-01`;
    it.each([
      [
        'a USCC with a wrong check character, naming the expected one',
        ent(`${E(40).slice(0, 17)}${E(40)[17] === 'A' ? 'B' : 'A'}`, '错校验位公司'),
        '统一社会信用代码',
        `第 18 位应为 ${E(40)[17]}`,
      ],
      ['an unknown town name', ent(E(41), '某公司', '不存在街道'), '所属镇街', '不存在'],
      ['a region outside the district', ent(E(42), '某公司', '330212001'), '所属镇街', '不在您的管辖范围内'],
      ['a founding date in the future', ent(E(43), '某公司', '招宝山街道', { founded: future }), '成立日期', '晚于今天'],
      ['a founding date that is not a date', ent(E(44), '某公司', '招宝山街道', { founded: '2019-02-30' }), '成立日期', '不是有效日期'],
      ['a registered capital that is not a number', ent(E(45), '某公司', '招宝山街道', { capital: '五百' }), '注册资本（万元）', '不是数字'],
      ['an unknown industry chain', ent(E(46), '某公司', '招宝山街道', { chains: '新材料、元宇宙' }), '产业链', '元宇宙'],
      ['a technical field that is not one of the eight', ent(E(47), '某公司', '招宝山街道', { field: '人工智能' }), '技术领域', '八大高新技术领域'],
      ['a yes/no cell that is neither', ent(E(48), '某公司', '招宝山街道', { aboveScale: '也许' }), '规上企业', '是 或 否'],
    ])('refuses %s, by row and column, and writes nothing', async (_, bad, column, reason) => {
      const res = await upload(bureau, 'enterprises', 'bad.csv', csv([ENTERPRISE_HEADER, ent(E(49), '好公司'), bad]));
      expect(res.statusCode).toBe(422);
      const err = json(res).error;
      expect(err.code).toBe('IMPORT_INVALID');
      expect(err.details.errors).toHaveLength(1);
      expect(err.details.errors[0]).toMatchObject({ row: 3, column });
      expect(err.details.errors[0].reason).toContain(reason);
      expect(await counts()).toEqual(before);
    });

    it('refuses a duplicate USCC in one file, naming the first row', async () => {
      const res = await upload(bureau, 'enterprises', 'dup.csv', csv([ENTERPRISE_HEADER, ent(E(50), '甲'), ent(E(51), '乙'), ent(E(50), '甲二')]));
      expect(res.statusCode).toBe(422);
      expect(json(res).error.details.errors).toEqual([
        expect.objectContaining({ row: 4, column: '统一社会信用代码', reason: expect.stringContaining('与第 2 行重复') }),
      ]);
      expect(await counts()).toEqual(before);
    });
  });

  describe('years (年度数据)', () => {
    it('converts 万元 and 亿元 to whole yuan exactly, from a 金额单位 column, a header suffix or the cell', async () => {
      const header = [...YEAR_HEADER];
      header[4] = '研发费用（亿元）';
      const res = await upload(
        bureau,
        'years',
        'years.csv',
        csv([
          header,
          yr(E(1), 2023, ['1234.5678', '1000', '0.0052345678', '', '', '98765.4321', '-12.5', 120, 30, 2], '万元'),
          yr(E(2), 2023, ['0.5亿元', '3000万元', '0.00000001', '', '', '1,234,567.5', '', 50, 0, 0]),
        ]),
      );
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ rows: 2, inserted: 2 });
      expect(await year(E(1), 2023)).toMatchObject({
        revenue: '12345678',
        highTechRevenue: '10000000',
        rdExpense: '523457',
        totalAssets: '987654321',
        netAssets: '-125000',
        employees: 120,
        sciTechStaff: 30,
        source: 'import',
        confirmed: true,
        importRunId: json(res).importRunId,
      });
      expect(await year(E(2), 2023)).toMatchObject({ revenue: '50000000', highTechRevenue: '30000000', rdExpense: '1', totalAssets: '1234568' });
      const changes = json(await get(bureau, `/api/enterprises/import-runs/${json(res).importRunId}/changes`));
      expect(changes.total).toBe(2);
      expect(changes.items[0]).toMatchObject({
        uscc: E(1),
        name: '宁波甲科技股份有限公司',
        target: 'year',
        key: '2023',
        change: 'inserted',
        before: null,
        after: { revenue: 12345678, netAssets: -125000, source: 'import' },
      });
    });

    it('is idempotent: the same file again inserts and updates nothing; a changed figure is one update with before/after', async () => {
      const file = (revenue: string) =>
        csv([YEAR_HEADER, yr(E(1), 2022, [revenue, '', '50', '40', '', '', '', 100, 20]), yr(E(2), 2022, ['800', '', '', '', '', '', '', 30, 3])]);
      expect(json(await upload(bureau, 'years', 'y.csv', file('1000')))).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
      expect(json(await upload(bureau, 'years', 'y.csv', file('1000')))).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2, rechecked: 0 });
      const changed = json(await upload(bureau, 'years', 'y.csv', file('1200')));
      expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, rechecked: 1 });
      const changes = json(await get(bureau, `/api/enterprises/import-runs/${changed.importRunId}/changes`));
      expect(changes.items).toEqual([
        expect.objectContaining({
          uscc: E(1),
          target: 'year',
          key: '2022',
          change: 'updated',
          before: expect.objectContaining({ revenue: 1000 }),
          after: expect.objectContaining({ revenue: 1200, rdExpense: 50 }),
        }),
      ]);
      const exported = await get(bureau, `/api/enterprises/import-runs/${changed.importRunId}/changes/export`);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
    });

    it('keeps a figure an empty cell leaves, and checks the figures a row ends with against it', async () => {
      await upload(bureau, 'years', 'a.csv', csv([YEAR_HEADER, yr(E(2), 2021, ['500', '', '', '', '', '', '', 40, 10])]));
      const kept = await upload(bureau, 'years', 'b.csv', csv([YEAR_HEADER, yr(E(2), 2021, ['', '', '20'])]));
      expect(json(kept)).toMatchObject({ updated: 1 });
      expect(await year(E(2), 2021)).toMatchObject({ revenue: '500', rdExpense: '20', employees: 40 });
      before = await counts();
      const clash = await upload(bureau, 'years', 'c.csv', csv([YEAR_HEADER, yr(E(2), 2021, ['', '', '', '', '', '', '', '', 50])]));
      expect(clash.statusCode).toBe(422);
      expect(json(clash).error.details.errors[0]).toMatchObject({ row: 2, column: '科技人员数', reason: expect.stringContaining('职工总数（40') });
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['negative revenue', yr(E(1), 2020, ['-5']), '营业收入', '不能为负数'],
      ['sci-tech staff above employees', yr(E(1), 2020, ['', '', '', '', '', '', '', 10, 11]), '科技人员数', '大于职工总数'],
      ['high-tech revenue above revenue', yr(E(1), 2020, ['100', '101']), '高新技术产品(服务)收入', '大于营业收入'],
      ['a number that is not one', yr(E(1), 2020, ['一百万']), '营业收入', '不是数字'],
      ['a head count with a fraction', yr(E(1), 2020, ['', '', '', '', '', '', '', '10.5']), '职工总数', '应为整数'],
      ['a year in the future', yr(E(1), THIS_YEAR + 1, ['1']), '年度', '年度超出范围'],
      ['a year that is not one', yr(E(1), '23年' as unknown as number, ['1']), '年度', '四位数字'],
      ['an unknown amount unit', yr(E(1), 2020, ['1'], '千元'), '金额单位', '元、万元 或 亿元'],
      ['an enterprise not in the registry', yr(E(99), 2020, ['1']), '统一社会信用代码', '未在企业库登记'],
    ])('refuses %s, by row and column, and writes nothing', async (_, bad, column, reason) => {
      const res = await upload(bureau, 'years', 'bad.csv', csv([YEAR_HEADER, yr(E(2), 2019, ['1']), bad]));
      expect(res.statusCode).toBe(422);
      const err = json(res).error;
      expect(err.details.errors).toHaveLength(1);
      expect(err.details.errors[0]).toMatchObject({ row: 3, column });
      expect(err.details.errors[0].reason).toContain(reason);
      expect(await counts()).toEqual(before);
    });

    it('writes nothing of a file with one bad row among good ones, keeps the refused run and its errors as a spreadsheet', async () => {
      const res = await upload(
        bureau,
        'years',
        'half.csv',
        csv([YEAR_HEADER, yr(E(1), 2018, ['1']), yr(E(2), 2018, ['2']), yr(E(1), 2018, ['3']), yr(E(2), 2017, ['x'])]),
      );
      expect(res.statusCode).toBe(422);
      const { importRunId, errors } = json(res).error.details;
      expect(errors.map((e: { row: number }) => e.row)).toEqual([4, 5]);
      expect(errors[0].reason).toContain('与第 2 行重复');
      expect(await counts()).toEqual(before);
      expect(await year(E(1), 2018)).toBeUndefined();
      const runs = json(await get(bureau, '/api/enterprises/import-runs?status=refused&kind=years'));
      expect(runs.items[0]).toMatchObject({ id: importRunId, kind: 'years', status: 'refused', fileName: 'half.csv', rowCount: 4, errorCount: 2 });
      const report = await get(bureau, `/api/enterprises/import-runs/${importRunId}/errors`);
      expect(report.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(report.rawPayload as never);
      const ws = wb.worksheets[0];
      expect(ws.getRow(2).values).toEqual([undefined, '行号', '列', '值', '错误原因']);
      expect([ws.getRow(3).getCell(1).value, ws.getRow(4).getCell(1).value]).toEqual([4, 5]);
    });
  });

  describe('qualifications (资质名单)', () => {
    it('imports a published HNTE list: default validity, and the enterprise climbs the tier ladder and leaves the candidate pool', async () => {
      const tierOf = async () => json(await get(bureau, `/api/enterprises?q=${E(2)}`)).items[0].tier;
      const inPool = async () => json(await get(bureau, `/api/enterprises/lists/hnteCandidates?q=${E(2)}`)).total;
      expect(await tierOf()).toBe('none');
      expect(await inPool()).toBe(1);
      const issued = `${THIS_YEAR - 1}-12-06`;
      const res = await upload(
        bureau,
        'qualifications',
        '高企名单.csv',
        csv([QUALIFICATION_HEADER, [E(2), '宁波乙材料有限公司', '高新技术企业', `GR${THIS_YEAR - 1}33100099`, issued, '']]),
      );
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ inserted: 1, rechecked: 1 });
      const [q] = await t.db.query<{ validUntil: string; importRunId: number }>(
        `select to_char(valid_until, 'YYYY-MM-DD') as "validUntil", import_run_id as "importRunId" from qualifications where certificate_no = $1`,
        [`GR${THIS_YEAR - 1}33100099`],
      );
      expect(q).toEqual({ validUntil: `${THIS_YEAR + 2}-12-05`, importRunId: json(res).importRunId });
      expect(await tierOf()).toBe('hnte');
      expect(await inPool()).toBe(0);
      const again = await upload(
        bureau,
        'qualifications',
        '高企名单.csv',
        csv([QUALIFICATION_HEADER, [E(2), '宁波乙材料有限公司', 'hnte', `GR${THIS_YEAR - 1}33100099`, issued, '']]),
      );
      expect(json(again)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    });

    it.each([
      [
        'a name that is not the registered one, naming both',
        [E(1), '宁波甲科技有限公司（旧名）', '高新技术企业', 'GR-X1', '2024-01-01', ''],
        '企业名称',
        '与企业库登记的“宁波甲科技股份有限公司”',
      ],
      ['an unknown qualification type', [E(1), '', '专精特新', 'X2', '2024-01-01', ''], '资质类型', '资质类型应为'],
      [
        'a certificate already held by another enterprise',
        [E(1), '', '高新技术企业', `GR${THIS_YEAR - 1}33100099`, '2024-01-01', ''],
        '证书编号',
        '已登记在“宁波乙材料有限公司”',
      ],
      ['a validity ending before the issue', [E(1), '', '科技型中小企业', 'X3', '2024-05-01', '2024-04-30'], '有效期至', '早于发证日期'],
    ])('refuses %s', async (_, bad, column, reason) => {
      const res = await upload(bureau, 'qualifications', 'q.csv', csv([QUALIFICATION_HEADER, bad]));
      expect(res.statusCode).toBe(422);
      expect(json(res).error.details.errors[0]).toMatchObject({ row: 2, column, reason: expect.stringContaining(reason) });
      expect(await counts()).toEqual(before);
    });
  });

  describe('who may import', () => {
    it('lets a town officer import enterprises and years of their own town only', async () => {
      const own = await upload(town, 'enterprises', 't.csv', csv([ENTERPRISE_HEADER, ent(E(60), '招宝山企业')]));
      expect(own.statusCode).toBe(200);
      const other = await upload(
        town,
        'enterprises',
        't.csv',
        csv([ENTERPRISE_HEADER, ent(E(61), '蛟川企业', '蛟川街道'), ent(E(2), '宁波乙材料有限公司', '招宝山街道')]),
      );
      expect(other.statusCode).toBe(422);
      expect(json(other).error.details.errors).toEqual([
        expect.objectContaining({ row: 2, column: '所属镇街', reason: expect.stringContaining('不在您的管辖范围内') }),
        expect.objectContaining({ row: 3, column: '统一社会信用代码', reason: expect.stringContaining('已登记在蛟川街道') }),
      ]);
      const years = await upload(town, 'years', 'ty.csv', csv([YEAR_HEADER, yr(E(60), 2023, ['1']), yr(E(2), 2023, ['1'])]));
      expect(json(years).error.details.errors).toEqual([expect.objectContaining({ row: 3, reason: expect.stringContaining('不在您的管辖范围内') })]);
      const quals = await upload(town, 'qualifications', 'tq.csv', csv([QUALIFICATION_HEADER, [E(60), '', '高新技术企业', 'T1', '2024-01-01', '']]));
      expect(quals.statusCode).toBe(403);
      // a town officer sees their own runs only
      const runs = json(await get(town, '/api/enterprises/import-runs?pageSize=100')).items;
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.every((r: { username: string }) => r.username === 'town')).toBe(true);
      const bureauRun = json(await get(bureau, '/api/enterprises/import-runs?status=accepted')).items.find(
        (r: { username: string }) => r.username === 'bureau',
      );
      expect((await get(town, `/api/enterprises/import-runs/${bureauRun.id}/changes`)).statusCode).toBe(404);
    });

    it('refuses an enterprise user and a leader (403)', async () => {
      const [{ id }] = await t.db.query<{ id: number }>('select id from enterprises where uscc = $1', [E(1)]);
      await createUser(t.db, null, { username: 'ent-import', role: 'enterpriseUser', boundId: id, password: 'kechuang-demo' });
      for (const user of ['ent-import', 'leader']) {
        const cookie = await t.login(user);
        const res = await upload(cookie, 'years', 'e.csv', csv([YEAR_HEADER, yr(E(1), 2023, ['1'])]));
        expect(res.statusCode).toBe(403);
        expect(json(res).error.code).toBe('FORBIDDEN');
        expect((await get(cookie, '/api/enterprises/import-runs')).statusCode).toBe(403);
      }
      expect(await counts()).toEqual(before);
    });
  });

  describe('files', () => {
    it.each([
      ['a file over the upload limit', 'big.csv', () => Buffer.alloc(21 * 1024 * 1024, 'a'), 413, 'IMPORT_TOO_LARGE'],
      ['a missing required column', 'cols.csv', () => Buffer.from('统一社会信用代码,营业收入\n' + E(1) + ',1'), 422, 'IMPORT_HEADER'],
      ['a header with no rows', 'head.csv', () => Buffer.from(YEAR_HEADER.join(',')), 422, 'IMPORT_EMPTY'],
      ['a file that is not a spreadsheet', 'photo.xlsx', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 415, 'IMPORT_UNREADABLE'],
    ])('refuses %s with a clear error', async (_, name, data, status, code) => {
      const res = await upload(bureau, 'years', name, data());
      expect(res.statusCode).toBe(status);
      expect(json(res).error.code).toBe(code);
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown kind (400)', async () => {
      expect((await upload(bureau, 'patents', 'a.csv', 'x')).statusCode).toBe(400);
    });

    it('gives a template per kind whose example row imports as it is', async () => {
      const res = await get(bureau, '/api/enterprises/template?kind=enterprises');
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, ...ENTERPRISE_HEADER]);
      const notes = JSON.stringify(wb.getWorksheet('说明')!.getSheetValues());
      for (const s of ['招宝山街道', '330211001', '新能源与节能', '注册资本（万元）']) expect(notes).toContain(s);
      const imported = await upload(bureau, 'enterprises', 'template.xlsx', res.rawPayload);
      expect(imported.statusCode).toBe(200);
      expect(json(imported)).toMatchObject({ rows: 1 });
      for (const kind of ['years', 'qualifications']) {
        const tpl = new ExcelJS.Workbook();
        await tpl.xlsx.load((await get(bureau, `/api/enterprises/template?kind=${kind}`)).rawPayload as never);
        const sheetNotes = JSON.stringify(tpl.getWorksheet('说明')!.getSheetValues());
        expect(sheetNotes).toContain(kind === 'years' ? '万元' : '省科技小巨人企业');
      }
    });
  });
});
