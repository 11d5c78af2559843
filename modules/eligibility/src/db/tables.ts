/** This room owns no table: its rules are pure functions over the figures they are given. */
export const TABLES = [] as const;
