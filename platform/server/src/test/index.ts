/** Test helpers of the platform (`@kechuang/platform-server/test`): never imported by application code. */
export * from './xlsx-bombs.ts';
export { PARSE_JOBS } from './parse-jobs.ts';
