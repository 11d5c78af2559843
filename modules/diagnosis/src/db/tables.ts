/** This room owns no table: it reads the registry's figures through @kechuang/enterprises/server. */
export const TABLES = [] as const;
