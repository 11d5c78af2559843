/** The tables this room owns and alone names in SQL (migrations/0002–0004, 0012, 0014); other rooms call its exports (server/index.ts). */
export const TABLES = ['indicators', 'plans', 'indicator_values', 'indicator_value_changes'] as const;
