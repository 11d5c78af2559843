/**
 * What people read of a run's data: its columns' names and units (the preset's; an uploaded table's columns
 * are their own codes), its leaves with those units, and why each entity that was read was not scored, as a
 * sentence derived from the frozen scheme and the entity's frozen figures — so a run stored before the
 * sentences existed ("注册年限（年） = 2.65178，不满足 >= 3") reads like a new one ("注册年限不满足（需 ≥ 3 年，实际 2 年 7 个月）").
 */
import type { Db } from '@kechuang/platform-server';
import { filterFailure, leaves as leavesOf, missingFigure, parseScheme, type Filter, type LeafNode, type Scheme } from '../domain/index.ts';
import type { LeafInfo, PresetCode } from '../contract/schemas.ts';
import type { RunRow } from '../db/run-queries.ts';
import { presetColumns } from '../presets/index.ts';
import { LEADERSHIP_SCHEME } from '../presets/leadership.ts';

export type Columns = Record<string, { name: string; unit: string }>;

export async function columnsOf(db: Db, preset: PresetCode | null): Promise<Columns> {
  if (!preset) return {};
  return Object.fromEntries((await presetColumns(db, preset)).map((c) => [c.code, { name: c.name, unit: c.unit }]));
}

export const nameIn =
  (columns: Columns) =>
  (code: string): string =>
    columns[code]?.name ?? code;

/** the frozen scheme, parsed (it was parsed when the run was computed); null if it no longer parses */
export function schemeOf(run: Pick<RunRow, 'scheme'>): Scheme | null {
  try {
    return parseScheme(run.scheme).scheme;
  } catch {
    return null;
  }
}

export function leafInfo(scheme: Scheme | null, columns: Columns): LeafInfo[] {
  if (!scheme) return [];
  return leavesOf(scheme.root).map((l) => ({
    id: l.id,
    name: l.name ?? columns[l.indicator]?.name ?? l.indicator,
    indicator: l.indicator,
    unit: columns[l.indicator]?.unit ?? '',
    ...(l.denominator ? { denominator: l.denominator, denominatorUnit: columns[l.denominator]?.unit ?? '' } : {}),
    ...(l.transform ? { transform: l.transform } : {}),
    direction: l.direction,
  }));
}

/** The preset's current filters: a run frozen with older labels ("注册年限（年）") takes their label, unit and sentence. */
const PRESET_FILTERS: Partial<Record<PresetCode, Filter[]>> = { leadership: LEADERSHIP_SCHEME.eligibility as Filter[] };

function worded(preset: PresetCode | null, f: Filter): Filter {
  const now = preset ? PRESET_FILTERS[preset]?.find((p) => p.column === f.column && p.op === f.op && p.value === f.value) : undefined;
  return now && f.unit === undefined && f.message === undefined ? { ...f, label: now.label, unit: now.unit, message: now.message } : f;
}

const HOLDS: Record<Filter['op'], (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

export interface Reasons {
  /** why an entity read but not scored was left out, from its frozen figures; `stored` (the engine's words) when they cannot tell */
  of(figures: Record<string, number | null>, stored: string | null): string | null;
}

export function reasonsFor(run: Pick<RunRow, 'scheme' | 'preset'>, scheme: Scheme | null, columns: Columns): Reasons {
  const filters = (scheme?.eligibility ?? []).map((f) => worded(run.preset, f));
  const leaves: LeafNode[] = scheme ? leavesOf(scheme.root) : [];
  const excludesGaps = scheme?.imputation.method === 'exclude';
  const name = nameIn(columns);
  return {
    of(figures, stored) {
      if (stored === null) return null;
      const figure = (c: string) => figures[c] ?? null;
      for (const f of filters) {
        const v = figure(f.column);
        if (v === null || !HOLDS[f.op](v, f.value)) return filterFailure(f, v);
      }
      if (excludesGaps) {
        for (const l of leaves) {
          const gap = missingFigure({ ...l, name: l.name ?? name(l.indicator) }, figure, name);
          if (gap) return gap;
        }
      }
      return stored;
    },
  };
}
