export * from './uscc.ts';
export * from './tier.ts';
export * from './doubling.ts';
export * from './rules-input.ts';
export * from './closeness.ts';
export * from './industry.ts';
export * from './validate.ts';
export * from './work-list-names.ts';
