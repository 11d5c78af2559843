/** The tables this room owns and alone names in SQL (migrations/0007, 0010); it reads the registry, the indicators and the carriers through their exports. */
export const TABLES = ['evaluation_schemes', 'evaluation_runs', 'evaluation_run_inputs', 'evaluation_results'] as const;
