import { expect, it } from 'vitest';
import { foundedOnProblem, ipHoldingProblems, usccProblem, yearFigureProblems } from './validate.ts';
import { superDeductionIndustry } from './industry.ts';

it('names the expected check character of a mistyped USCC', () => {
  expect(usccProblem(' 91330211MA2GQXXX1X ').message).toMatch(/不允许的字符|校验位/);
  expect(usccProblem('91350100M000100Y43')).toEqual({ uscc: '91350100M000100Y43', message: null });
  expect(usccProblem('91350100M000100Y44').message).toBe('统一社会信用代码校验位有误：第 18 位应为 3');
  expect(usccProblem('9135010').message).toBe('统一社会信用代码应为 18 位，实为 7 位');
});

it('refuses a founding date in the future', () => {
  expect(foundedOnProblem('2030-01-01', '2026-11-23')).toBe('成立日期 2030-01-01 晚于今天');
  expect(foundedOnProblem('2026-11-23', '2026-11-23')).toBeNull();
  expect(foundedOnProblem(null, '2026-11-23')).toBeNull();
});

it('refuses negative amounts, staff above employees and parts above their whole', () => {
  expect(yearFigureProblems({ revenue: -1 })).toEqual([{ field: 'revenue', message: '营业收入不能为负数' }]);
  expect(yearFigureProblems({ employees: 10, sciTechStaff: 11 })).toEqual([{ field: 'sciTechStaff', message: '科技人员数（11）大于职工总数（10）' }]);
  expect(yearFigureProblems({ revenue: 100, highTechRevenue: 101 })[0].field).toBe('highTechRevenue');
  expect(yearFigureProblems({ rdExpense: 5, rdExpenseDomestic: 6 })[0].field).toBe('rdExpenseDomestic');
  expect(yearFigureProblems({ employees: 10.5 })[0]).toEqual({ field: 'employees', message: '职工总数应为整数' });
  expect(yearFigureProblems({ revenue: 100, highTechRevenue: 100, employees: 10, sciTechStaff: 10 })).toEqual([]);
  expect(yearFigureProblems({ totalIncome: -1 })).toEqual([{ field: 'totalIncome', message: '总收入不能为负数' }]);
  expect(yearFigureProblems({ totalIncome: 90, highTechRevenue: 95 })).toEqual([
    { field: 'highTechRevenue', message: '高新技术产品(服务)收入（95）大于总收入（90）' },
  ]);
  expect(yearFigureProblems({ revenue: 100, totalIncome: 102, highTechRevenue: 100 })).toEqual([]);
});

it('refuses IP used in an earlier HNTE recognition above the count or on a Class I row, and a repeated row', () => {
  const label = (k: string) => ({ utilityModel: '实用新型专利', inventionPatent: '发明专利' })[k] ?? k;
  expect(ipHoldingProblems([{ kind: 'utilityModel', acquisition: 'own', count: 5, usedInEarlierHnte: 5 }], label)).toEqual([]);
  expect(ipHoldingProblems([{ kind: 'utilityModel', acquisition: 'own', count: 5, usedInEarlierHnte: 6 }], label)).toEqual([
    { field: 'items.0.usedInEarlierHnte', message: '第 1 项 实用新型专利（自主研发）：已用于以往高企认定的数量（6）大于数量（5）' },
  ]);
  expect(
    ipHoldingProblems(
      [
        { kind: 'design', acquisition: 'own', count: 1 },
        { kind: 'inventionPatent', acquisition: 'transferred', count: 3, usedInEarlierHnte: 1 },
      ],
      label,
    )[0],
  ).toMatchObject({
    field: 'items.1.usedInEarlierHnte',
    message: expect.stringContaining('第 2 项 发明专利（受让等）不是 II 类知识产权'),
  });
  expect(
    ipHoldingProblems(
      [
        { kind: 'design', acquisition: 'own', count: 1 },
        { kind: 'design', acquisition: 'own', count: 2 },
      ],
      label,
    )[0].field,
  ).toBe('items.1.kind');
});

it('reads the super-deduction industry from the GB/T 4754 code', () => {
  expect(superDeductionIndustry('C2614')).toBe('manufacturing');
  expect(superDeductionIndustry('C1610')).toBe('excluded');
  expect(superDeductionIndustry('F5191')).toBe('excluded');
  expect(superDeductionIndustry('C3973')).toBe('integratedCircuit');
  expect(superDeductionIndustry('I6513')).toBe('other');
  expect(superDeductionIndustry(null)).toBe('other');
});
