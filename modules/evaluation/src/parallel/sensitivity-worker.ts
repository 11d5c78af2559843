/**
 * One Monte Carlo worker thread: loads while the main thread builds the shared context, receives it,
 * then takes chunks of samples from the shared counter until none is left, writing their ranks into the
 * shared matrix and reporting each chunk done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sampleRanks, type SensitivityContext } from '../domain/index.ts';
import { nextChunk, type WorkerInput } from './sensitivity-parallel.ts';

const input = workerData as WorkerInput;
parentPort!.once('message', (ctx: SensitivityContext) => {
  const width = ctx.ids.length;
  for (let chunk = nextChunk(input); chunk; chunk = nextChunk(input)) {
    const [from, to] = chunk;
    sampleRanks(ctx, from, to, new Int32Array(input.ranks, from * width * Int32Array.BYTES_PER_ELEMENT, (to - from) * width));
    Atomics.add(new Int32Array(input.counters), 1, to - from);
    parentPort!.postMessage('chunk');
  }
  parentPort!.postMessage('done');
});
