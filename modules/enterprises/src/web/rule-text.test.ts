import { describe, expect, it } from 'vitest';
import { translate } from '@kechuang/platform-web';
import './messages.ts';
import { checkTechSme, RULE_REASON_CODES } from '@kechuang/eligibility/domain';
import { adviceItems, conditionLabel, coreIpText, gapShort, reasonText, routeText, superDeductionNoteText, superDeductionSourceText } from './rule-text.ts';

const zh = (key: string, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const en = (key: string, vars?: Record<string, string | number>) => translate('en', key, vars);

describe("the rules engine in the user's words", () => {
  it.each([
    [{ code: 'hnte.foundedOnMissing' as const }, '缺少成立日期', 'founding date missing'],
    [{ code: 'hnte.rdWindowMissing' as const }, '考察期内缺少研发费用或营业收入', 'R&D expense or revenue missing in the window'],
    [{ code: 'hnte.revenueAsTotalIncome' as const }, '未填总收入，暂以销售收入计算', 'total income missing: sales revenue used instead'],
    [{ code: 'techSme.sizeMissing' as const, figure: 'employees' as const }, '缺少职工总数', 'Employees missing'],
    [
      { code: 'techSme.sizeAbove' as const, figure: 'employees' as const, actual: 620, limit: 500 },
      '职工总数 620 人 超过 500 人',
      'Employees 620 people above 500 people',
    ],
    [
      { code: 'techSme.sizeAbove' as const, figure: 'revenue' as const, actual: 380_000_000, limit: 200_000_000 },
      '营业收入 3.8 亿元 超过 2 亿元',
      'Revenue 3.8 100M CNY above 2 100M CNY',
    ],
    [{ code: 'techSme.dishonest' as const }, '被列入经营异常名录或严重违法失信名单', 'on the abnormal-operation or serious-dishonesty list'],
    [{ code: 'techSme.residentMissing' as const }, '未登记是否为居民企业', 'resident-enterprise status not recorded'],
  ])('%j → %s / %s', (reason, textZh, textEn) => {
    expect(reasonText(zh, reason)).toBe(textZh);
    expect(reasonText(en, reason)).toBe(textEn);
  });

  it('words every reason the engine can give, in both languages (no code shown)', () => {
    for (const code of RULE_REASON_CODES) {
      const reason = { code, figure: 'revenue' as const, actual: 3e8, limit: 2e8 };
      expect(reasonText(zh, reason), code).toMatch(/[\u4e00-\u9fff]/);
      // a cited text keeps its Chinese number (财税〔2015〕119号)
      expect(reasonText(en, reason).replace(/[\u4e00-\u9fff]+〔\d+〕\d+号/g, ''), code).not.toMatch(/[\u4e00-\u9fff]|hnte\.|techSme\./);
    }
  });

  it('words the reasons of a real check: an enterprise above the size limit with its facts unrecorded', () => {
    const r = checkTechSme({
      id: 'x',
      asOf: '2025-05-01',
      employees: 620,
      resident: true,
      totalAssets: 1e8,
      years: [{ year: 2024, revenue: 1e8, rdExpense: 1e7 }],
    });
    expect(r.reasons).toContainEqual({ code: 'techSme.sizeAbove', figure: 'employees', actual: 620, limit: 500 });
    expect(r.reasons.map((x) => reasonText(zh, x))).toContain('职工总数 620 人 超过 500 人');
    expect(r.reasons.map((x) => reasonText(en, x))).toContain('Employees 620 people above 500 people');
  });

  it('names each of the cheapest points', () => {
    expect(adviceItems(zh, ['classI', 'growth'])).toEqual(['增加 I 类知识产权（发明专利等）', '提升净资产或销售收入增长率']);
    expect(adviceItems(en, ['classI'])).toEqual(['more Class I IP (invention patents)']);
    expect(adviceItems(zh, undefined)).toEqual([]);
  });

  it("words the super-deduction's basis and notes", () => {
    expect(superDeductionSourceText(zh, { source: '财税〔2015〕119号', basis: 'excludedIndustry' })).toBe('财税〔2015〕119号（不适用加计扣除的行业）');
    expect(superDeductionSourceText(en, { source: '公告2023年第7号', basis: 'rate' })).toBe('公告2023年第7号');
    expect(superDeductionNoteText(en, 'smallLowProfitCap')).toBe('the small low-profit rate applies to taxable income up to 3 million CNY');
  });

  it.each([
    ['score', '评分达标（≥ 60 分）'],
    ['direct:hnte', '直通：有效期内的高新技术企业'],
    ['direct:somethingNew', '直通：somethingNew'],
    [null, '未达入库条件'],
  ])('route %s → %s', (route, text) => expect(routeText(zh, route)).toBe(text));

  it('shows core IP the same wherever it appears, saying when it is inferred from the IP register', () => {
    expect(coreIpText(zh, { value: true, basis: 'fromIp' })).toBe('是（据知识产权登记推定）');
    expect(coreIpText(zh, { value: false, basis: 'fromIp' })).toBe('否（据知识产权登记推定）');
    expect(coreIpText(zh, { value: true, basis: 'recorded' })).toBe('是');
  });

  it('shortens gaps for list cells, amounts in 万元', () => {
    expect(gapShort(zh, { code: 'rdExpenseShare', change: 1_205_000, unit: 'CNY' })).toBe('研发费用 +120.50 万元');
    expect(gapShort(zh, { code: 'sciTechStaffShare', change: 3, unit: 'people' })).toBe('科技人员 +3 人');
    expect(gapShort(zh, { code: 'innovationScore', change: 12, unit: 'points' })).toBe('评分 +12 分');
    expect(conditionLabel(zh, 'noSuchCondition')).toBe('noSuchCondition');
  });
});
