/** The tables this room owns and alone names in SQL (migrations/0018); other rooms call its exports (server/index.ts). */
export const TABLES = ['tech_contracts', 'tech_contract_instalments', 'tech_contract_history'] as const;
