/** The lines of the final summary table: every figure beside the reference measured in the same run. */
import { printTable } from './stats.ts';

export interface Figure {
  bench: string;
  mode: string;
  figure: string;
  value: string;
  reference: string;
  /** the figure against its reference, and the goal it is read against */
  against: string;
  goal: string;
}

const figures: Figure[] = [];

export function record(f: Figure): void {
  figures.push(f);
}

export function printSummary(): void {
  if (figures.length === 0) return;
  console.log('\n== Summary (each figure beside its reference from the same run; goals are read, never asserted) ==');
  printTable([
    ['bench', 'db', 'figure', 'value', 'reference', 'vs reference', 'goal'],
    ...figures.map((f) => [f.bench, f.mode, f.figure, f.value, f.reference, f.against, f.goal]),
  ]);
}
