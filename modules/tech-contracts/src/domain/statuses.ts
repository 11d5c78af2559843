/**
 * A contract's registration status: submitted (受理, the clock runs) → registered (已登记) | refused with one ground
 * (不予登记) | returned for papers (退回补正; resubmitting restarts the clock); a registered contract may be
 * deregistered (注销, on termination or cancellation). Only registered contracts count in the statistics and the
 * technology-transaction indicator.
 */
export const STATUSES = ['submitted', 'registered', 'refused', 'returned', 'deregistered'] as const;
export type TechContractStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<TechContractStatus, string> = {
  submitted: '待认定',
  registered: '已登记',
  refused: '不予登记',
  returned: '退回补正',
  deregistered: '已注销',
};
export const STATUS_LABELS_EN: Record<TechContractStatus, string> = {
  submitted: 'Submitted',
  registered: 'Registered',
  refused: 'Refused',
  returned: 'Returned for papers',
  deregistered: 'Deregistered',
};
/** the clerk's actions and the statuses they start from */
export const ACTIONS_FROM: Record<'register' | 'refuse' | 'return' | 'resubmit' | 'deregister', readonly TechContractStatus[]> = {
  register: ['submitted'],
  refuse: ['submitted'],
  return: ['submitted'],
  resubmit: ['returned'],
  deregister: ['registered'],
};
