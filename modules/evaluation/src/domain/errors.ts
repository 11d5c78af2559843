/**
 * The engine's one error: an AppError('VALIDATION') whose zh-CN message names the node, column or entity
 * at fault, and whose details carry a typed `reason` (the list below) with the same facts as data, so the
 * API can render `{ error: { code, message, details } }` and the CLI prints the message as it is.
 */
import { AppError } from '@kechuang/platform-core';

export type IndexErrorReason =
  | 'SCHEME_INVALID' // not JSON, or a field of the scheme has the wrong shape (zod)
  | 'SCHEME_DUPLICATE_ID' // two nodes share an id
  | 'SCHEME_CYCLE' // a node is its own ancestor (flat `nodes` form, or objects built in code)
  | 'SCHEME_PARENT_UNKNOWN' // a flat node names a parent that does not exist
  | 'SCHEME_ROOT' // no root, several roots, or a root that is a leaf
  | 'SCHEME_EMPTY_GROUP' // a group without children
  | 'WEIGHT_NEGATIVE'
  | 'WEIGHT_ALL_ZERO'
  | 'WEIGHT_MISSING' // `given` weighting and a child without `weight`
  | 'AHP_SHAPE' // matrix not k × k over the group's k children
  | 'AHP_NOT_POSITIVE'
  | 'AHP_NOT_RECIPROCAL'
  | 'AHP_INCONSISTENT' // CR > 0.10
  | 'AHP_TOO_LARGE' // more than 10 children: Saaty's random index stops at 10
  | 'DATA_COLUMN_MISSING' // an indicator, denominator, filter or grouping column is not in the data
  | 'DATA_UNREADABLE' // the data file is not a table (CSV syntax, ragged rows, no header)
  | 'DATA_NOT_NUMBER' // text in a numeric column
  | 'DATA_ID' // missing or duplicate entity id
  | 'DATA_CONSTANT' // min = max where the method divides by the spread
  | 'DATA_NO_ENTITIES' // nothing left to score after eligibility and exclusion
  | 'DATA_DOMAIN' // a value outside the method's domain: log of x ≤ 0, negative score under geometric mean …
  | 'SELECTION_TOO_FEW' // fewer entities than a Top-N asks for
  | 'SELECTION_INVALID'
  | 'SENSITIVITY_INVALID';

export class IndexError extends AppError {
  readonly reason: IndexErrorReason;

  constructor(reason: IndexErrorReason, message: string, facts: Record<string, unknown> = {}) {
    super('VALIDATION', { message, details: { reason, ...facts } });
    this.reason = reason;
  }
}

/** Figures in messages: up to 6 significant digits, no trailing zeros. */
export const fmt = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));
