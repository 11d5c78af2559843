export * from './progress.ts';
export * from './league.ts';
export * from './rollup.ts';
export * from './plan-names.ts';
