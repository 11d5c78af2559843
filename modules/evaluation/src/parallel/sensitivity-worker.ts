/** One worker thread's share of a Monte Carlo: samples [from, to) written into the shared rank matrix. */
import { parentPort, workerData } from 'node:worker_threads';
import { createSensitivityContext, sampleRanks } from '../domain/index.ts';
import type { WorkerInput } from './sensitivity-parallel.ts';

const { scheme, table, plan, eligible, from, to, shared } = workerData as WorkerInput;
const ctx = createSensitivityContext(scheme, table, plan, eligible, true);
const width = ctx.ids.length;
sampleRanks(ctx, from, to, new Int32Array(shared, from * width * Int32Array.BYTES_PER_ELEMENT, (to - from) * width));
parentPort!.postMessage('done');
