/**
 * The Monte Carlo on all cores: worker threads start loading at once while the main thread builds the
 * shared context (data under each imputation, leaf scores under each normalisation, every combination
 * checked), which it then posts to them; the main thread and the workers take chunks of samples from one
 * shared counter (so a thread that starts late, or runs slower on a busy machine, simply takes fewer),
 * each writing its ranks into one shared matrix; the main thread then summarises. Each sample draws
 * from its own seeded stream, so the result is identical to runSensitivity's on one thread, however
 * the chunks fall. The main thread is busy meanwhile: call this from the CLI or a job, not a request.
 * Not exported from `./domain` (threads are not pure), but from `@kechuang/evaluation/parallel`.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  createSensitivityContext,
  eligibleRows,
  sampleRanks,
  summariseRanks,
  type DataTable,
  type Scheme,
  type SensitivityPlan,
  type SensitivityResult,
} from '../domain/index.ts';

export interface WorkerInput {
  samples: number;
  chunk: number;
  /** Int32 [next sample to hand out, samples finished] */
  counters: SharedArrayBuffer;
  /** Int32 ranks, samples × eligible entities */
  ranks: SharedArrayBuffer;
}

export interface ParallelOptions {
  /** threads in all, the main thread included (default: os.availableParallelism()) */
  threads?: number;
  /** eligibility mask (1 = eligible): a hook function cannot cross into a thread */
  eligible?: Uint8Array;
}

const WORKER = new URL('./sensitivity-worker.mjs', import.meta.url);

/** The next chunk of samples [from, to), or null when all are handed out. */
export function nextChunk(input: Pick<WorkerInput, 'counters' | 'chunk' | 'samples'>): [number, number] | null {
  const from = Atomics.add(new Int32Array(input.counters), 0, input.chunk);
  return from < input.samples ? [from, Math.min(input.samples, from + input.chunk)] : null;
}

export async function runSensitivityParallel(scheme: Scheme, table: DataTable, plan: SensitivityPlan, opts: ParallelOptions = {}): Promise<SensitivityResult> {
  const samples = plan.samples;
  const threads = Math.max(1, opts.threads ?? os.availableParallelism());
  const width = eligibleRows(scheme, table, opts.eligible).rows.length; // the ranks matrix's row length, as every thread's context will have it
  const input: WorkerInput = {
    samples,
    chunk: Math.max(1, Math.min(25, Math.ceil(samples / (threads * 8)))),
    counters: new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT),
    ranks: new SharedArrayBuffer(Math.max(0, samples) * width * Int32Array.BYTES_PER_ELEMENT),
  };
  const workers = Array.from({ length: threads - 1 }, () => new Worker(WORKER, { workerData: input }));
  const counters = new Int32Array(input.counters);
  let check = (): void => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    let running = workers.length;
    check = () => {
      if (Atomics.load(counters, 1) >= samples || running === 0) resolve();
    };
    for (const w of workers) {
      w.on('message', (m) => {
        if (m === 'done') running--;
        check();
      });
      w.once('error', reject);
      w.once('exit', (code) => {
        if (code !== 0) reject(new Error(`敏感性分析工作线程异常退出（代码 ${code}）`));
      });
    }
  });
  finished.catch(() => undefined); // a failure after the main thread has thrown is already reported
  try {
    const ctx = createSensitivityContext(scheme, table, plan, opts.eligible);
    for (const w of workers) w.postMessage(ctx);
    const view = (from: number, to: number) => new Int32Array(input.ranks, from * width * Int32Array.BYTES_PER_ELEMENT, (to - from) * width);
    for (let chunk = nextChunk(input); chunk; chunk = nextChunk(input)) {
      sampleRanks(ctx, chunk[0], chunk[1], view(chunk[0], chunk[1]));
      Atomics.add(counters, 1, chunk[1] - chunk[0]);
    }
    check();
    await finished;
    return summariseRanks(ctx, new Int32Array(input.ranks));
  } finally {
    Atomics.store(counters, 0, samples);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
