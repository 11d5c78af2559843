import { expect, it } from 'vitest';
import { errorTableProblems } from '@kechuang/platform-core';
import { TECH_CONTRACT_ERRORS } from './errors.ts';

it('every code of the room has an error status and its message in both languages', () => {
  expect(errorTableProblems(TECH_CONTRACT_ERRORS)).toEqual([]);
});
