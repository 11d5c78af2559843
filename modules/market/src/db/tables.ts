/** The tables this room owns and alone names in SQL: none yet (the matching engine works on what it is given). */
export const TABLES = [] as const;
