/** Small helpers for timing and for printing figures. */

export const now = (): number => performance.now();

/** Nearest-rank percentile of milliseconds (p in 0–100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

export function median(samples: number[]): number {
  return percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );
}

/** Runs fn n times, answering each run's milliseconds. */
export async function timeRuns(n: number, fn: () => Promise<unknown>, before?: () => void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    before?.();
    const t = now();
    await fn();
    out.push(now() - t);
  }
  return out;
}

export const ms = (x: number): string => (Number.isFinite(x) ? (x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`) : '—');
export const secs = (x: number): string => `${(x / 1000).toFixed(2)} s`;
export const int = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
export const ratio = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');
export const rate = (rows: number, millis: number): number => (rows * 1000) / millis;

/** Prints an aligned table of strings (first row = header). */
export function printTable(rows: string[][], indent = '  '): void {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  rows.forEach((r, k) => {
    console.log(
      indent +
        r
          .map((c, i) => (i === 0 ? pad(c, widths[i]) : padStart(c, widths[i])))
          .join('  ')
          .trimEnd(),
    );
    if (k === 0) console.log(indent + widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

/** CJK characters take two columns in a terminal. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;
