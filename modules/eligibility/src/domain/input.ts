/** What the rules read about an enterprise: the `rules check` input (amounts in CNY, dates ISO). */
export type IpKind = 'inventionPatent' | 'plantVariety' | 'icLayout' | 'newDrug' | 'tcmVariety' | 'utilityModel' | 'design' | 'softwareCopyright';

export interface YearFigures {
  year: number;
  revenue?: number;
  rdExpense?: number;
  rdExpenseDomestic?: number;
  highTechRevenue?: number;
  netAssets?: number;
  totalCost?: number;
}

export interface EnterpriseFigures {
  id: string;
  asOf: string;
  foundedOn?: string;
  employees?: number;
  sciTechStaff?: number;
  totalAssets?: number;
  keyField?: boolean;
  ownsCoreIp?: boolean;
  incidents?: boolean;
  years?: YearFigures[];
  ip?: { kind: IpKind; acquisition: 'own' | 'transferred'; count: number }[];
  conversions?: Record<string, number>;
  assessed?: { advancement?: number; coreSupport?: number; rdManagement?: number; standards?: number };
  directRoutes?: string[];
}

// HNTE 工作指引 §(三)2: Class I and Class II intellectual property
export const CLASS_I: readonly IpKind[] = ['inventionPatent', 'plantVariety', 'icLayout', 'newDrug', 'tcmVariety'];
export const CLASS_II: readonly IpKind[] = ['utilityModel', 'design', 'softwareCopyright'];

export function ipCounts(firm: EnterpriseFigures): { classI: number; classII: number; own: number; transferred: number } {
  const out = { classI: 0, classII: 0, own: 0, transferred: 0 };
  for (const h of firm.ip ?? []) {
    if (CLASS_I.includes(h.kind)) out.classI += h.count;
    else if (CLASS_II.includes(h.kind)) out.classII += h.count;
    out[h.acquisition] += h.count;
  }
  return out;
}

/** num / den ≥ pct / 100, compared in integers (amounts are whole CNY, so no rounding decides a threshold). */
export function shareAtLeast(num: number, den: number, pct: number): boolean {
  return num * 100 >= den * pct;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
