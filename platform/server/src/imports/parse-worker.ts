/**
 * A parse worker thread: reads each uploaded table it is given (readTable: unzip, XML, CSV) and runs the
 * room's job on it (row validation), so that neither holds the request thread. The job's reads go to the
 * request thread's database through `io.query`; its rows go back in acknowledged slices; an AppError goes
 * back as its code, message and details, to be rethrown as the same AppError (a bomb still answers 413).
 */
import { parentPort } from 'node:worker_threads';
import { AppError, type ErrorCode } from '@kechuang/platform-core';
import { readTable } from '../excel/read-table.ts';
import type { DatabaseKind, Db } from '../db/db.ts';
import { ROWS_PER_MESSAGE, type FromWorker, type ParseIo, type ParseJobFn, type SerialisedError, type ToWorker } from './parse-protocol.ts';

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);

let seq = 0;
const answers = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
let acked: (() => void) | null = null;

/** Only reads: the job runs before the import's transaction, and must not write outside it. */
const READ = /^\s*(select|with)\b/i;

function readOnly(what: string): Promise<never> {
  return Promise.reject(new Error(`parse worker: ${what} is not allowed in a parse job (reads only)`));
}

function io(id: number, kind: DatabaseKind): ParseIo {
  const db: Db = {
    kind,
    query<T>(sql: string, params: unknown[] = []) {
      if (!READ.test(sql) || /\b(insert|update|delete|merge)\b/i.test(sql.replace(/'[^']*'/g, ''))) return readOnly('a write');
      const n = ++seq;
      return new Promise<T[]>((resolve, reject) => {
        answers.set(n, { resolve: resolve as (rows: unknown[]) => void, reject });
        send({ type: 'query', id, seq: n, sql, params });
      });
    },
    exec: () => readOnly('exec'),
    copyRows: () => readOnly('copyRows'),
    transaction: () => readOnly('a transaction'),
    close: async () => undefined,
  };
  return {
    db,
    progress(phase, done, total) {
      send({ type: 'progress', id, progress: { phase, done, total } });
    },
  };
}

function serialise(e: unknown): SerialisedError {
  if (e instanceof AppError) return { code: e.code, message: e.message, details: e.details ?? null, appError: e.serialise() };
  return { code: null, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), details: null };
}

async function run(task: Extract<ToWorker, { type: 'task' }>): Promise<void> {
  const { id } = task;
  try {
    const data = Buffer.from(task.data);
    const table = await readTable(data, task.name, (n) => send({ type: 'progress', id, progress: { phase: 'read', done: n, total: 0 } }), task.limits);
    send({ type: 'progress', id, progress: { phase: 'read', done: table.rows.length, total: table.rows.length } });
    let out: { rows: unknown[] } & Record<string, unknown>;
    if (task.job === null) out = { headers: table.headers, rows: table.rows };
    else {
      const mod = (await import(task.job.module)) as Record<string, unknown>;
      const fn = mod[task.job.name];
      if (typeof fn !== 'function') throw new Error(`parse worker: ${task.job.module} exports no function ${task.job.name}`);
      out = await (fn as ParseJobFn<unknown, unknown, Record<string, unknown>>)(table, task.job.input, io(id, task.databaseKind));
    }
    const { rows, ...rest } = out;
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
      const next = new Promise<void>((resolve) => (acked = resolve));
      send({ type: 'rows', id, rows: rows.slice(i, i + ROWS_PER_MESSAGE) });
      await next;
    }
    send({ type: 'done', id, rest });
  } catch (e) {
    const error = serialise(e);
    try {
      send({ type: 'failed', id, error });
    } catch {
      // details that cannot be cloned go as JSON
      send({ type: 'failed', id, error: { ...error, details: JSON.parse(JSON.stringify(error.details ?? null)) as unknown } });
    }
  } finally {
    answers.clear();
  }
}

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'task':
      void run(m);
      break;
    case 'answer': {
      const waiting = answers.get(m.seq);
      answers.delete(m.seq);
      if (!waiting) break;
      if (m.ok) waiting.resolve(m.rows);
      else
        waiting.reject(
          m.error.appError
            ? AppError.revive(m.error.appError)
            : m.error.code
              ? new AppError(m.error.code as ErrorCode, { message: m.error.message, details: m.error.details })
              : new Error(m.error.message),
        );
      break;
    }
    case 'ack': {
      const resolve = acked;
      acked = null;
      resolve?.();
      break;
    }
  }
});
