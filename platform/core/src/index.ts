export * from './errors.ts';
export * from './decimal.ts';
export * from './period.ts';
export * from './paging.ts';
export * from './roles.ts';
export * from './contract.ts';
export * from './random.ts';
