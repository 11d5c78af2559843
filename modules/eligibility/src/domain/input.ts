/** What the rules read about an enterprise: the `rules check` input (amounts in CNY, dates ISO). */
export type IpKind = 'inventionPatent' | 'plantVariety' | 'icLayout' | 'newDrug' | 'tcmVariety' | 'utilityModel' | 'design' | 'softwareCopyright';

export interface YearFigures {
  year: number;
  /** 销售收入: main- plus other-business revenue (the R&D ratio, growth, the tech-SME size limit) */
  revenue?: number;
  /** 总收入 = 收入总额 − 不征税收入 (the HNTE high-tech share); revenue stands in when it is missing */
  totalIncome?: number;
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
  /** resident enterprise (居民企业) registered in China, or with its place of effective management here */
  resident?: boolean;
  /** main business in an industry excluded from the R&D super-deduction (财税〔2015〕119号 Part 4) */
  industryExcluded?: boolean;
  /** in the restricted or eliminated categories of the NDRC 《产业结构调整指导目录》 */
  restrictedCatalogue?: boolean;
  /** on the abnormal-operation list or the list of seriously illegal and dishonest enterprises */
  dishonestyListed?: boolean;
  years?: YearFigures[];
  ip?: IpHolding[];
  conversions?: Record<string, number>;
  assessed?: { advancement?: number; coreSupport?: number; rdManagement?: number; standards?: number };
  directRoutes?: string[];
}

export interface IpHolding {
  kind: IpKind;
  acquisition: 'own' | 'transferred';
  count: number;
  /** Class II items of this count already used in an earlier HNTE application: they do not score again */
  usedInEarlierHnte?: number;
}

// HNTE 工作指引 §(三)2: Class I and Class II intellectual property
export const IP_CLASS: Readonly<Record<IpKind, 'I' | 'II'>> = {
  inventionPatent: 'I',
  plantVariety: 'I',
  icLayout: 'I',
  newDrug: 'I',
  tcmVariety: 'I',
  utilityModel: 'II',
  design: 'II',
  softwareCopyright: 'II',
};
const IP_KINDS = Object.keys(IP_CLASS) as IpKind[];
export const CLASS_I: readonly IpKind[] = IP_KINDS.filter((k) => IP_CLASS[k] === 'I');
export const CLASS_II: readonly IpKind[] = IP_KINDS.filter((k) => IP_CLASS[k] === 'II');

/**
 * IP counted by class and acquisition. For HNTE (`forHnte`), Class II items used in an earlier HNTE
 * application are left out: 工作指引 国科发火〔2016〕195号 §(三)2 lets a Class II item serve one application only.
 * The tech-SME score has no such rule.
 */
export function ipCounts(firm: EnterpriseFigures, forHnte = false): { classI: number; classII: number; own: number; transferred: number } {
  const out = { classI: 0, classII: 0, own: 0, transferred: 0 };
  if (!firm.ip) return out;
  for (const h of firm.ip) {
    const ipClass = IP_CLASS[h.kind]; // one lookup, not a scan of each class's list
    const count = forHnte && ipClass === 'II' ? Math.max(0, h.count - (h.usedInEarlierHnte ?? 0)) : h.count;
    if (ipClass === 'I') out.classI += count;
    else if (ipClass === 'II') out.classII += count;
    out[h.acquisition] += count;
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
