/**
 * The Zhenhai plans' indicator tables (data/*.csv, copies of ../shared/data) turned into district figures
 * with source 'plan', each checked against the catalogue's unit:
 * - 表2 of the 14th plan: its baseline (2020, or 2019 where stated) and its 2025 target;
 * - 表1 of the 13th plan: the 2015 figure (the 13th plan's baseline, and the actual of 2015), the 2020 target
 *   where one was set, and the 2020 actual.
 * A figure that a table gives in a row's note ("占GDP比重 2015: 2.41% -> 2020: 2.43%") belongs to the catalogue
 * entry linked to that note: in 表2 the note's years are the row's baseline and target years; in 表1 the
 * note gives the 2015 figure and the 2020 actual, as the row does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CatalogueEntry } from './zhenhai-catalogue.ts';

export interface Fyp14Row {
  seq: string;
  name_zh: string;
  unit: string;
  baseline_year: string;
  baseline: string;
  target_year: string;
  target: string;
  note: string;
}

export interface Fyp13Row {
  seq: string;
  name_zh: string;
  unit: string;
  year_2015: string;
  target_2020: string;
  actual_2020: string;
  note: string;
}

export interface PlanTables {
  fyp14: Fyp14Row[];
  fyp13: Fyp13Row[];
}

export type PlanCode = 'FYP13' | 'FYP14';

export interface PlanFigure {
  indicator: string;
  kind: 'baseline' | 'target' | 'actual';
  period: string;
  value: number;
  unit: string;
  plan: PlanCode;
  /** the table row it comes from, and whether from the row's note */
  seq: number;
  fromNote: boolean;
}

export interface NoteFigures {
  /** what the note's figures measure, e.g. 占GDP比重 */
  label: string;
  unit: string;
  points: { year: number; value: number }[];
}

const POINT = /(\d{4})\s*[:：]\s*(-?\d+(?:\.\d+)?)\s*(%?)/g;

/** The figures in a note such as "占固定资产投资额比重 2020: 36.6% -> 2025: 39.5%"; null when it holds none ("baseline is 2019"). */
export function parseNoteFigures(note: string): NoteFigures | null {
  const matches = [...note.matchAll(POINT)];
  if (matches.length === 0) return null;
  const units = new Set(matches.map((m) => m[3]));
  if (units.size > 1) throw new Error(`plan table note "${note}": figures in different units`);
  return {
    label: note.slice(0, matches[0].index).trim(),
    unit: matches[0][3],
    points: matches.map((m) => ({ year: Number(m[1]), value: Number(m[2]) })),
  };
}

export function readPlanTables(dir: string): PlanTables {
  const read = <T>(file: string): T[] => parse<T>(readFileSync(path.join(dir, file)), { columns: true, skip_empty_lines: true });
  return { fyp14: read<Fyp14Row>('zhenhai-14th-fyp-indicators.csv'), fyp13: read<Fyp13Row>('zhenhai-13th-fyp-indicators.csv') };
}

const TABLE_NAMES: Record<PlanCode, string> = { FYP14: '“十四五”规划表2', FYP13: '“十三五”规划表1' };

function entryFor(catalogue: CatalogueEntry[], plan: PlanCode, seq: number, fromNote: boolean): CatalogueEntry {
  const ref = (e: CatalogueEntry) => (plan === 'FYP14' ? e.fyp14 : e.fyp13);
  const entry = catalogue.find((e) => ref(e)?.seq === seq && !!ref(e)?.note === fromNote);
  if (!entry) throw new Error(`${TABLE_NAMES[plan]} row ${seq}${fromNote ? ' (note)' : ''}: no catalogue entry`);
  return entry;
}

/** All the plan figures of both tables, for the district; throws on a row without an entry or a unit that differs. */
export function planFigures(catalogue: CatalogueEntry[], tables: PlanTables): PlanFigure[] {
  const figures: PlanFigure[] = [];
  const add = (plan: PlanCode, seq: number, fromNote: boolean, unit: string, kind: PlanFigure['kind'], year: number, text: string | number) => {
    if (text === '' || text === undefined) return;
    const entry = entryFor(catalogue, plan, seq, fromNote);
    if (entry.unit !== unit)
      throw new Error(`${TABLE_NAMES[plan]} row ${seq}${fromNote ? ' (note)' : ''}: unit ${unit}, but ${entry.code} is in ${entry.unit}`);
    const value = Number(text);
    if (!Number.isFinite(value)) throw new Error(`${TABLE_NAMES[plan]} row ${seq}: "${text}" is not a number`);
    figures.push({ indicator: entry.code, kind, period: String(year), value, unit, plan, seq, fromNote });
  };
  for (const row of tables.fyp14) {
    const seq = Number(row.seq);
    entryFor(catalogue, 'FYP14', seq, false); // every row has its entry, whatever figures it gives
    const [baselineYear, targetYear] = [Number(row.baseline_year), Number(row.target_year)];
    add('FYP14', seq, false, row.unit, 'baseline', baselineYear, row.baseline);
    add('FYP14', seq, false, row.unit, 'target', targetYear, row.target);
    const note = parseNoteFigures(row.note ?? '');
    for (const p of note?.points ?? []) {
      const kind = p.year === baselineYear ? 'baseline' : p.year === targetYear ? 'target' : null;
      if (!kind) throw new Error(`${TABLE_NAMES.FYP14} row ${seq} (note): ${p.year} is neither the baseline nor the target year`);
      add('FYP14', seq, true, note!.unit, kind, p.year, p.value);
    }
  }
  for (const row of tables.fyp13) {
    const seq = Number(row.seq);
    entryFor(catalogue, 'FYP13', seq, false);
    const from2015 = (fromNote: boolean, unit: string, value: string | number) => {
      add('FYP13', seq, fromNote, unit, 'baseline', 2015, value);
      add('FYP13', seq, fromNote, unit, 'actual', 2015, value);
    };
    from2015(false, row.unit, row.year_2015);
    add('FYP13', seq, false, row.unit, 'target', 2020, row.target_2020);
    add('FYP13', seq, false, row.unit, 'actual', 2020, row.actual_2020);
    const note = parseNoteFigures(row.note ?? '');
    for (const p of note?.points ?? []) {
      if (p.year === 2015) from2015(true, note!.unit, p.value);
      else if (p.year === 2020) add('FYP13', seq, true, note!.unit, 'actual', 2020, p.value);
      else throw new Error(`${TABLE_NAMES.FYP13} row ${seq} (note): ${p.year} is neither 2015 nor 2020`);
    }
  }
  return figures;
}
