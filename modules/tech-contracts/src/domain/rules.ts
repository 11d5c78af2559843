/**
 * The rules of technology contract registration (技术合同认定登记) as data, versioned by date
 * (docs/MARKET-AND-FUNDING.md §1):
 * - `2001`: the 2000 《技术合同认定登记管理办法》 (国科发政字〔2000〕063号) with the 2001 《技术合同认定规则》
 *   (国科发政字〔2001〕253号), for contracts signed before 2026-03-01: four types, 专利实施许可 under 技术转让,
 *   registration within 30 days of acceptance;
 * - `2026`: the MIIT 《技术合同认定登记管理办法》 issued 2026-01-23 with its annex 《技术合同认定登记规则》, in force
 *   from 2026-03-01: five types (技术许可 split from 技术转让, Civil Code 第863条), 15 working days, large or disputed
 *   contracts to a provincial expert review (30 working days).
 * What is known only from the 2024 draft or a local text is marked `check: true` with a note: a rule to confirm
 * against the final text, kept here as data so that confirming it changes data, not code.
 *
 * The types and subtypes follow the regime of the signing date (the contract is judged by the rules it was
 * written under); the clock and the refusal grounds follow the regime of the submission date (the procedure in
 * force when the clerk works on it).
 */

export const TECH_CONTRACT_TYPES = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
export type TechContractType = (typeof TECH_CONTRACT_TYPES)[number];

export const TYPE_LABELS: Record<TechContractType, string> = {
  development: '技术开发',
  transfer: '技术转让',
  licence: '技术许可',
  consulting: '技术咨询',
  service: '技术服务',
};
export const TYPE_LABELS_EN: Record<TechContractType, string> = {
  development: 'Development',
  transfer: 'Transfer',
  licence: 'Licence',
  consulting: 'Consulting',
  service: 'Service',
};

export const SUBTYPE_LABELS = {
  commissioned: '委托开发',
  cooperative: '合作开发',
  patentTransfer: '专利权转让',
  patentApplicationTransfer: '专利申请权转让',
  technicalSecretTransfer: '技术秘密转让',
  otherRightsTransfer: '其他知识产权转让',
  patentLicence: '专利实施许可',
  technicalSecretLicence: '技术秘密许可',
  otherRightsLicence: '其他知识产权许可',
  consulting: '技术咨询',
  technicalService: '技术服务',
  training: '技术培训',
  brokerage: '技术中介',
} as const;
export type TechContractSubtype = keyof typeof SUBTYPE_LABELS;
export const SUBTYPE_LABELS_EN: Record<TechContractSubtype, string> = {
  commissioned: 'Commissioned development',
  cooperative: 'Cooperative development',
  patentTransfer: 'Patent transfer',
  patentApplicationTransfer: 'Patent application transfer',
  technicalSecretTransfer: 'Know-how transfer',
  otherRightsTransfer: 'Other IP transfer',
  patentLicence: 'Patent licence',
  technicalSecretLicence: 'Know-how licence',
  otherRightsLicence: 'Other IP licence',
  consulting: 'Consulting',
  technicalService: 'Technical service',
  training: 'Training',
  brokerage: 'Brokerage',
};

export const RULES_VERSIONS = ['2001', '2026'] as const;
export type RulesVersion = (typeof RULES_VERSIONS)[number];

export const REFUSAL_GROUNDS = [
  'notTechContract',
  'unclearParties',
  'unclearSubject',
  'unclearPrice',
  'monopolyOrInfringement',
  'missingProofs',
  'sealMismatch',
  'notWritten',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];
export const REFUSAL_LABELS: Record<RefusalGround, string> = {
  notTechContract: '不属于技术合同',
  unclearParties: '当事人不明确',
  unclearSubject: '标的不明确',
  unclearPrice: '价款、报酬或使用费不明确',
  monopolyOrInfringement: '含有非法垄断技术或侵害他人技术成果的条款',
  missingProofs: '缺少必要的证明文件',
  sealMismatch: '单位名称与印章不符',
  notWritten: '非书面合同',
};
export const REFUSAL_LABELS_EN: Record<RefusalGround, string> = {
  notTechContract: 'Not a technology contract',
  unclearParties: 'Parties unclear',
  unclearSubject: 'Subject unclear',
  unclearPrice: 'Price unclear',
  monopolyOrInfringement: 'Illegal monopoly or infringing clauses',
  missingProofs: 'Required proofs missing',
  sealMismatch: 'Unit name does not match the seal',
  notWritten: 'Not a written contract',
};

export interface Regime {
  version: RulesVersion;
  /** first signing (types) or submission (procedure) date the regime applies to */
  from: string;
  name: string;
  types: Partial<Record<TechContractType, readonly TechContractSubtype[]>>;
  /** the registration deadline from the submission (acceptance) date */
  deadline: { days: number; workingDays: boolean; check?: boolean; note: string };
  /** a large contract (技术交易额 at or above the threshold, yuan) goes to an expert review with its own deadline */
  large: { threshold: number; days: number; workingDays: boolean; check: boolean; note: string } | null;
  refusalGrounds: readonly RefusalGround[];
  /** grounds known only from a draft or a local text */
  refusalCheck: boolean;
}

