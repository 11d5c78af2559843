/** A lead's stages and moves (zod-free, so that the web may import them as values): contacted → negotiating → signed, or dropped with a reason from either of the first two. */
export const LEAD_STATUSES = ['contacted', 'negotiating', 'signed', 'dropped'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_MOVES: Record<LeadStatus, readonly LeadStatus[]> = {
  contacted: ['negotiating', 'dropped'],
  negotiating: ['signed', 'dropped'],
  signed: [],
  dropped: [],
};
