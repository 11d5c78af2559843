/**
 * The parse pool: tables read in a worker are the tables readTable reads, refusals keep their AppError
 * (a bomb is still 413, a bad file 415, a job's header error 422), the request thread keeps answering
 * while a worker works, a crash fails only its task with a 4xx and the pool carries on.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import { DEFAULT_READ_LIMITS, MB } from '../excel/read-limits.ts';
import { readTable } from '../excel/read-table.ts';
import { PARSE_JOBS as JOBS } from '../test/parse-jobs.ts';
import { GB, xlsxBomb, xlsxOf } from '../test/xlsx-bombs.ts';
import { closeParsePool, configureParsePool, PARSE_WORKER_HEAP_MB, parseOffThread, parsePoolStats, readTableOffThread } from './parse-pool.ts';

const job = <I>(name: string, input?: I) => ({ module: JOBS, name, input: input ?? null });

const csv = (text: string) => Buffer.from(text, 'utf8');
const CSV = '地区代码,指标,数值\n330211001,HNTE_COUNT,81\n\n330211002, RD ,"1,2"\n';
const SHEET =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>330211001</t></is></c><c r="B2"><v>12.5</v></c></row>' +
  '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="C4" t="str"><v>#N/A</v></c></row>' +
  '</sheetData></worksheet>';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
const shape = (e: AppError) => ({ code: e.code, status: e.status, message: e.message, details: e.details });

/** A database that answers the regions it is given, and records what it was asked. */
function fakeDb(codes: string[]): Db & { asked: string[] } {
  const asked: string[] = [];
  const db = {
    kind: 'embedded' as const,
    asked,
    async query<T>(sql: string, params?: unknown[]) {
      asked.push(sql);
      return ((params?.[0] as string[]) ?? []).filter((c) => codes.includes(c)).map((code) => ({ code })) as T[];
    },
    exec: async () => undefined,
    copyRows: async () => undefined,
    transaction: async <T>(fn: (tx: Db) => Promise<T>): Promise<T> => fn(db),
    close: async () => undefined,
  };
  return db;
}

afterAll(async () => closeParsePool());

describe('readTableOffThread', () => {
  it.each([
    ['a .csv', 'a.csv', csv(CSV)],
    ['an .xlsx', 'a.xlsx', xlsxOf(SHEET, ['地区代码', '数值'])],
  ])('reads %s as readTable does', async (_what, name, data) => {
    const expected = await readTable(Buffer.from(data), name);
    expect(await readTableOffThread({ name, data })).toEqual(expected);
  });

  it('hands the upload over: its bytes are transferred, not copied, when the Buffer owns them', async () => {
    const data = Buffer.alloc(64 * 1024, 'a');
    data.write('h\n');
    const read = readTableOffThread({ name: 'big.csv', data });
    expect(data.byteLength).toBe(0);
    expect((await read).rows).toHaveLength(1);
    // a small Buffer is a slice of Node's shared pool: copied, the pool left alone
    const small = Buffer.from('地区代码\n330211001\n');
    const neighbour = Buffer.from('still here');
    expect((await readTableOffThread({ name: 'small.csv', data: small })).rows).toEqual([{ row: 2, cells: ['330211001'] }]);
    expect([small.toString(), neighbour.toString()]).toEqual(['地区代码\n330211001\n', 'still here']);
  });

  it.each([
    ['a bomb', 'bomb.xlsx', () => xlsxBomb('lying directory', GB), { maxInflatedBytes: 4 * MB, maxCells: DEFAULT_READ_LIMITS.maxCells }],
    ['too many cells of a CSV', 'big.csv', () => csv(`a,b\n${'1,2\n'.repeat(100)}`), { maxInflatedBytes: 4 * MB, maxCells: 50 }],
    ['an .xlsx that is not a zip', 'broken.xlsx', () => csv('not a workbook'), DEFAULT_READ_LIMITS],
    ['binary data named .csv', 'binary.csv', () => Buffer.from([1, 0, 2, 0]), DEFAULT_READ_LIMITS],
    [
      'a header without rows that is merged',
      'merged.xlsx',
      () => xlsxOf(SHEET.replace('</sheetData>', '</sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>'), ['a', 'b']),
      DEFAULT_READ_LIMITS,
    ],
  ])('refuses %s with the AppError readTable throws', async (_what, name, data, limits) => {
    const inProcess = await refusal(readTable(data(), name, undefined, limits));
    const offThread = await refusal(readTableOffThread({ name, data: data(), limits }));
    expect(shape(offThread)).toEqual(shape(inProcess));
    expect(offThread.status).toBeGreaterThanOrEqual(400);
    expect(offThread.status).toBeLessThan(500);
  });
});

