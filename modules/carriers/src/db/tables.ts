/** The tables this room owns and alone names in SQL (migrations/0008, 0009, 0014); the evaluation room reads them through its exports (server/index.ts). */
export const TABLES = ['carriers', 'carrier_figures'] as const;
