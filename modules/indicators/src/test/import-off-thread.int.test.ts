/**
 * Imports do not hold the server (issue 15, item 6): the file is read and checked in the parse pool, so
 * while an import's parse waits there other requests are answered, and a parse worker that dies answers
 * the import with a 4xx, writes nothing, and leaves the server and the next import working. Ordering,
 * not times: the pool's workers are held by jobs that wait for this thread to release them.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { closeParsePool, configureParsePool, parseOffThread, parsePoolStats, PARSE_WORKER_HEAP_MB } from '@kechuang/platform-server';
import { PARSE_JOBS } from '@kechuang/platform-server/test';
import { describeEachDatabase, json, multipartFile, startTestApp, type TestApp } from '@kechuang/testing';
import { csv, HEADER_EN } from './files.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDatabase('indicator import off the request thread', (mode) => {
  let t: TestApp;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    bureau = await t.login('bureau');
  });
  afterAll(async () => t?.close());
  afterEach(async () => {
    await closeParsePool();
    configureParsePool({ heapMb: PARSE_WORKER_HEAP_MB });
  });

  const upload = (name: string, data: Buffer | string) => {
    const body = multipartFile(name, data);
    return t.app.inject({ method: 'POST', url: '/api/indicators/import', headers: { cookie: bureau, ...body.headers }, payload: body.payload });
  };
  const value = async (region: string, period: string) =>
    (
      await t.db.query<{ value: string }>(
        "select value::text as value from indicator_values where region_code = $1 and indicator_code = 'HNTE_COUNT' and kind = 'actual' and period = $2",
        [region, period],
      )
    )[0]?.value;
  const runs = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from import_runs'))[0].n;

  it('answers other requests while the import waits for its parse, and writes the file once the parse has run', async () => {
    // hold every worker of the pool with a job that waits until this thread releases it
    const flag = new SharedArrayBuffer(8);
    const gate = new Int32Array(flag);
    const size = parsePoolStats().size;
    const holders = Array.from({ length: size }, () =>
      parseOffThread({ name: 'h.csv', data: Buffer.from('a\n1\n') }, { module: PARSE_JOBS, name: 'waitForRelease', input: { flag } }),
    );
    const release = () => {
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    };
    try {
      while (Atomics.load(gate, 1) < size) await sleep(5);

      const events: string[] = [];
      const imported = upload('held.csv', csv([HEADER_EN, ['330211005', 'HNTE_COUNT', '2024Q3', 'actual', '41', '']])).then((res) => {
        events.push(`import ${res.statusCode}`);
        return res;
      });
      // the import's parse, queued behind the held workers
      while (parsePoolStats().queued === 0) await sleep(5);
      const health = await t.app.inject({ url: '/api/health' });
      events.push(`health ${health.statusCode}`);
      const list = await t.app.inject({ url: '/api/indicators/imports', headers: { cookie: bureau } });
      events.push(`imports list ${list.statusCode}`);
      expect(parsePoolStats().queued).toBe(1);
      expect(await value('330211005', '2024Q3')).toBeUndefined();

      release();
      await Promise.all(holders);
      const res = await imported;
      expect(events).toEqual(['health 200', 'imports list 200', 'import 200']);
      expect(json(res)).toMatchObject({ rows: 1, inserted: 1 });
      expect(await value('330211005', '2024Q3')).toBe('41');
    } finally {
      release();
      await Promise.allSettled(holders);
    }
  });

  it('answers a parse worker that runs out of memory with 413, writes nothing, and the next import works', async () => {
    await closeParsePool();
    configureParsePool({ heapMb: 48 });
    // a worker of that heap reads and checks a small file
    const small = await upload('small.csv', csv([HEADER_EN, ['330211004', 'HNTE_COUNT', '2024Q1', 'actual', '5', '']]));
    expect([small.statusCode, await value('330211004', '2024Q1')]).toEqual([200, '5']);
    const before = await runs();
    // 400,000 rows: more than a 48 MB worker can hold as a table
    const big = [HEADER_EN.join(','), ...Array.from({ length: 400_000 }, (_, i) => `330211004,HNTE_COUNT,${2000 + (i % 40)},actual,${i},`)].join('\n');
    const refused = await upload('big.csv', big);
    expect(refused.statusCode).toBe(413);
    expect(json(refused).error).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: '读取文件时超出内存上限，请拆分后分批导入', details: { limit: 'memory' } });
    expect(await value('330211004', '2000')).toBeUndefined();
    expect(await runs()).toBe(before);

    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    await closeParsePool();
    configureParsePool({ heapMb: PARSE_WORKER_HEAP_MB });
    const next = await upload('next.csv', csv([HEADER_EN, ['330211004', 'HNTE_COUNT', '2024Q2', 'actual', '9', '']]));
    expect([next.statusCode, next.body]).toEqual([200, expect.any(String)]);
    expect(await value('330211004', '2024Q2')).toBe('9');
  });
});
