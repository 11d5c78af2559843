/**
 * Uploaded tables are read and checked off the request thread (issue 15): a 100,000-row .xlsx took the
 * event loop for seconds, and every other request — /api/health included — waited. One small pool of
 * worker threads per process (at most two, one on a two-core machine, so imports never take every core
 * from the requests) with a queue: each task hands the worker the upload's bytes (the ArrayBuffer is
 * transferred: the caller's Buffer is empty afterwards), the worker runs readTable and then the room's
 * job (its row validation, see ParseJob), asking this thread for the reads the job needs, and the rows
 * come back in acknowledged slices. Errors keep their AppError code, message and details. A worker that
 * dies (out of memory, a crash) fails its task with a clear 4xx instead of a 500, and the next task gets
 * a new worker. Idle workers end after a minute and never keep the process alive.
 *
 * Memory: the upload bounds (KECHUANG_MAX_INFLATED_MB, KECHUANG_MAX_CELLS, carried in Upload.limits) are
 * applied by readTable inside the worker as they were on the request thread; behind them, each worker's
 * heap is capped (resourceLimits), so a file that still fills it ends that worker alone, answered 413.
 * A table at the default bounds (5 million cells) takes 100–250 MB of heap.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Table } from '../excel/table.ts';
import type { Upload } from '../http/upload.ts';
import type { FromWorker, ParseJob, ParseJobResult, ParseProgress, SerialisedError, ToWorker } from './parse-protocol.ts';

export type { ParseIo, ParseJob, ParseJobFn, ParseJobResult, ParseProgress } from './parse-protocol.ts';

const WORKER = new URL('./parse-worker.mjs', import.meta.url);
const IDLE_MS = 60_000;
/** The heap (old generation) of one parse worker; see configureParsePool. */
export const PARSE_WORKER_HEAP_MB = 1_024;
let heapMb = PARSE_WORKER_HEAP_MB;

export interface ParseOptions {
  /** the database the job's reads (io.query) go to; required when the job reads */
  db?: Db;
  onProgress?: (p: ParseProgress) => void;
}

interface Task {
  id: number;
  file: Upload;
  job: ParseJob | null;
  opts: ParseOptions;
  rows: unknown[];
  /** the error of a read the job asked for, rethrown as it is rather than as the worker saw it */
  queryError: unknown;
  resolve: (out: ParseJobResult<unknown, Record<string, unknown>>) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  idle: NodeJS.Timeout | null;
}

export interface ParsePoolStats {
  size: number;
  workers: number;
  queued: number;
  /** tasks finished (answered or failed) since the process started */
  tasks: number;
  /** workers that died under a task */
  crashes: number;
}

let nextId = 0;

