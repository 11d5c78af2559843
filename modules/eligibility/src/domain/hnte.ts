/**
 * HNTE conditions (高新技术企业认定条件) — 《高新技术企业认定管理办法》国科发火〔2016〕32号 Art. 11, effective
 * 2016-01-01, with the definitions of 工作指引 国科发火〔2016〕195号. Each condition reports the firm's figure,
 * the required figure and pass/fail (null with a reason when a figure is missing); failed quantitative
 * conditions report the smallest change that makes them pass, all else equal. Reasons are codes (reasons.ts).
 */
import { isoDateMs, shareAtLeast, yearOf, type EnterpriseFigures, type YearFigures } from './input.ts';
import { innovationScore, type ScoreParts } from './hnte-score.ts';
import { SCORE_ADVICE, type RuleReason, type ScoreAdvice } from './reasons.ts';

export type HnteCode =
  | 'registeredOneYear'
  | 'coreIp'
  | 'keyField'
  | 'sciTechStaffShare'
  | 'rdExpenseShare'
  | 'rdDomesticShare'
  | 'highTechRevenueShare'
  | 'innovationScore'
  | 'noIncidents';

export interface Condition {
  code: HnteCode;
  actual: number | boolean | null;
  required: number | boolean;
  pass: boolean | null;
  reason?: RuleReason;
}
export interface Gap {
  code: HnteCode;
  change: number;
  unit: 'CNY' | 'people' | 'points' | 'days';
  /** innovationScore: where the points are cheapest, best first */
  advice?: readonly ScoreAdvice[];
}
export interface HnteResult {
  qualified: boolean | null;
  ruleVersion: string;
  window: number[];
  conditions: Condition[];
  score: ScoreParts;
  scoreHigh: ScoreParts;
  gaps: Gap[];
}

/**
 * `passAbove`: 工作指引 says 综合得分达到70分以上（不含70分）, so a total of exactly 70 fails; points are whole,
 * so the lowest passing total, reported as the condition's `required`, is 71.
 */
export const HNTE_RULES_2016 = { version: '国科发火〔2016〕32号', effectiveFrom: '2016-01-01', passAbove: 70, lowestPass: 71 } as const;

/** Art. 11(5): the R&D share required depends on the last year's sales revenue (in CNY). */
export function requiredRdShare(lastRevenue: number): number {
  if (lastRevenue <= 50_000_000) return 5;
  if (lastRevenue <= 200_000_000) return 4;
  return 3;
}

/** The three accounting years before the application year that the firm reports (fewer if younger), in year order. */
export function hnteWindow(firm: EnterpriseFigures): YearFigures[] {
  const applying = yearOf(firm.asOf);
  const window: YearFigures[] = [];
  if (!firm.years) return window;
  for (const y of firm.years) {
    if (!(y.year >= applying - 3 && y.year < applying)) continue;
    // insert in year order, after any equal year, as a stable sort would (the years usually come in order)
    let i = window.length;
    window.push(y);
    for (; i > 0 && window[i - 1].year > y.year; i--) window[i] = window[i - 1];
    window[i] = y;
  }
  return window;
}

