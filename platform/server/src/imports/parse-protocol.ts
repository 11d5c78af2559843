/**
 * The messages between the request thread and a parse worker (see parse-pool.ts, parse-worker.ts). One
 * task at a time per worker: the upload's bytes go in (transferred, not copied), the worker reads the
 * table and runs the room's job on it, asking the request thread for the few reads the job needs, and
 * the job's rows come back in slices, each acknowledged, so that the request thread never has more than
 * one slice to deserialise between two turns of its event loop.
 */
import type { DatabaseKind, Db } from '../db/db.ts';
import type { ReadLimits } from '../excel/read-limits.ts';
import type { Table } from '../excel/table.ts';
import type { SerialisedAppError } from '@kechuang/platform-core';

/** Rows per message from the worker: a slice deserialises in a few milliseconds. */
export const ROWS_PER_MESSAGE = 2_000;

export interface ParseProgress {
  /** 'read' while the file is read; then whatever the job reports ('validate') */
  phase: string;
  done: number;
  /** 0 while unknown */
  total: number;
}

/** A room's step run in the worker on the table read: a module (its file URL) and the function it exports. */
export interface ParseJob<I = unknown> {
  module: string;
  name: string;
  /** structured-cloneable */
  input: I;
}

/** What a job's function gets besides the table and its input. */
export interface ParseIo {
  /**
   * The request thread's database, for the job's lookups: queries only (select … / with …), each sent
   * to the request thread and answered from there; exec, copyRows and transactions are refused.
   */
  db: Db;
  progress(phase: string, done: number, total: number): void;
}

/** A job answers its rows (sent back in slices) and anything else structured-cloneable. */
export type ParseJobResult<R, O extends object = object> = O & { rows: R[] };
export type ParseJobFn<I, R, O extends object = object> = (table: Table, input: I, io: ParseIo) => Promise<ParseJobResult<R, O>>;

export interface SerialisedError {
  /** an AppError's code, message and details; otherwise only a message */
  code: string | null;
  message: string;
  details: unknown;
  /** an AppError whole: its status and both languages' messages (a room's code is known only to its table) */
  appError?: SerialisedAppError;
}

export type ToWorker =
  | { type: 'task'; id: number; data: ArrayBuffer; name: string; limits: ReadLimits | undefined; job: ParseJob | null; databaseKind: DatabaseKind }
  | { type: 'answer'; id: number; seq: number; ok: true; rows: unknown[] }
  | { type: 'answer'; id: number; seq: number; ok: false; error: SerialisedError }
  | { type: 'ack'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: ParseProgress }
  | { type: 'query'; id: number; seq: number; sql: string; params: unknown[] }
  | { type: 'rows'; id: number; rows: unknown[] }
  | { type: 'done'; id: number; rest: Record<string, unknown> }
  | { type: 'failed'; id: number; error: SerialisedError };
