/**
 * Decompression bombs through HTTP (issue 15): an .xlsx of a few MB inflating to 1 GB, in several shapes,
 * uploaded by a town officer or the bureau to every import, is refused with 413 naming the limit; the
 * heap stays bounded and the server keeps answering. The limits are lowered through the environment
 * (as a deployment would set them), which keeps the bombs that lie in their zip directory quick to refuse.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BOMB_SHAPES, GB, xlsxBomb, type BombShape } from '@kechuang/platform-server/test';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '../test-app.ts';

const ENV = { KECHUANG_MAX_INFLATED_MB: '8', KECHUANG_MAX_CELLS: '50000' };
const INFLATED = '文件解压后超过 8 MB 上限，请删除多余的工作表、图片和格式，或拆分后分批导入';
const CELLS = '表格超过 50,000 个单元格（行数 × 列数）上限，请拆分后分批导入';
const MESSAGE: Record<BombShape, string> = {
  'one huge sheet': INFLATED,
  'many sheets': INFLATED,
  'huge shared strings': INFLATED,
  'lying directory': INFLATED,
  'lying directory, full rows': CELLS,
};

const SCHEME = {
  name: 'bombs',
  normalisation: { method: 'minmax', range: [0, 100] },
  aggregation: 'arithmetic',
  root: { id: 'index', weighting: { method: 'equal' }, children: [{ indicator: 'a' }, { indicator: 'b' }] },
};

describeEachDatabase('upload bombs', (mode) => {
  let t: TestApp;
  let town: string, bureau: string;
  let schemeId: number;
  const bombs = new Map(BOMB_SHAPES.map((s) => [s, xlsxBomb(s, GB)]));

  beforeAll(async () => {
    t = await startTestApp(mode, { env: ENV });
    [town, bureau] = await Promise.all([t.login('town'), t.login('bureau')]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evaluation/schemes',
      headers: { cookie: bureau },
      payload: { name: '炸弹测试', preset: null, scheme: SCHEME },
    });
    expect(res.statusCode, res.body).toBe(200);
    schemeId = json(res).id;
  });
  afterAll(async () => t?.close());

  const IMPORTS = [
    { name: 'the indicator import, by a town officer', url: '/api/indicators/import', user: () => town },
    { name: 'the registry import, by a town officer', url: '/api/enterprises/import?kind=enterprises', user: () => town },
    { name: 'the carriers import, by the bureau', url: '/api/evaluation/carriers/import?year=2024', user: () => bureau },
    { name: 'the evaluation data upload, by the bureau', url: () => `/api/evaluation/runs/upload?schemeId=${schemeId}`, user: () => bureau },
  ];
  const upload = (url: string, cookie: string, data: Buffer, name = '指标数据.xlsx') => {
    const body = multipartFile(name, data);
    return t.app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload });
  };

  it.each(IMPORTS)('$name answers 413 naming the limit for every shape of 1 GB bomb, and the server stays up', async ({ url, user }) => {
    const before = process.memoryUsage().heapUsed;
    for (const shape of BOMB_SHAPES) {
      const bomb = bombs.get(shape)!;
      expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
      const res = await upload(typeof url === 'string' ? url : url(), user(), bomb);
      expect([shape, res.statusCode, json(res).error.code, json(res).error.message]).toEqual([shape, 413, 'IMPORT_TOO_LARGE', MESSAGE[shape]]);
    }
    // a gigabyte of inflated XML per bomb; the heap grows by no more than the bounds allow
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(300 * 1024 * 1024);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses four bombs uploaded at once, each with 413, and then still imports a good file', async () => {
    const before = process.memoryUsage().heapUsed;
    const answers = await Promise.all(
      ['lying directory', 'lying directory, full rows', 'one huge sheet', 'lying directory'].map((s) =>
        upload('/api/indicators/import', town, bombs.get(s as BombShape)!),
      ),
    );
    expect(answers.map((r) => [r.statusCode, json(r).error.code])).toEqual(Array(4).fill([413, 'IMPORT_TOO_LARGE']));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(300 * 1024 * 1024);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    const good = await upload(
      '/api/indicators/import',
      town,
      Buffer.from('地区代码,指标,期间,类型,数值,单位\n330211001,HNTE_COUNT,2024,实际,81,家\n'),
      '指标数据.csv',
    );
    expect(good.statusCode, good.body).toBe(200);
  });

  it('bounds the cells of a CSV too', async () => {
    const res = await upload(
      '/api/indicators/import',
      town,
      Buffer.from(`地区代码,指标,期间,类型,数值,单位\n${'330211001,HNTE_COUNT,2024,实际,81,家\n'.repeat(10_000)}`),
      '指标数据.csv',
    );
    expect([res.statusCode, json(res).error.message]).toEqual([413, CELLS]);
  });
});
