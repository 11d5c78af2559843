/** How the statistics group (zod-free, for the web bundle too). */
export const STATS_BY = ['year', 'town', 'field', 'type'] as const;
