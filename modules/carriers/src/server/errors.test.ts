import { expect, it } from 'vitest';
import { errorTableProblems } from '@kechuang/platform-core';
import { CARRIER_ERRORS, CARRIER_ROW_ERRORS } from './errors.ts';

it('words every carriers error in both languages, with an error status', () => {
  expect(errorTableProblems(CARRIER_ERRORS)).toEqual([]);
});

it("words every import row error in both languages (a row error's status is its refusal's, 422)", () => {
  const asErrors = Object.fromEntries(Object.entries(CARRIER_ROW_ERRORS).map(([code, words]) => [code, { status: 422, ...words }]));
  expect(errorTableProblems(asErrors)).toEqual([]);
});
