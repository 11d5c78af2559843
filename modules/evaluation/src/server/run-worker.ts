/**
 * The thread that computes one large run: the index, the Top-N selection, and the Monte Carlo on all
 * cores (this thread and runSensitivityParallel's workers), so the server's request thread stays free.
 * Engine errors go back as their code, message and details, to be rethrown as the same AppError.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '@kechuang/platform-core';
import { runSensitivityParallel } from '../parallel/sensitivity-parallel.ts';
import { evaluateRun } from './evaluate-run.ts';
import type { WorkerRequest, WorkerReply } from './compute-off-thread.ts';

const input = workerData as WorkerRequest;
let reply: WorkerReply;
try {
  const evaluated = await evaluateRun(
    input.scheme,
    input.table,
    input.plan,
    (s, t, p) => runSensitivityParallel(s, t, p, { threads: input.threads }),
    'worker',
  );
  reply = { ok: true, evaluated };
} catch (e) {
  reply = e instanceof AppError ? { ok: false, error: e.serialise() } : { ok: false, error: null, message: (e as Error).message };
}
parentPort!.postMessage(reply);
