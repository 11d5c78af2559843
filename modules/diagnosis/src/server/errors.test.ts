import { expect, it } from 'vitest';
import { errorTableProblems } from '@kechuang/platform-core';
import { DIAGNOSIS_ERRORS } from './errors.ts';

it('words every diagnosis error in both languages, with an error status', () => {
  expect(errorTableProblems(DIAGNOSIS_ERRORS)).toEqual([]);
});
