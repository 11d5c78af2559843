export * from './input.ts';
export * from './reasons.ts';
export * from './hnte.ts';
export * from './hnte-score.ts';
export * from './tech-sme.ts';
export * from './check-enterprise.ts';
export * from './input-schema.ts';
export * from './super-deduction.ts';