class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private tasks = 0;
  private crashes = 0;

  constructor(readonly size: number) {}

  run(task: Task): void {
    this.queue.push(task);
    this.pump();
  }

  stats(): ParsePoolStats {
    return { size: this.size, workers: this.slots.length, queued: this.queue.length, tasks: this.tasks, crashes: this.crashes };
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const task of [...this.queue.splice(0), ...slots.flatMap((s) => (s.task ? [s.task] : []))]) task.reject(crashError('closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: heapMb } }), task: null, idle: null };
    slot.worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    slot.worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return this.onDeath(slot, 'memory');
      // the cause goes to the log, not to the user
      if (slot.task) process.emitWarning(`a parse worker failed under its task: ${e.stack ?? e.message}`, 'ParseWorkerWarning');
      this.onDeath(slot, 'worker error');
    });
    slot.worker.on('exit', (code) => this.onDeath(slot, `exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Task): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.task = task;
    slot.worker.ref();
    try {
      const data = handOver(task.file.data);
      const message: ToWorker = {
        type: 'task',
        id: task.id,
        data,
        name: task.file.name,
        limits: task.file.limits,
        job: task.job,
        databaseKind: task.opts.db?.kind ?? 'embedded',
      };
      slot.worker.postMessage(message, [data]);
    } catch (e) {
      // a job input that cannot be cloned: the caller's mistake, said as it is
      this.finish(slot, (t) => t.reject(e));
    }
  }

  private finish(slot: Slot, settle: (t: Task) => void): void {
    const task = slot.task;
    if (!task) return;
    slot.task = null;
    this.tasks++;
    settle(task);
    if (this.slots.includes(slot)) {
      slot.worker.unref();
      slot.idle = setTimeout(() => this.retire(slot), IDLE_MS).unref();
    }
    this.pump();
  }

  private retire(slot: Slot): void {
    if (slot.task !== null) return;
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.worker.terminate();
  }

  private onDeath(slot: Slot, why: string): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.idle) clearTimeout(slot.idle);
    if (slot.task) {
      this.crashes++;
      this.finish(slot, (t) => t.reject(crashError(why)));
    }
    this.pump();
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const task = slot.task;
    if (!task || task.id !== m.id) return;
    switch (m.type) {
      case 'progress':
        task.opts.onProgress?.(m.progress);
        break;
      case 'query':
        void this.answer(slot, task, m.seq, m.sql, m.params);
        break;
      case 'rows':
        for (const r of m.rows) task.rows.push(r);
        // the next slice only after this thread has had a turn of its event loop
        setImmediate(() => slot.task === task && slot.worker.postMessage({ type: 'ack', id: task.id } satisfies ToWorker));
        break;
      case 'done':
        this.finish(slot, (t) => t.resolve({ ...m.rest, rows: t.rows }));
        break;
      case 'failed':
        this.finish(slot, (t) => t.reject(t.queryError ?? rebuild(m.error)));
        break;
    }
  }

  private async answer(slot: Slot, task: Task, seq: number, sql: string, params: unknown[]): Promise<void> {
    let reply: ToWorker;
    try {
      if (!task.opts.db) throw new Error('parse job read the database, but no database was given to parseOffThread');
      reply = { type: 'answer', id: task.id, seq, ok: true, rows: await task.opts.db.query(sql, params) };
    } catch (e) {
      task.queryError ??= e;
      reply = {
        type: 'answer',
        id: task.id,
        seq,
        ok: false,
        error: {
          code: e instanceof AppError ? e.code : null,
          message: (e as Error).message,
          details: null,
          ...(e instanceof AppError && { appError: e.serialise() }),
        },
      };
    }
    if (slot.task === task) slot.worker.postMessage(reply);
  }
}

/** The upload's bytes as an ArrayBuffer of their own, to transfer: the Buffer's own when it spans all of it, else a copy (a slice of Node's shared pool). */
function handOver(data: Buffer): ArrayBuffer {
  const whole = data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  if (whole) return data.buffer;
  const copy = new ArrayBuffer(data.byteLength);
  new Uint8Array(copy).set(data);
  return copy;
}

function rebuild(e: SerialisedError): Error {
  if (e.appError) return AppError.revive(e.appError);
  if (e.code !== null) return new AppError(e.code as ErrorCode, { message: e.message, details: e.details });
  return new Error(`读取文件的线程出错：${e.message}`);
}

function crashError(why: string): AppError {
  if (why === 'memory') {
    return new AppError('IMPORT_TOO_LARGE', {
      message: { zh: '读取文件时超出内存上限，请拆分后分批导入', en: 'Reading the file ran out of memory: split it and import the parts' },
      details: { limit: 'memory' },
    });
  }
  return new AppError('IMPORT_UNREADABLE', {
    message: {
      zh: '读取文件的线程意外退出，文件未导入，请重试；如仍失败，请检查文件或拆分后分批导入',
      en: 'The thread reading the file stopped: nothing was imported. Try again; if it fails again, check the file or split it',
    },
    details: { reason: why },
  });
}

let pool: ParsePool | null = null;

/** At most two workers, and one fewer than the cores: the request thread keeps a core of its own. */
export function parsePoolSize(): number {
  return Math.max(1, Math.min(2, os.availableParallelism() - 1));
}

function thePool(): ParsePool {
  pool ??= new ParsePool(parsePoolSize());
  return pool;
}

/**
 * Reads an uploaded table in a worker and runs `job` there on it; answers the job's result (its rows
 * gathered from the slices). `file.data` is handed over: it is empty once the task has started.
 */
export function parseOffThread<R, O extends object = object>(file: Upload, job: ParseJob, opts: ParseOptions = {}): Promise<ParseJobResult<R, O>> {
  return new Promise((resolve, reject) => {
    thePool().run({ id: ++nextId, file, job, opts, rows: [], queryError: undefined, resolve: resolve as Task['resolve'], reject });
  });
}

/** readTable() in a worker: the same table, the same errors, the request thread free meanwhile. `file.data` is handed over. */
export function readTableOffThread(file: Upload, onRows?: (count: number) => void): Promise<Table> {
  return new Promise((resolve, reject) => {
    const onProgress = onRows && ((p: ParseProgress) => p.phase === 'read' && onRows(p.done));
    thePool().run({
      id: ++nextId,
      file,
      job: null,
      opts: { onProgress },
      rows: [],
      queryError: undefined,
      resolve: resolve as unknown as Task['resolve'],
      reject,
    });
  });
}

export function parsePoolStats(): ParsePoolStats {
  return pool?.stats() ?? { size: parsePoolSize(), workers: 0, queued: 0, tasks: 0, crashes: 0 };
}

/** Sets the heap of the workers started from now on (tests; the default is PARSE_WORKER_HEAP_MB). */
export function configureParsePool(opts: { heapMb: number }): void {
  heapMb = opts.heapMb;
}

/** Ends the workers (tests; a process ends without it, the idle workers being unreferenced). */
export async function closeParsePool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close();
}
