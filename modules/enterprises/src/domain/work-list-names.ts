/** The bureau's work lists (工作清单), by name: what the API, the exports and the pages share. */
export const WORK_LISTS = ['hnteCandidates', 'hnteExpiring', 'zeroRd', 'noRdInstitution', 'lapsedTechSme'] as const;
export type WorkListName = (typeof WORK_LISTS)[number];
