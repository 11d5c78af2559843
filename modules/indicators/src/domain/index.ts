export * from './progress.ts';
export * from './league.ts';
export * from './rollup.ts';
