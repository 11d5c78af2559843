/**
 * Large runs off the request thread. A run whose Monte Carlo would read more than OFF_THREAD_CELLS
 * sample × entity × leaf cells (or whose index alone reads more than OFF_THREAD_INDEX_CELLS entity × leaf
 * cells) is computed in a worker thread, which spreads the samples over every core with
 * runSensitivityParallel; the request thread only awaits it, so other users' requests keep being served.
 * Smaller runs (the demo registry's few thousand firms) compute in the request: a worker's start-up
 * (loading the engine, copying the table) would cost more than it saves. Same seed, same result either way.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type SerialisedAppError } from '@kechuang/platform-core';
import type { DataTable } from '../domain/index.ts';
import type { RawScheme } from '../contract/schemas.ts';
import { evaluateRun, type Evaluated, type RunPlan } from './evaluate-run.ts';

export const OFF_THREAD_CELLS = 20_000_000;
export const OFF_THREAD_INDEX_CELLS = 2_000_000;

export interface WorkerRequest {
  scheme: RawScheme;
  table: DataTable;
  plan: RunPlan;
  threads: number;
}
export type WorkerReply = { ok: true; evaluated: Evaluated } | { ok: false; error: SerialisedAppError } | { ok: false; error: null; message: string };

const WORKER = new URL('./run-worker.mjs', import.meta.url);

export function isLargeRun(table: DataTable, leaves: number, samples: number): boolean {
  const n = table.ids.length;
  return n * leaves >= OFF_THREAD_INDEX_CELLS || samples * n * leaves >= OFF_THREAD_CELLS;
}

export function evaluateOffThread(scheme: RawScheme, table: DataTable, plan: RunPlan, threads = os.availableParallelism()): Promise<Evaluated> {
  return new Promise<Evaluated>((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { scheme, table, plan, threads } satisfies WorkerRequest });
    let settled = false;
    worker.once('message', (m: WorkerReply) => {
      settled = true;
      if (m.ok) resolve(m.evaluated);
      else if (m.error === null) reject(new Error(`评价计算线程出错：${m.message}`));
      else reject(AppError.revive(m.error));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`评价计算线程异常退出（代码 ${code}）`));
    });
  });
}

/** In the request for a small run, in a worker thread for a large one. */
export async function evaluate(scheme: RawScheme, table: DataTable, plan: RunPlan, leaves: number, opts: { forceWorker?: boolean } = {}): Promise<Evaluated> {
  if (opts.forceWorker || isLargeRun(table, leaves, plan.samples)) return evaluateOffThread(scheme, table, plan);
  return evaluateRun(scheme, table, plan);
}
