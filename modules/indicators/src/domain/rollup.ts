/**
 * How town figures roll up to their district when the district reports no figure of its own:
 * `sum` adds the towns' actuals; `ratio` divides the sum of a numerator indicator by the sum of a
 * denominator indicator (times `scale`, e.g. 100 for a percentage); `none` does not roll up
 * (an average of town percentages is not the district's percentage).
 */
export type Rollup = { kind: 'sum' } | { kind: 'ratio'; numerator: string; denominator: string; scale: number } | { kind: 'none' };

/** values: indicator code → the towns' actuals (one per town that reported) */
export function rollUp(rollup: Rollup, own: number[], values: (indicatorCode: string) => number[]): number | null {
  switch (rollup.kind) {
    case 'sum':
      return own.length === 0 ? null : own.reduce((a, b) => a + b, 0);
    case 'ratio': {
      const num = values(rollup.numerator);
      const den = values(rollup.denominator);
      if (num.length === 0 || den.length === 0) return null;
      const d = den.reduce((a, b) => a + b, 0);
      return d === 0 ? null : (num.reduce((a, b) => a + b, 0) / d) * rollup.scale;
    }
    case 'none':
      return null;
  }
}

/** The indicators a roll-up reads: its own code for a sum, a ratio's numerator and denominator. */
export function rollupInputs(rollup: Rollup, code: string): string[] {
  return rollup.kind === 'ratio' ? [rollup.numerator, rollup.denominator] : rollup.kind === 'sum' ? [code] : [];
}
