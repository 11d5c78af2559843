import { expect, it } from 'vitest';
import { errorTableProblems } from '@kechuang/platform-core';
import { TECH_CONTRACT_ERRORS, TECH_CONTRACT_ROW_ERRORS } from './errors.ts';

it('every code of the room has an error status and its message in both languages', () => {
  expect(errorTableProblems(TECH_CONTRACT_ERRORS)).toEqual([]);
});

it("words every import row error in both languages (a row error's status is its refusal's, 422)", () => {
  const asErrors = Object.fromEntries(Object.entries(TECH_CONTRACT_ROW_ERRORS).map(([code, words]) => [code, { status: 422, ...words }]));
  expect(errorTableProblems(asErrors)).toEqual([]);
});
