/**
 * Parse jobs for the parse pool's tests (imports/parse-pool.test.ts), run in a parse worker by URL.
 */
import { AppError } from '@kechuang/platform-core';
import type { Table } from '../excel/table.ts';
import type { ParseIo, ParseJobResult } from '../imports/parse-protocol.ts';

/** Every row's cells, and the header, as read. */
export async function echo(table: Table): Promise<ParseJobResult<Table['rows'][number], { headers: string[] }>> {
  return { headers: table.headers, rows: table.rows };
}

/** This module, to name its jobs by: { module: PARSE_JOBS, name: 'echo', input }. */
export const PARSE_JOBS = import.meta.url;

/**
 * Blocks the worker thread until the test's thread sets flag[0] (Atomics.wait): a job that cannot end
 * unless the request thread keeps running while it runs. Adds 1 to flag[1] when it starts waiting.
 */
export async function waitForRelease(table: Table, input: { flag: SharedArrayBuffer }): Promise<ParseJobResult<never, { rowCount: number }>> {
  const flag = new Int32Array(input.flag);
  Atomics.add(flag, 1, 1);
  Atomics.notify(flag, 1);
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 30_000);
  return { rows: [], rowCount: table.rows.length };
}

/** Looks the first column's values up through io.db, and reports progress. */
export async function lookUp(table: Table, _input: unknown, io: ParseIo): Promise<ParseJobResult<{ code: string; known: boolean }>> {
  const codes = table.rows.map((r) => String(r.cells[0]));
  const known = new Set((await io.db.query<{ code: string }>('select code from regions where code = any($1::text[])', [codes])).map((r) => r.code));
  io.progress('validate', codes.length, codes.length);
  return { rows: codes.map((code) => ({ code, known: known.has(code) })) };
}

/** Tries to write through io.db. */
export async function write(_table: Table, _input: unknown, io: ParseIo): Promise<ParseJobResult<never>> {
  await io.db.query("delete from regions where code = '1'");
  return { rows: [] };
}

export async function refuseHeader(table: Table): Promise<ParseJobResult<never>> {
  throw new AppError('IMPORT_HEADER', { message: '缺少必填列：地区代码', details: { missing: ['地区代码'], found: table.headers } });
}

export async function bug(): Promise<ParseJobResult<never>> {
  throw new TypeError('a bug in the job');
}

/** Ends the worker thread under the task, as a crash would. */
export async function crash(): Promise<ParseJobResult<never>> {
  process.exit(7);
}

/** Fills the worker's heap until it runs out, as a file too large for it would. */
export async function exhaustMemory(): Promise<ParseJobResult<never>> {
  const held: string[][] = [];
  for (;;) held.push(Array.from({ length: 10_000 }, (_, i) => `${held.length}-${i}`));
}
