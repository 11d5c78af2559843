export * from './uscc.ts';
