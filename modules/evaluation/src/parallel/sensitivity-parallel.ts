/**
 * The Monte Carlo on worker threads (one per core by default): the samples are split into contiguous
 * ranges, each worker rebuilds the context from the same scheme and data and writes its ranks into one
 * shared matrix, and the main thread summarises. Each sample draws from its own seeded stream, so the
 * result is identical to runSensitivity's on one thread, for any number of threads.
 * Not exported from `./domain` (it is I/O-ish: threads), but from `@kechuang/evaluation/parallel`.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  createSensitivityContext, summariseRanks,
  type DataTable, type Scheme, type SensitivityPlan, type SensitivityResult,
} from '../domain/index.ts';

export interface WorkerInput {
  scheme: Scheme;
  table: DataTable;
  plan: SensitivityPlan;
  eligible?: Uint8Array;
  from: number;
  to: number;
  shared: SharedArrayBuffer;
}

export interface ParallelOptions {
  /** worker threads (default: os.availableParallelism()) */
  threads?: number;
  /** eligibility mask (1 = eligible): a hook function cannot cross into a thread */
  eligible?: Uint8Array;
}

const WORKER = new URL('./sensitivity-worker.mjs', import.meta.url);

export async function runSensitivityParallel(scheme: Scheme, table: DataTable, plan: SensitivityPlan, opts: ParallelOptions = {}): Promise<SensitivityResult> {
  const ctx = createSensitivityContext(scheme, table, plan, opts.eligible);
  const samples = ctx.plan.samples;
  const threads = Math.max(1, Math.min(opts.threads ?? os.availableParallelism(), samples));
  const shared = new SharedArrayBuffer(samples * ctx.ids.length * Int32Array.BYTES_PER_ELEMENT);
  const ranges = Array.from({ length: threads }, (_, t) => [Math.floor((samples * t) / threads), Math.floor((samples * (t + 1)) / threads)] as const);
  await Promise.all(ranges.map(([from, to]) => runWorker({ scheme, table, plan: ctx.plan, eligible: opts.eligible, from, to, shared })));
  return summariseRanks(ctx, new Int32Array(shared));
}

function runWorker(input: WorkerInput): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: input });
    let done = false;
    worker.once('message', () => {
      done = true;
      resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`敏感性分析工作线程异常退出（代码 ${code}）`));
    });
  });
}