export const REGIMES: readonly Regime[] = [
  {
    version: '2001',
    from: '2000-01-01',
    name: '《技术合同认定登记管理办法》（2000）·《技术合同认定规则》（2001）',
    types: {
      development: ['commissioned', 'cooperative'],
      // 专利实施许可 was a kind of 转让 then; stored and counted as 技术许可 (normaliseType)
      transfer: ['patentTransfer', 'patentApplicationTransfer', 'technicalSecretTransfer', 'patentLicence'],
      consulting: ['consulting'],
      service: ['technicalService', 'training', 'brokerage'],
    },
    deadline: { days: 30, workingDays: false, note: '自受理之日起30日内完成认定登记' },
    large: null,
    refusalGrounds: ['notTechContract', 'unclearParties', 'unclearSubject', 'unclearPrice', 'monopolyOrInfringement', 'missingProofs', 'notWritten'],
    refusalCheck: false,
  },
  {
    version: '2026',
    from: '2026-03-01',
    name: '《技术合同认定登记管理办法》（工业和信息化部，2026）及附件《技术合同认定登记规则》',
    types: {
      development: ['commissioned', 'cooperative'],
      transfer: ['patentTransfer', 'patentApplicationTransfer', 'technicalSecretTransfer', 'otherRightsTransfer'],
      licence: ['patentLicence', 'technicalSecretLicence', 'otherRightsLicence'],
      consulting: ['consulting'],
      service: ['technicalService', 'training', 'brokerage'],
    },
    deadline: { days: 15, workingDays: true, check: true, note: '15个工作日（据2024年征求意见稿，待对照正式文本）；补正材料后重新计算' },
    large: {
      threshold: 5_000_000,
      days: 30,
      workingDays: true,
      check: true,
      note: '技术交易额一般在500万元以上的报省级专家评审，30个工作日（据征求意见稿，待核实）',
    },
    refusalGrounds: REFUSAL_GROUNDS,
    refusalCheck: true,
  },
];

/** The regime in force on a date (yyyy-mm-dd). */
export function regimeOn(date: string): Regime {
  let found = REGIMES[0];
  for (const r of REGIMES) if (date >= r.from) found = r;
  return found;
}

/** the regime whose types a contract signed on this date is judged by */
export const typeRegimeOf = (signedOn: string): Regime => regimeOn(signedOn);

/**
 * The type a contract is stored and counted under: the old regime's 专利实施许可 under 技术转让 is 技术许可
 * (the five types of the 2026 rules); everything else as given.
 */
export function normaliseType(type: TechContractType, subtype: TechContractSubtype): TechContractType {
  return type === 'transfer' && subtype === 'patentLicence' ? 'licence' : type;
}

/** Whether the subtype belongs to the type under the regime (the old regime's 许可 under 转让 also as 技术许可). */
export function subtypeAllowed(regime: Regime, type: TechContractType, subtype: TechContractSubtype): boolean {
  if (regime.types[type]?.includes(subtype)) return true;
  return regime.version === '2001' && type === 'licence' && subtype === 'patentLicence';
}

/**
 * Public holidays and the weekend days worked instead (调休), by the State Council's yearly notices [check each
 * year's notice]. Used by the working-day clock; a year missing here counts weekends only.
 */
export const HOLIDAYS: Record<number, { off: readonly string[]; workedWeekends: readonly string[] }> = {
  2025: {
    off: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    workedWeekends: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    workedWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** yyyy-mm-dd plus n calendar days */
export function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** calendar days from a to b (b − a) */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A working day: Monday to Friday unless a holiday, or a weekend day worked instead of one. */
export function isWorkingDay(date: string): boolean {
  const year = HOLIDAYS[Number(date.slice(0, 4))];
  if (year?.workedWeekends.includes(date)) return true;
  if (year?.off.includes(date)) return false;
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** The date n working days after `date` (the date itself not counted). */
export function addWorkingDays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/**
 * The registration deadline of a contract submitted (or its missing papers completed) on `submittedOn`: the
 * regime in force that day, the large-contract review's longer clock when its technical amount reaches the
 * threshold.
 */
export function registrationDeadline(submittedOn: string, techAmount: number): { deadline: string; large: boolean; version: RulesVersion } {
  const regime = regimeOn(submittedOn);
  const large = !!regime.large && techAmount >= regime.large.threshold;
  const rule = large && regime.large ? regime.large : regime.deadline;
  const deadline = rule.workingDays ? addWorkingDays(submittedOn, rule.days) : addDays(submittedOn, rule.days);
  return { deadline, large, version: regime.version };
}

/** The deadline clock on `today`: days left (0 on the day itself), or days overdue. */
export function deadlineClock(deadline: string, today: string): { daysLeft: number; overdue: boolean } {
  const left = daysBetween(today, deadline);
  return { daysLeft: left, overdue: left < 0 };
}
