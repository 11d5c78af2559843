/** The issue's example scheme, verbatim, and a small table for it (also in examples/ as files). */
import type { DataTable } from '../domain/table.ts';

export const ISSUE_EXAMPLE = {
  name: 'example',
  normalisation: { method: 'minmax', range: [0, 100] },
  aggregation: 'arithmetic',
  root: {
    id: 'index',
    weighting: { method: 'given' },
    children: [
      { id: 'input', weight: 0.6, weighting: { method: 'equal' }, children: [{ indicator: 'rd_intensity' }, { indicator: 'staff_share' }] },
      {
        id: 'output',
        weight: 0.4,
        weighting: {
          method: 'ahp',
          matrix: [
            [1, 3],
            [0.3333333, 1],
          ],
        },
        children: [{ indicator: 'patents' }, { indicator: 'defects', direction: -1 }],
      },
    ],
  },
};

/** examples/example.data.csv: E04 and E06 have the same figures, so they tie. */
export const EXAMPLE_ROWS: [string, number, number, number, number][] = [
  ['E01', 3.2, 0.25, 12, 4],
  ['E02', 5.1, 0.4, 30, 9],
  ['E03', 1.0, 0.1, 2, 1],
  ['E04', 4.0, 0.3, 20, 3],
  ['E05', 2.6, 0.18, 8, 6],
  ['E06', 4.0, 0.3, 20, 3],
];

export function table(ids: string[], columns: Record<string, number[]>, text: Record<string, string[]> = {}): DataTable {
  return {
    ids,
    columns: new Map(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)])),
    text: new Map(Object.entries(text)),
  };
}

export function exampleTable(): DataTable {
  const col = (j: number) => EXAMPLE_ROWS.map((r) => r[j] as number);
  return table(
    EXAMPLE_ROWS.map((r) => r[0]),
    { rd_intensity: col(1), staff_share: col(2), patents: col(3), defects: col(4) },
  );
}
