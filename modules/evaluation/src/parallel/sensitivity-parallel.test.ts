import { expect, it } from 'vitest';
import { seededRandom } from '@kechuang/platform-core';
import { parseScheme, runSensitivity } from '../domain/index.ts';
import { table } from '../test/fixtures.ts';
import { runSensitivityParallel } from './sensitivity-parallel.ts';

it('gives on worker threads exactly what one thread gives for the same seed', async () => {
  const rnd = seededRandom(99);
  const n = 300;
  const col = () => Array.from({ length: n }, () => (rnd() < 0.03 ? NaN : 1 + rnd() * 50));
  const t = table(
    Array.from({ length: n }, (_, i) => `E${i}`),
    { a: col(), b: col(), c: col(), d: col(), e: col(), f: col(), years: col() },
  );
  const { scheme } = parseScheme({
    imputation: { method: 'mean' },
    eligibility: [{ column: 'years', op: '>', value: 10 }],
    root: {
      id: 'root',
      weighting: { method: 'entropy' },
      children: [
        { id: 'g1', weighting: { method: 'critic' }, children: [{ indicator: 'a' }, { indicator: 'b' }, { indicator: 'c', transform: 'log' }] },
        {
          id: 'g2',
          weighting: {
            method: 'ahp',
            matrix: [
              [1, 2, 4],
              [0.5, 1, 2],
              [0.25, 0.5, 1],
            ],
          },
          children: [{ indicator: 'd' }, { indicator: 'e', direction: -1 }, { indicator: 'f' }],
        },
      ],
    },
  });
  const plan = {
    samples: 101,
    seed: 2024,
    aggregation: ['arithmetic' as const, 'geometric' as const],
    imputation: [{ method: 'mean' as const }, { method: 'exclude' as const }],
  };
  const single = runSensitivity(scheme, t, plan);
  const parallel = await runSensitivityParallel(scheme, t, plan, { threads: 3 });
  expect(single.ids.length).toBeLessThan(n);
  expect(parallel).toEqual(single);
  const masked = new Uint8Array(n).map((_, i) => i % 3);
  expect(await runSensitivityParallel(scheme, t, plan, { threads: 2, eligible: masked.map((v) => (v ? 1 : 0)) })).toEqual(
    runSensitivity(
      scheme,
      t,
      plan,
      masked.map((v) => (v ? 1 : 0)),
    ),
  );
});
