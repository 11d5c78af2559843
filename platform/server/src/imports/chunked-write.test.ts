import { describe, expect, it } from 'vitest';
import { noteRequest, writeInChunks, type YieldingDb } from './chunked-write.ts';

/** A transaction on PGlite whose statements "took" `longestMs` each (the chunking reads nothing else from it). */
function embeddedTx(longestMs: number): YieldingDb {
  const unused = () => Promise.reject(new Error('not used'));
  return { kind: 'embedded', query: unused, exec: unused, copyRows: unused, transaction: unused, close: unused, takeLongestMs: () => longestMs };
}

async function chunkSizes(rows: number, tx: YieldingDb, duringWrite: () => void = () => {}): Promise<number[]> {
  const sizes: number[] = [];
  const all = Array.from({ length: rows }, (_, i) => i);
  const seen: number[] = [];
  await writeInChunks(tx, all, async (chunk) => {
    sizes.push(chunk.length);
    seen.push(...chunk);
    duringWrite();
  });
  expect(seen).toEqual(all); // every row once, in order
  return sizes;
}

describe('writeInChunks on the embedded database', () => {
  it('doubles the chunks up to the bound while no other request arrives', async () => {
    expect(await chunkSizes(40_000, embeddedTx(200))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 5_000]);
  });

  it('sizes the chunks for short statements while other requests arrive', async () => {
    // 1,000 rows took 80 ms against a target of 40: half as many next time, down to the lower bound
    expect(await chunkSizes(2_000, embeddedTx(80), noteRequest)).toEqual([1_000, 500, 250, 250]);
    // statements quicker than the target let the chunks grow, at most twofold a time
    expect((await chunkSizes(10_000, embeddedTx(10), noteRequest)).slice(0, 4)).toEqual([1_000, 2_000, 4_000, 3_000]);
  });
});