const missing = (code: HnteCode, required: number | boolean, reason: RuleReason['code'] & `hnte.${string}Missing`): Condition => ({
  code,
  actual: null,
  required,
  pass: null,
  reason: { code: reason },
});
function total(ys: YearFigures[], k: Exclude<keyof YearFigures, 'year'>): number | undefined {
  let s = 0;
  for (const y of ys) {
    const v = y[k];
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function checkHnte(firm: EnterpriseFigures): HnteResult {
  const window = hnteWindow(firm);
  const last = window.at(-1);
  const conditions: Condition[] = [];
  const gaps: Gap[] = [];

  // Art. 11(1): registered in China as a resident enterprise, at least one year
  if (!firm.foundedOn) conditions.push(missing('registeredOneYear', 365, 'hnte.foundedOnMissing'));
  else if (firm.resident === false) {
    const days = Math.floor((isoDateMs(firm.asOf) - isoDateMs(firm.foundedOn)) / 86_400_000);
    conditions.push({ code: 'registeredOneYear', actual: days, required: 365, pass: false, reason: { code: 'hnte.notResident' } });
  } else {
    const days = Math.floor((isoDateMs(firm.asOf) - isoDateMs(firm.foundedOn)) / 86_400_000);
    conditions.push({ code: 'registeredOneYear', actual: days, required: 365, pass: days >= 365 });
    if (days < 365) gaps.push({ code: 'registeredOneYear', change: 365 - days, unit: 'days' });
  }
  // Art. 11(2), (3): core IP, in a key field
  conditions.push(
    firm.ownsCoreIp === undefined
      ? missing('coreIp', true, 'hnte.coreIpMissing')
      : { code: 'coreIp', actual: firm.ownsCoreIp, required: true, pass: firm.ownsCoreIp },
  );
  conditions.push(
    firm.keyField === undefined
      ? missing('keyField', true, 'hnte.keyFieldMissing')
      : { code: 'keyField', actual: firm.keyField, required: true, pass: firm.keyField },
  );

  // Art. 11(4): sci-tech staff ≥ 10% of employees
  if (firm.employees === undefined || firm.sciTechStaff === undefined || firm.employees <= 0)
    conditions.push(missing('sciTechStaffShare', 0.1, 'hnte.staffMissing'));
  else {
    const pass = shareAtLeast(firm.sciTechStaff, firm.employees, 10);
    conditions.push({ code: 'sciTechStaffShare', actual: round4(firm.sciTechStaff / firm.employees), required: 0.1, pass });
    // existing employees who would have to work in R&D (headcount unchanged)
    if (!pass) gaps.push({ code: 'sciTechStaffShare', change: Math.ceil(firm.employees / 10 - firm.sciTechStaff), unit: 'people' });
  }

  // Art. 11(5): R&D expense / sales revenue over the window, by the last year's revenue band
  const rd = total(window, 'rdExpense');
  const revenue = total(window, 'revenue');
  if (!last || rd === undefined || revenue === undefined || revenue <= 0 || last.revenue === undefined)
    conditions.push(missing('rdExpenseShare', 0.05, 'hnte.rdWindowMissing'));
  else {
    const pct = requiredRdShare(last.revenue);
    const pass = shareAtLeast(rd, revenue, pct);
    conditions.push({ code: 'rdExpenseShare', actual: round4(rd / revenue), required: pct / 100, pass });
    // over the whole window (`window` of the result)
    if (!pass) gaps.push({ code: 'rdExpenseShare', change: Math.ceil((revenue * pct) / 100 - rd), unit: 'CNY' });
  }

  // Art. 11(5): R&D incurred in China ≥ 60% of all R&D, same window
  const domestic = total(window, 'rdExpenseDomestic');
  if (rd === undefined || domestic === undefined || rd <= 0) conditions.push(missing('rdDomesticShare', 0.6, 'hnte.rdDomesticMissing'));
  else {
    const pass = shareAtLeast(domestic, rd, 60);
    conditions.push({ code: 'rdDomesticShare', actual: round4(domestic / rd), required: 0.6, pass });
    // (d + x) / (t + x) ≥ 0.6 ⇔ x ≥ (0.6t − d) / 0.4: more R&D spent in China
    if (!pass) gaps.push({ code: 'rdDomesticShare', change: Math.ceil((0.6 * rd - domestic) / 0.4), unit: 'CNY' });
  }

  // Art. 11(6): high-tech product/service revenue ≥ 60% of 总收入 (收入总额 − 不征税收入), last year;
  // sales revenue stands in for a missing total income, and the condition says so
  const income = last?.totalIncome ?? last?.revenue;
  if (!last || last.highTechRevenue === undefined || income === undefined || income <= 0)
    conditions.push(missing('highTechRevenueShare', 0.6, 'hnte.highTechMissing'));
  else {
    const pass = shareAtLeast(last.highTechRevenue, income, 60);
    const reason: RuleReason | undefined = last.totalIncome === undefined ? { code: 'hnte.revenueAsTotalIncome' } : undefined;
    conditions.push({ code: 'highTechRevenueShare', actual: round4(last.highTechRevenue / income), required: 0.6, pass, ...(reason && { reason }) });
    // income shown to be high-tech, total income unchanged: ⌈(3T − 5H) ÷ 5⌉
    if (!pass) gaps.push({ code: 'highTechRevenueShare', change: Math.ceil((3 * income - 5 * last.highTechRevenue) / 5), unit: 'CNY' });
  }

  // Art. 11(7): innovation-capability score above 70 (工作指引: 70分以上（不含70分）)
  const { score, scoreHigh } = innovationScore(firm, window);
  const scorePass = score.total > HNTE_RULES_2016.passAbove;
  conditions.push({ code: 'innovationScore', actual: score.total, required: HNTE_RULES_2016.lowestPass, pass: scorePass });
  if (!scorePass) gaps.push({ code: 'innovationScore', change: HNTE_RULES_2016.lowestPass - score.total, unit: 'points', advice: cheapestPoints(score) });

  // Art. 11(8): no major accident or serious violation in the year before applying
  conditions.push(
    firm.incidents === undefined
      ? missing('noIncidents', true, 'hnte.incidentsMissing')
      : { code: 'noIncidents', actual: !firm.incidents, required: true, pass: !firm.incidents },
  );

  return { qualified: allPass(conditions), ruleVersion: HNTE_RULES_2016.version, window: window.map((y) => y.year), conditions, score, scoreHigh, gaps };
}

/** Qualified when every condition passes; not when any fails; unknown (null) otherwise. */
function allPass(conditions: readonly Condition[]): boolean | null {
  let all: boolean | null = true;
  for (const c of conditions) {
    if (c.pass === false) return false;
    if (c.pass === null) all = null;
  }
  return all;
}

/**
 * Where points are cheapest to find (SCORE_ADVICE): more achievement conversions per year (the next band up),
 * more Class I IP (invention patents), R&D management (ledger, institution, incentives, training), growth of
 * net assets or sales. The list for every combination of the four is built once: a failing firm's advice is a
 * lookup, not a new array.
 */
const ADVICE_LISTS: readonly (readonly ScoreAdvice[])[] = Array.from({ length: 1 << SCORE_ADVICE.length }, (_, which) =>
  Object.freeze(SCORE_ADVICE.filter((_, i) => which & (1 << i))),
);

function cheapestPoints(score: ScoreParts): readonly ScoreAdvice[] {
  const which = (score.conversion < 25 ? 1 : 0) | (score.ip < 30 ? 2 : 0) | (score.rdManagement < 20 ? 4 : 0) | (score.growth < 20 ? 8 : 0);
  return ADVICE_LISTS[which];
}
