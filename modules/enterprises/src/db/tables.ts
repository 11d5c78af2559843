/** The tables this room owns and alone names in SQL (migrations/0005, 0006, 0011, 0013); other rooms call its exports (server/index.ts). */
export const TABLES = [
  'industry_chains',
  'enterprises',
  'enterprise_years',
  'enterprise_ip',
  'qualifications',
  'rd_institutions',
  'enterprise_checks',
  'enterprise_import_changes',
] as const;

/** SQL functions this room owns (migrations/0005): what tier an enterprise holds on a date. */
export const FUNCTIONS = ['enterprise_tier'] as const;
