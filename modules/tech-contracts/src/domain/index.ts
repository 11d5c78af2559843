/** The room's pure rules and lists (no database, no HTTP, no zod): safe for the web bundle too. */
export * from './rules.ts';
export * from './contract-check.ts';
export * from './fields.ts';
export * from './statuses.ts';
