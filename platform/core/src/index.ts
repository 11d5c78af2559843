export * from './errors.ts';
export * from './decimal.ts';
export * from './period.ts';
