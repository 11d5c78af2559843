/**
 * The registry's own checks on what a user types or imports, as messages a bureau officer can act on.
 * Shared by the forms (API) and the imports, so a figure refused in one is refused in the other.
 */
import { CLASS_II } from '@kechuang/eligibility/domain';
import { validateUscc } from './uscc.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export function usccProblem(raw: string): { uscc: string; message: string | null } {
  const v = validateUscc(raw);
  switch (v.problem) {
    case null:
      return { uscc: v.uscc, message: null };
    case 'length':
      return { uscc: v.uscc, message: `统一社会信用代码应为 18 位，实为 ${v.uscc.length} 位` };
    case 'character':
      return { uscc: v.uscc, message: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）' };
    case 'region':
      return { uscc: v.uscc, message: '统一社会信用代码第 3–8 位应为行政区划代码' };
    case 'checkCharacter':
      return { uscc: v.uscc, message: `统一社会信用代码校验位有误：第 18 位应为 ${v.expected}` };
  }
}

export function foundedOnProblem(foundedOn: string | null, today: string): string | null {
  if (foundedOn === null) return null;
  if (Number.isNaN(Date.parse(foundedOn))) return `成立日期“${foundedOn}”不是有效日期`;
  if (foundedOn > today) return `成立日期 ${foundedOn} 晚于今天`;
  return null;
}

export interface YearFigureValues {
  revenue?: number | null;
  totalIncome?: number | null;
  highTechRevenue?: number | null;
  rdExpense?: number | null;
  rdExpenseDomestic?: number | null;
  totalCost?: number | null;
  totalAssets?: number | null;
  employees?: number | null;
  sciTechStaff?: number | null;
  conversions?: number | null;
}

const LABELS: Record<keyof YearFigureValues, string> = {
  revenue: '营业收入',
  totalIncome: '总收入',
  highTechRevenue: '高新技术产品(服务)收入',
  rdExpense: '研发费用',
  rdExpenseDomestic: '境内研发费用',
  totalCost: '成本费用总额',
  totalAssets: '资产总额',
  employees: '职工总数',
  sciTechStaff: '科技人员数',
  conversions: '科技成果转化数',
};

const FIELDS = Object.keys(LABELS) as (keyof YearFigureValues)[];

/** A year's figure problem as the forms word it (`message`) and as the imports code it: its kind and facts, the labels Chinese. */
export interface YearFigureProblem extends FieldProblem {
  kind: 'negative' | 'notWhole' | 'more';
  label: string;
  /** 'more': the figure, the one it may not exceed, and that one's value */
  a?: number;
  big?: string;
  b?: number;
}

export function yearFigureProblems(y: YearFigureValues): FieldProblem[] {
  return yearFigureChecks(y).map((p) => ({ field: p.field, message: p.message }));
}

export function yearFigureChecks(y: YearFigureValues): YearFigureProblem[] {
  const out: YearFigureProblem[] = [];
  for (const k of FIELDS) {
    const v = y[k];
    if (v !== undefined && v !== null && v < 0) out.push({ field: k, message: `${LABELS[k]}不能为负数`, kind: 'negative', label: LABELS[k] });
  }
  for (const k of ['employees', 'sciTechStaff', 'conversions'] as const) {
    const v = y[k];
    if (v !== undefined && v !== null && !Number.isInteger(v)) out.push({ field: k, message: `${LABELS[k]}应为整数`, kind: 'notWhole', label: LABELS[k] });
  }
  more(y, 'sciTechStaff', 'employees', out);
  more(y, 'highTechRevenue', 'revenue', out);
  // high-tech revenue is part of 总收入 (收入总额 − 不征税收入) as it is of sales revenue
  more(y, 'highTechRevenue', 'totalIncome', out);
  more(y, 'rdExpenseDomestic', 'rdExpense', out);
  return out;
}

// a function of its own rather than a closure per call: imports check 100,000 rows
function more(y: YearFigureValues, small: keyof YearFigureValues, big: keyof YearFigureValues, out: YearFigureProblem[]): void {
  const a = y[small],
    b = y[big];
  if (a !== undefined && a !== null && b !== undefined && b !== null && a > b)
    out.push({ field: small, message: `${LABELS[small]}（${a}）大于${LABELS[big]}（${b}）`, kind: 'more', label: LABELS[small], a, big: LABELS[big], b });
}

export interface IpHoldingValues {
  kind: string;
  acquisition: string;
  count: number;
  usedInEarlierHnte?: number | null;
}

/**
 * An IP list as the bureau enters it: one row per kind and acquisition; the Class II items already used in
 * an earlier HNTE recognition at most the row's count, and none on a Class I row (Class I items may be used
 * again while valid). `label` names a kind in the message.
 */
export function ipHoldingProblems(items: readonly IpHoldingValues[], label: (kind: string) => string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  items.forEach((h, i) => {
    const what = `第 ${i + 1} 项 ${label(h.kind)}（${h.acquisition === 'own' ? '自主研发' : '受让等'}）`;
    const key = `${h.kind}|${h.acquisition}`;
    if (seen.has(key)) out.push({ field: `items.${i}.kind`, message: `${what}重复` });
    seen.add(key);
    const used = h.usedInEarlierHnte ?? 0;
    if (used === 0) return;
    if (!(CLASS_II as readonly string[]).includes(h.kind))
      out.push({ field: `items.${i}.usedInEarlierHnte`, message: `${what}不是 II 类知识产权，可重复用于高企认定，“已用于以往高企认定”应为 0` });
    else if (used > h.count) out.push({ field: `items.${i}.usedInEarlierHnte`, message: `${what}：已用于以往高企认定的数量（${used}）大于数量（${h.count}）` });
  });
  return out;
}
