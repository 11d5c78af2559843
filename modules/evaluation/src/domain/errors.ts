/**
 * The engine's one error: an AppError('VALIDATION') whose zh-CN message names the node, column or entity
 * at fault (the English one says what kind of fault), and whose details carry a typed `reason` (the list below) with the same facts as data, so the
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

/** the English message of each reason (the Chinese one is the thrower's, naming the node, column or entity) */
const REASON_EN: Record<IndexErrorReason, string> = {
  SCHEME_INVALID: 'The scheme is invalid',
  SCHEME_DUPLICATE_ID: 'Two nodes of the scheme share an id',
  SCHEME_CYCLE: 'A node of the scheme is its own ancestor',
  SCHEME_PARENT_UNKNOWN: 'A node names a parent that does not exist',
  SCHEME_ROOT: 'The scheme needs exactly one root group',
  SCHEME_EMPTY_GROUP: 'A group of the scheme has no children',
  WEIGHT_NEGATIVE: 'A weight is negative',
  WEIGHT_ALL_ZERO: 'All weights of a group are zero',
  WEIGHT_MISSING: 'A child of a group weighted by given weights has no weight',
  AHP_SHAPE: "The pairwise comparison matrix does not match the group's children",
  AHP_NOT_POSITIVE: 'The pairwise comparison matrix has a value that is not positive',
  AHP_NOT_RECIPROCAL: 'The pairwise comparison matrix is not reciprocal',
  AHP_INCONSISTENT: 'The pairwise comparisons are inconsistent (CR above 0.10)',
  AHP_TOO_LARGE: 'Pairwise comparison takes at most 10 children',
  DATA_COLUMN_MISSING: 'A column the scheme needs is not in the data',
  DATA_UNREADABLE: 'The data is not a readable table',
  DATA_NOT_NUMBER: 'A numeric column holds text',
  DATA_ID: 'An entity id is missing or repeated',
  DATA_CONSTANT: 'An indicator has the same value for every entity',
  DATA_NO_ENTITIES: 'Nothing is left to score',
  DATA_DOMAIN: 'A value is outside what the method can compute',
  SELECTION_TOO_FEW: 'Too few entities for the selection',
  SELECTION_INVALID: 'The selection is invalid',
  SENSITIVITY_INVALID: 'The sensitivity analysis settings are invalid',
};

export class IndexError extends AppError {
  readonly reason: IndexErrorReason;

  constructor(reason: IndexErrorReason, message: string, facts: Record<string, unknown> = {}) {
    super('VALIDATION', { message: { zh: message, en: REASON_EN[reason] }, details: { reason, ...facts } });
    this.reason = reason;
  }
}

/** Figures in messages: up to 6 significant digits, no trailing zeros. */
export const fmt = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));