describe('parseOffThread', () => {
  it('keeps the request thread answering while a job works: a job that waits for this thread ends', async () => {
    const app = Fastify();
    app.get('/api/health', async () => ({ status: 'ok' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/health`;
      const flag = new SharedArrayBuffer(8);
      const events: string[] = [];
      // the job blocks its thread until flag[0] is set; on this thread the parse would never end
      const parsed = parseOffThread<never, { rowCount: number }>({ name: 'a.csv', data: csv(CSV) }, job('waitForRelease', { flag })).then((r) => {
        events.push(`parsed ${r.rowCount} rows`);
      });
      const waiting = new Int32Array(flag);
      while (Atomics.load(waiting, 1) === 0) await new Promise((r) => setTimeout(r, 5));
      events.push('job waiting');
      const health = await fetch(url);
      events.push(`health ${health.status}`);
      await new Promise((r) => setTimeout(r, 20));
      events.push('timer');
      Atomics.store(waiting, 0, 1);
      Atomics.notify(waiting, 0);
      await parsed;
      expect(events).toEqual(['job waiting', 'health 200', 'timer', 'parsed 2 rows']);
    } finally {
      await app.close();
    }
  });

  it('brings every row back, in slices, with the rest of the answer', async () => {
    const lines = Array.from({ length: 4_321 }, (_, i) => `${i},${i * 2}`);
    const out = await parseOffThread<{ row: number; cells: string[] }, { headers: string[] }>(
      { name: 'n.csv', data: csv(`a,b\n${lines.join('\n')}\n`) },
      job('echo'),
    );
    expect(out.headers).toEqual(['a', 'b']);
    expect(out.rows).toHaveLength(4_321);
    expect(out.rows[4_320]).toEqual({ row: 4_322, cells: ['4320', '8640'] });
  });

  it("answers the job's reads from the given database, passes its progress on, and refuses its writes", async () => {
    const db = fakeDb(['330211001']);
    const progress: string[] = [];
    const out = await parseOffThread<{ code: string; known: boolean }>({ name: 'a.csv', data: csv(CSV) }, job('lookUp'), {
      db,
      onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
    });
    expect(out.rows).toEqual([
      { code: '330211001', known: true },
      { code: '330211002', known: false },
    ]);
    expect(db.asked).toEqual(['select code from regions where code = any($1::text[])']);
    expect(progress).toContain('read 2/2');
    expect(progress.at(-1)).toBe('validate 2/2');
    await expect(parseOffThread({ name: 'a.csv', data: csv(CSV) }, job('write'), { db })).rejects.toThrow(/reads only/);
    expect(db.asked).toHaveLength(1);
  });

  it("keeps a job's AppError as it was thrown (code, status, message, details)", async () => {
    const e = await refusal(parseOffThread({ name: 'a.csv', data: csv(CSV) }, job('refuseHeader')));
    expect(shape(e)).toEqual({
      code: 'IMPORT_HEADER',
      status: 422,
      message: '缺少必填列：地区代码',
      details: { missing: ['地区代码'], found: ['地区代码', '指标', '数值'] },
    });
  });

  it('lets a bug in a job be an error of its own, not a refusal of the file', async () => {
    const e = await parseOffThread({ name: 'a.csv', data: csv(CSV) }, job('bug')).catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(AppError);
    expect((e as Error).message).toContain('TypeError: a bug in the job');
  });

  it('answers a worker that dies under its task with a 4xx, and the pool carries on', async () => {
    const before = parsePoolStats();
    const [crashed, queued] = await Promise.allSettled([
      parseOffThread({ name: 'a.csv', data: csv(CSV) }, job('crash')),
      readTableOffThread({ name: 'b.csv', data: csv(CSV) }),
    ]);
    expect(crashed.status).toBe('rejected');
    const e = (crashed as PromiseRejectedResult).reason as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect([e.code, e.status, e.details]).toEqual(['IMPORT_UNREADABLE', 415, { reason: 'exit code 7' }]);
    expect(queued.status).toBe('fulfilled');
    expect((await readTableOffThread({ name: 'c.csv', data: csv(CSV) })).rows).toHaveLength(2);
    const after = parsePoolStats();
    expect(after.crashes).toBe(before.crashes + 1);
    expect(after.workers).toBeLessThanOrEqual(after.size);
  });

  it('answers a worker that runs out of its heap with 413, this thread untouched, and the next task works', async () => {
    await closeParsePool();
    configureParsePool({ heapMb: 32 });
    try {
      const e = await refusal(parseOffThread({ name: 'a.csv', data: csv(CSV) }, job('exhaustMemory')));
      expect([e.code, e.status, e.details]).toEqual(['IMPORT_TOO_LARGE', 413, { limit: 'memory' }]);
      expect(e.message).toBe('读取文件时超出内存上限，请拆分后分批导入');
      expect((await readTableOffThread({ name: 'b.csv', data: csv(CSV) })).rows).toHaveLength(2);
    } finally {
      await closeParsePool();
      configureParsePool({ heapMb: PARSE_WORKER_HEAP_MB });
    }
  });
});
