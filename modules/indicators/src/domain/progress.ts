/**
 * Progress of an actual against the plan's trajectory, and its traffic light (亮灯).
 *
 * - expected value at period t: linear between baseline (year y0) and target (year y1) by default,
 *   or compound growth b·(T/b)^((t−y0)/(y1−y0)) where the indicator asks for it; before y0 it is the
 *   baseline, after y1 the target.
 * - completion = (actual − baseline) / (target − baseline).
 * - light: green when the actual is at or past the expected value; yellow when it falls short by no
 *   more than `yellowThreshold` (default 10%) of the planned change |target − baseline|; red below
 *   that; grey when there is no actual (or no plan). Lower-is-better indicators mirror this.
 */
export type Direction = 'higher' | 'lower';
export type Trajectory = 'linear' | 'compound';
export type Light = 'green' | 'yellow' | 'red' | 'grey';

export interface ProgressInput {
  direction: Direction;
  trajectory: Trajectory;
  baseline: { position: number; value: number } | null;
  target: { position: number; value: number } | null;
  actual: number | null;
  /** the period's end on the year axis (see platform/core period.ts) */
  position: number;
  yellowThreshold: number;
}

export interface Progress {
  expected: number | null;
  completion: number | null;
  light: Light;
}

export const DEFAULT_YELLOW_THRESHOLD = 0.1;

export function expectedValue(
  trajectory: Trajectory,
  baseline: { position: number; value: number },
  target: { position: number; value: number },
  position: number,
): number {
  const span = target.position - baseline.position;
  if (span <= 0) return target.value;
  const share = Math.min(1, Math.max(0, (position - baseline.position) / span));
  const canCompound = baseline.value > 0 && target.value > 0;
  if (trajectory === 'compound' && canCompound) {
    return baseline.value * (target.value / baseline.value) ** share;
  }
  return baseline.value + (target.value - baseline.value) * share;
}

export function computeProgress(input: ProgressInput): Progress {
  const { baseline, target, actual } = input;
  if (!baseline || !target) return { expected: null, completion: null, light: 'grey' };
  const expected = expectedValue(input.trajectory, baseline, target, input.position);
  const plannedChange = target.value - baseline.value;
  if (actual === null) return { expected, completion: null, light: 'grey' };
  const completion = plannedChange === 0 ? null : (actual - baseline.value) / plannedChange;
  return { expected, completion, light: lightFor(input.direction, actual, expected, plannedChange, input.yellowThreshold) };
}

function lightFor(direction: Direction, actual: number, expected: number, plannedChange: number, threshold: number): Light {
  const shortfall = direction === 'higher' ? expected - actual : actual - expected;
  // a tolerance of a millionth of the planned change absorbs the rounding of figures typed by hand
  const tolerance = Math.abs(plannedChange) * 1e-9;
  if (shortfall <= tolerance) return 'green';
  if (shortfall <= Math.abs(plannedChange) * threshold + tolerance) return 'yellow';
  return 'red';
}

/** What a light says: its colour, or for a grey one why there is none — no figure, or a figure but no target or no baseline to measure it by. */
export type LightStatus = Exclude<Light, 'grey'> | 'noData' | 'noTarget' | 'noBaseline';

export function lightStatus(i: { light: Light; actual: number | null; baseline: number | null; target: number | null }): LightStatus {
  if (i.light !== 'grey') return i.light;
  if (i.actual === null) return 'noData';
  return i.target === null ? 'noTarget' : i.baseline === null ? 'noBaseline' : 'noData';
}
