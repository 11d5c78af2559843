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
export const IP_CLASS: Readonly<Record<IpKind, 'I' | 'II'>> = {
  inventionPatent: 'I', plantVariety: 'I', icLayout: 'I', newDrug: 'I', tcmVariety: 'I',
  utilityModel: 'II', design: 'II', softwareCopyright: 'II',
};
const IP_KINDS = Object.keys(IP_CLASS) as IpKind[];
export const CLASS_I: readonly IpKind[] = IP_KINDS.filter((k) => IP_CLASS[k] === 'I');
export const CLASS_II: readonly IpKind[] = IP_KINDS.filter((k) => IP_CLASS[k] === 'II');

export function ipCounts(firm: EnterpriseFigures): { classI: number; classII: number; own: number; transferred: number } {
  const out = { classI: 0, classII: 0, own: 0, transferred: 0 };
  if (!firm.ip) return out;
  for (const h of firm.ip) {
    const ipClass = IP_CLASS[h.kind]; // one lookup, not a scan of each class's list
    if (ipClass === 'I') out.classI += h.count;
    else if (ipClass === 'II') out.classII += h.count;
    out[h.acquisition] += h.count;
  }
  return out;
}

/** num / den ≥ pct / 100, compared in integers (amounts are whole CNY, so no rounding decides a threshold). */
export function shareAtLeast(num: number, den: number, pct: number): boolean {
  return num * 100 >= den * pct;
}

/*
 * ISO dates are read digit by digit rather than through a substring or the date-string parser: the rules read
 * them for every enterprise of a batch. Anything not in the usual YYYY-MM-DD form takes the general path, so
 * every text gives exactly what Number() and Date.parse give.
 */

/** The number the `count` characters of `text` from `from` spell, or -1 if one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function yearOf(iso: string): number {
  const year = digitsAt(iso, 0, 4);
  return year >= 0 ? year : Number(iso.slice(0, 4));
}

/** Date.parse(iso): YYYY-MM-DD (from the year 100; Date.UTC reads 0–99 as 19xx) through Date.UTC, else Date.parse. */
export function isoDateMs(iso: string): number {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return Date.parse(iso);
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31) return Date.parse(iso);
  return Date.UTC(year, month - 1, day);
}
