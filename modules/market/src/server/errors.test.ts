import { expect, it } from 'vitest';
import { errorTableProblems } from '@kechuang/platform-core';
import { MARKET_ERRORS } from './errors.ts';

it("the market's error codes have a 4xx status and their messages in both languages", () => {
  expect(errorTableProblems(MARKET_ERRORS)).toEqual([]);
});
