/**
 * Reporting periods as users write them: a year `2023`, a quarter `2023Q2`, a month `2023-05`.
 * `position` places a period's end on a continuous year axis, so that the end of 2023 is 2023.0,
 * the end of 2023Q2 is 2022.5 and the end of May 2023 is 2022 + 5/12: the plan's baseline year
 * (e.g. 2020) is the end of that year, and a trajectory is linear or compound along this axis.
 */
export type PeriodKind = 'year' | 'quarter' | 'month';
export interface Period {
  text: string;
  kind: PeriodKind;
  year: number;
  /** quarter 1–4 or month 1–12; absent for a year */
  part?: number;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})\s*[Qq]([1-4])$/;
const MONTH = /^(\d{4})-(\d{1,2})$/;
const ZH_QUARTER = /^(\d{4})年?第?([1-4一二三四])季度?$/;
const ZH_MONTH = /^(\d{4})年(\d{1,2})月$/;
const ZH_YEAR = /^(\d{4})年$/;
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

export function parsePeriod(input: string | number): Period | null {
  const s = String(input).trim();
  let m = YEAR.exec(s) ?? ZH_YEAR.exec(s);
  if (m) return yearPeriod(Number(m[1]));
  m = QUARTER.exec(s);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = ZH_QUARTER.exec(s);
  if (m) return quarterPeriod(Number(m[1]), ZH_DIGITS[m[2]] ?? Number(m[2]));
  m = MONTH.exec(s) ?? ZH_MONTH.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { text: `${m[1]}-${String(month).padStart(2, '0')}`, kind: 'month', year: Number(m[1]), part: month };
  }
  return null;
}

function yearPeriod(year: number): Period | null {
  if (year < 1949 || year > 2100) return null;
  return { text: String(year), kind: 'year', year };
}

function quarterPeriod(year: number, quarter: number): Period | null {
  if (year < 1949 || year > 2100) return null;
  return { text: `${year}Q${quarter}`, kind: 'quarter', year, part: quarter };
}

/** The period's end on a continuous year axis (see the module comment). */
export function periodPosition(p: Period): number {
  switch (p.kind) {
    case 'year':
      return p.year;
    case 'quarter':
      return p.year - 1 + (p.part ?? 4) / 4;
    case 'month':
      return p.year - 1 + (p.part ?? 12) / 12;
  }
}
