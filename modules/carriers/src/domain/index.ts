/** The carriers' pure lists and rules (no database, no HTTP, no zod): safe for the web bundle too. */
export * from './review-catalogue.ts';
export { COUNT_UNITS } from './figure-units.ts';
